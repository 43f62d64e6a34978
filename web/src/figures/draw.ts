// Drawing a figure: the body with thickness (capsule segments), its props, the movement's arrow,
// and the animation from the start pose to the end pose as SVG (SMIL `animate` on each path, so
// the same markup moves in the app, in a file and in the contact sheet). Joint angles are
// interpolated, not points, so limbs keep their length while they move.
import { FLOOR, LEN, WIDTH, add, dirOf, dist, points, solve, type ArmSpec, type Body, type BodySpec, type LegSpec, type Pt } from './body';

// A key pose: the body, plus the moving parts of a rope.
export interface Frame extends BodySpec {
  ropeApex?: number; // jump rope: height (y) of the rope's turn between the hands
  loopDir?: number; // side swing: direction of the rope's loop from the hands
}

export type Prop =
  | { t: 'mat' }
  | { t: 'chair'; x: number; back?: 'left' | 'right' | 'none' } // seat from x to x + 20 at y = 62
  | { t: 'wall'; x: number }
  | { t: 'wall-behind' } // front views: the wall the back rests on
  | { t: 'doorway' } // front views: the frame around the person
  | { t: 'door'; x: number }
  | { t: 'step'; x: number; w?: number; h?: number }
  | { t: 'block'; x: number; w: number; h: number }
  | { t: 'cushion'; x: number; w: number; h: number; y?: number }
  | { t: 'strap'; from: string; to: string } // between two named points of the body
  | { t: 'dowel' } // a stick along the back
  | { t: 'rope' } // the jump rope: handles at the hands, turning by `ropeApex` or `loopDir`
  | { t: 'handles' } // rope handles only (ropeless drills)
  | { t: 'bounce' } // marks under the feet
  | { t: 'intervals'; kind: 'short' | 'long' }; // work and rest pattern, top right

export type Motion = 'hold' | 'reps' | 'rope';

export interface FigureDef {
  start: Frame;
  end: Frame;
  motion: Motion; // hold: into the pose and stay; reps: back and forth; rope: quick, in rhythm
  props?: Prop[];
  // The point whose path the arrow follows (a point of the body, or `rope` / `loop` for the rope),
  // moved by `offset`, bent sideways by `bend` units, drawn `scale` times as long (for small moves).
  arrow: { at: string; offset?: Pt; bend?: number; scale?: number };
  ground?: 'floor' | 'above'; // above: seen from the ceiling, lying on a mat
  lowBack?: boolean; // front and top views cannot show a bend of the lower back: say it here
}

// --- interpolation --------------------------------------------------------------------------

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
const lerpPt = (a: Pt, b: Pt, t: number): Pt => [lerp(a[0], b[0], t), lerp(a[1], b[1], t)];
const ease = (t: number) => t * t * (3 - 2 * t);

function armAngles(spec: BodySpec, which: 'arm' | 'farArm', b: Body): ArmSpec {
  const s = which === 'arm' ? 0 : 1;
  const a = spec[which];
  if ('shoulder' in a) return a;
  return { shoulder: b.angles.shoulder[s], elbow: b.angles.elbow[s], out: a.out };
}

function legAngles(spec: BodySpec, which: 'leg' | 'farLeg', b: Body): LegSpec {
  const s = which === 'leg' ? 0 : 1;
  const l = spec[which];
  if ('hip' in l) return l;
  return { hip: b.angles.hip[s], knee: b.angles.knee[s], ankle: b.angles.ankle[s], out: l.out };
}

function footDirection(b: Body, which: 'leg' | 'farLeg'): number {
  const l = b[which];
  return dirOf(l.end, l.tip!);
}

function lerpArm(a: ArmSpec, b: ArmSpec, t: number, sa: BodySpec, sb: BodySpec, ba: Body, bb: Body, which: 'arm' | 'farArm'): ArmSpec {
  if ('hand' in a && 'hand' in b && !!a.elbowDown === !!b.elbowDown) return { hand: lerpPt(a.hand, b.hand, t), out: lerp(a.out ?? 0, b.out ?? 0, t), elbowDown: a.elbowDown };
  // A front view bends the elbow out of the picture when posed by angles and in it when placed by
  // the hand: between the two, move the hand in a straight line.
  if ((sa.view ?? 'side') === 'front' && ('hand' in a || 'hand' in b)) {
    const ha = 'hand' in a ? a.hand : ba[which].end;
    const hb = 'hand' in b ? b.hand : bb[which].end;
    const elbowDown = 'hand' in b ? b.elbowDown : 'hand' in a ? a.elbowDown : undefined;
    return { hand: lerpPt(ha, hb, t), out: lerp(a.out ?? 0, b.out ?? 0, t), elbowDown };
  }
  const x = armAngles(sa, which, ba) as { shoulder: number; elbow: number; out?: number };
  const y = armAngles(sb, which, bb) as { shoulder: number; elbow: number; out?: number };
  return { shoulder: lerp(x.shoulder, y.shoulder, t), elbow: lerp(x.elbow, y.elbow, t), out: lerp(x.out ?? 0, y.out ?? 0, t) };
}

function lerpLeg(a: LegSpec, b: LegSpec, t: number, sa: BodySpec, sb: BodySpec, ba: Body, bb: Body, which: 'leg' | 'farLeg'): LegSpec {
  if ('to' in a && 'to' in b && !!a.kneeBack === !!b.kneeBack) {
    // A foot that is flat in one pose and not in the other turns between the two.
    const fa = a.footDir ?? footDirection(ba, which);
    const fb = b.footDir ?? footDirection(bb, which);
    return { to: lerpPt(a.to, b.to, t), footDir: lerp(fa, fb, t), out: lerp(a.out ?? 0, b.out ?? 0, t), kneeBack: a.kneeBack };
  }
  const x = legAngles(sa, which, ba) as { hip: number; knee: number; ankle?: number; out?: number };
  const y = legAngles(sb, which, bb) as { hip: number; knee: number; ankle?: number; out?: number };
  return { hip: lerp(x.hip, y.hip, t), knee: lerp(x.knee, y.knee, t), ankle: lerp(x.ankle ?? 0, y.ankle ?? 0, t), out: lerp(x.out ?? 0, y.out ?? 0, t) };
}

// The pose a fraction t of the way from start to end.
export function between(a: Frame, b: Frame, t: number): Frame {
  if (t <= 0) return a;
  if (t >= 1) return b;
  const ba = solve(a);
  const bb = solve(b);
  const n = (x: number | undefined, y: number | undefined) => (x === undefined && y === undefined ? undefined : lerp(x ?? 0, y ?? 0, t));
  return {
    view: a.view,
    hip: lerpPt(a.hip, b.hip, t),
    pelvis: lerp(a.pelvis, b.pelvis, t),
    lumbar: n(a.lumbar, b.lumbar),
    thoracic: n(a.thoracic, b.thoracic),
    neck: n(a.neck, b.neck),
    twist: n(a.twist, b.twist),
    arm: lerpArm(a.arm, b.arm, t, a, b, ba, bb, 'arm'),
    farArm: lerpArm(a.farArm, b.farArm, t, a, b, ba, bb, 'farArm'),
    leg: lerpLeg(a.leg, b.leg, t, a, b, ba, bb, 'leg'),
    farLeg: lerpLeg(a.farLeg, b.farLeg, t, a, b, ba, bb, 'farLeg'),
    ropeApex: n(a.ropeApex, b.ropeApex),
    loopDir: n(a.loopDir, b.loopDir),
  };
}

// --- shapes ---------------------------------------------------------------------------------

const f = (n: number) => (Math.round(n * 10) / 10).toString();
const p = (pt: Pt) => `${f(pt[0])} ${f(pt[1])}`;
const line = (a: Pt, b: Pt) => `M${p(a)}L${p(b)}`;
const circle = (c: Pt, r: number) => `M${f(c[0] - r)} ${f(c[1])}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0`;

// One drawn part: its layer, style class and width, and its geometry for a given pose.
interface Part {
  key: string;
  cls: string;
  width?: number;
  d: string;
}

// The lower back is highlighted when the item bends it (the engine tags flexion or extension);
// `figureLoadsLowBack` tells whether a figure does, and the tests hold it to the catalog's tags.
export const LOW_BACK_BEND = 8;
export function figureLoadsLowBack(def: FigureDef): boolean {
  if (def.lowBack !== undefined) return def.lowBack;
  if ((def.start.view ?? 'side') !== 'side') return false;
  return Math.max(Math.abs(def.start.lumbar ?? 0), Math.abs(def.end.lumbar ?? 0)) >= LOW_BACK_BEND;
}

function bodyParts(frame: Frame, lowBack: boolean): Part[] {
  const b = solve(frame);
  const front = b.view === 'front';
  const parts: Part[] = [];
  const limb = (name: string, l: Body['arm'], cls: string, w1: number, w2: number, hand: boolean) => {
    parts.push({ key: name + '1', cls, width: w1, d: line(l.root, l.mid) });
    parts.push({ key: name + '2', cls, width: w2, d: line(l.mid, l.end) });
    if (hand) parts.push({ key: name + 'h', cls: cls + ' solid', d: circle(l.end, 2.3) });
  };
  const leg = (name: string, l: Body['leg'], cls: string) => {
    limb(name, l, cls, WIDTH.thigh, WIDTH.shin, false);
    // Front views: a knee bent toward the viewer shows as a round knee cap.
    if (front) parts.push({ key: name + 'k', cls: cls + ' knee', d: circle(l.mid, Math.abs(b.angles.knee[name === 'nl' ? 0 : 1]) >= 30 ? 3.6 : 0.01) });
    parts.push({ key: name + 'f', cls, width: WIDTH.foot, d: line(l.end, l.tip!) });
  };
  if (front) {
    leg('fl', b.farLeg, 'b');
    leg('nl', b.leg, 'b');
    parts.push({ key: 'pel', cls: 'b', width: 10, d: line(b.farLeg.root, b.leg.root) });
    parts.push({ key: 'lum', cls: lowBack ? 'b low-back' : 'b', width: 12, d: line(b.hip, b.l1) });
    parts.push({ key: 'tho', cls: 'b', width: 15, d: line(b.l1, add(b.c7, [0, 1.5])) });
    parts.push({ key: 'sho', cls: 'b', width: 6, d: line(b.farArm.root, b.arm.root) });
    parts.push({ key: 'nck', cls: 'b', width: WIDTH.neck, d: line(b.c7, b.neckTop) });
    parts.push({ key: 'hd', cls: 'b solid', d: circle(b.head, LEN.headRadius) });
    limb('fa', b.farArm, 'b', WIDTH.upperArm, WIDTH.forearm, true);
    limb('na', b.arm, 'b', WIDTH.upperArm, WIDTH.forearm, true);
    return parts;
  }
  limb('fa', b.farArm, 'b far', WIDTH.upperArm, WIDTH.forearm, true);
  leg('fl', b.farLeg, 'b far');
  // The pelvis is a short, wide capsule along its own axis, so a tilt shows.
  parts.push({ key: 'pel', cls: 'b', width: WIDTH.pelvis, d: line(add(b.hip, vecOf(b.pelvisDir + 180, 1.5)), add(b.hip, vecOf(b.pelvisDir, 2))) });
  parts.push({ key: 'lum', cls: lowBack ? 'b low-back' : 'b', width: WIDTH.lumbar, d: line(b.hip, b.l1) });
  parts.push({ key: 'tho', cls: 'b', width: WIDTH.thoracic, d: line(b.l1, b.c7) });
  parts.push({ key: 'nck', cls: 'b', width: WIDTH.neck, d: line(b.c7, b.neckTop) });
  parts.push({ key: 'hd', cls: 'b solid', d: circle(b.head, LEN.headRadius) });
  parts.push({ key: 'nose', cls: 'b solid', d: circle(b.face, 1.5) });
  leg('nl', b.leg, 'b');
  limb('na', b.arm, 'b', WIDTH.upperArm, WIDTH.forearm, true);
  return parts;
}

// Props that move with the body.
function movingParts(frame: Frame, props: Prop[]): Part[] {
  const b = solve(frame);
  const pts = points(b);
  const parts: Part[] = [];
  for (const pr of props) {
    if (pr.t === 'strap') parts.push({ key: 'strap', cls: 'strap', d: line(pts[pr.from], pts[pr.to]) });
    if (pr.t === 'dowel') {
      const back = b.frontDir - 180;
      const dir = b.frontDir - 90;
      const low = add(add(b.hip, vecOf(back, 6.5)), vecOf(dir, -4));
      const high = add(add(b.head, vecOf(back, 7)), vecOf(dir, 4));
      parts.push({ key: 'dowel', cls: 'dowel', d: line(low, high) });
    }
    if (pr.t === 'rope' || pr.t === 'handles') {
      const l = b.farArm.end;
      const r = b.arm.end;
      const hl: Pt = add(l, [-1.2, 4.5]);
      const hr: Pt = add(r, [1.2, 4.5]);
      parts.push({ key: 'hdl', cls: 'handle', d: `${line(l, hl)}${line(r, hr)}` });
      if (pr.t === 'rope' && frame.ropeApex !== undefined) {
        const mid: Pt = [(hl[0] + hr[0]) / 2, (hl[1] + hr[1]) / 2];
        const c: Pt = [mid[0], 2 * frame.ropeApex - mid[1]];
        parts.push({ key: 'rope', cls: 'rope', d: `M${p(hl)}Q${p(c)} ${p(hr)}` });
      }
      if (pr.t === 'rope' && frame.loopDir !== undefined) {
        // Both handles in one hand side by side: the rope turns in a loop beside the body.
        const hands: Pt = [(hl[0] + hr[0]) / 2, (hl[1] + hr[1]) / 2];
        const a = frame.loopDir;
        const centre = add(hands, vecOf(a, 13));
        const ax = vecOf(a, 13);
        const ay = vecOf(a + 90, 5.5);
        const pt = (k: number): Pt => [centre[0] + ax[0] * Math.cos(k) + ay[0] * Math.sin(k), centre[1] + ax[1] * Math.cos(k) + ay[1] * Math.sin(k)];
        let d = `M${p(pt(Math.PI))}`;
        for (let i = 1; i <= 12; i++) d += `L${p(pt(Math.PI + (i * Math.PI) / 6))}`;
        parts.push({ key: 'rope', cls: 'rope', d });
      }
    }
  }
  return parts;
}

const vecOf = (dir: number, len: number): Pt => [Math.sin((dir * Math.PI) / 180) * len, -Math.cos((dir * Math.PI) / 180) * len];

// Props that stay put: behind the body, or in front (marks).
function fixedProps(props: Prop[], ground: 'floor' | 'above'): { back: string; front: string } {
  let back = ground === 'above' ? `<rect class="mat-above" x="10" y="30" width="100" height="52" rx="3"/>` : `<path class="floor" d="M4 ${FLOOR}H116"/>`;
  let front = '';
  for (const pr of props) {
    switch (pr.t) {
      case 'mat':
        back += `<rect class="mat" x="8" y="${FLOOR - 1.6}" width="104" height="1.6" rx="0.8"/>`;
        break;
      case 'chair': {
        const x = pr.x;
        const backX = pr.back === 'right' ? x + 19 : x + 1;
        back +=
          `<path class="prop" stroke-width="2.4" d="M${x} 62H${x + 20}"/>` +
          `<path class="prop" stroke-width="1.6" d="M${x + 1.5} 63V${FLOOR}M${x + 18.5} 63V${FLOOR}${pr.back === 'none' ? '' : `M${backX} 62V36`}"/>`;
        break;
      }
      case 'wall':
        back += `<rect class="wall" x="${pr.x}" y="4" width="4" height="${FLOOR - 4}"/>`;
        break;
      case 'wall-behind':
        back += `<rect class="wall" x="34" y="4" width="52" height="${FLOOR - 4}"/>`;
        break;
      case 'doorway':
        back += `<path class="prop" stroke-width="2.6" d="M32 ${FLOOR}V6H88V${FLOOR}"/>`;
        break;
      case 'door':
        back += `<path class="prop" stroke-width="2.4" d="M${pr.x} ${FLOOR}V4H${pr.x + 14}"/>`;
        break;
      case 'step': {
        const w = pr.w ?? 16;
        const h = pr.h ?? 9;
        back += `<rect class="box" x="${pr.x}" y="${FLOOR - h}" width="${w}" height="${h}" rx="1"/>`;
        break;
      }
      case 'block':
        back += `<rect class="box" x="${pr.x}" y="${FLOOR - pr.h}" width="${pr.w}" height="${pr.h}" rx="1"/>`;
        break;
      case 'cushion': {
        const y = pr.y ?? FLOOR - pr.h;
        back += `<rect class="box" x="${pr.x}" y="${y}" width="${pr.w}" height="${pr.h}" rx="${Math.min(4, pr.h / 2)}"/>`;
        break;
      }
      case 'bounce':
        front += `<path class="marks" d="M44 87h8M68 87h8M50 89.5h4M66 89.5h4"/>`;
        break;
      case 'intervals': {
        // Work (tall) and rest (short) bars: many short ones, or a few long ones.
        const bars = pr.kind === 'short' ? [3, 2, 3, 2, 3, 2, 3, 2] : [9, 3, 9, 3];
        let x = 96;
        let d = '';
        for (let i = 0; i < bars.length; i++) {
          const w = bars[i];
          d += i % 2 === 0 ? `M${x} 6h${w}v5h${-w}z` : '';
          x += w + 0.8;
        }
        front += `<path class="intervals" d="${d}"/>`;
        break;
      }
      default:
        break;
    }
  }
  return { back, front };
}

// --- the arrow --------------------------------------------------------------------------------

// A named point of a pose: of the body, or of the rope (`rope`: the turn of a jump rope; `loop`:
// the far end of a side swing's loop).
export function pointOf(frame: Frame, name: string): Pt | undefined {
  const b = solve(frame);
  if (name === 'rope' && frame.ropeApex !== undefined) return [(b.arm.end[0] + b.farArm.end[0]) / 2, frame.ropeApex];
  if (name === 'loop' && frame.loopDir !== undefined) {
    const hands: Pt = [(b.arm.end[0] + b.farArm.end[0]) / 2, (b.arm.end[1] + b.farArm.end[1]) / 2 + 4.5];
    return add(hands, vecOf(frame.loopDir, 26));
  }
  return points(b)[name];
}

export function arrowPath(def: FigureDef): { d: string; length: number } {
  const samples = [0, 0.25, 0.5, 0.75, 1].map((t) => pointOf(between(def.start, def.end, t), def.arrow.at));
  if (samples.some((s) => !s)) throw new Error(`no point named ${def.arrow.at}`);
  const off = def.arrow.offset ?? [0, 0];
  const k = def.arrow.scale ?? 1;
  const centre = samples[2]!;
  const s = samples.map((q) => add([centre[0] + (q![0] - centre[0]) * k, centre[1] + (q![1] - centre[1]) * k], off));
  const a = s[0];
  const z = s[4];
  const length = dist(a, z);
  // A gentle curve through the middle sample (or bent by `bend` units when the path is straight).
  let c: Pt = [2 * s[2][0] - (a[0] + z[0]) / 2, 2 * s[2][1] - (a[1] + z[1]) / 2];
  if (def.arrow.bend) {
    const mx = (a[0] + z[0]) / 2;
    const my = (a[1] + z[1]) / 2;
    const nx = -(z[1] - a[1]) / (length || 1);
    const ny = (z[0] - a[0]) / (length || 1);
    c = [mx + nx * def.arrow.bend, my + ny * def.arrow.bend];
  }
  const head = (tip: Pt, from: Pt) => {
    const dx = tip[0] - from[0];
    const dy = tip[1] - from[1];
    const n = Math.hypot(dx, dy) || 1;
    const ux = dx / n;
    const uy = dy / n;
    const back: Pt = [tip[0] - ux * 4, tip[1] - uy * 4];
    return `M${p([back[0] - uy * 2.4, back[1] + ux * 2.4])}L${p(tip)}L${p([back[0] + uy * 2.4, back[1] - ux * 2.4])}`;
  };
  let d = `M${p(a)}Q${p(c)} ${p(z)}${head(z, c)}`;
  if (def.motion !== 'hold') d += head(a, c);
  return { d, length };
}

// --- the SVG ----------------------------------------------------------------------------------

const attrs = (part: Part) => `class="${part.cls}"${part.width ? ` stroke-width="${part.width}"` : ''}`;

function still(frame: Frame, props: Prop[], lowBack: boolean): string {
  return [...bodyParts(frame, lowBack), ...movingParts(frame, props)].map((q) => `<path ${attrs(q)} d="${q.d}"/>`).join('');
}

// The timeline of each motion: fractions of the way from start to end, at even steps of time.
function timeline(motion: Motion): { dur: number; at: number[] } {
  const go = [0, 0.25, 0.5, 0.75, 1].map(ease);
  const back = [...go].reverse();
  if (motion === 'hold') return { dur: 6, at: [...go, 1, 1, 1, 1, 1, 1, 1, ...back, 0] };
  if (motion === 'reps') return { dur: 3.6, at: [...go, 1, ...back, 0] };
  return { dur: 0.8, at: [...go, ...back.slice(1)] };
}

function animated(def: FigureDef, lowBack: boolean): string {
  const props = def.props ?? [];
  const { dur, at } = timeline(def.motion);
  const frames = at.map((t) => between(def.start, def.end, t));
  const partsByFrame = frames.map((fr) => [...bodyParts(fr, lowBack), ...movingParts(fr, props)]);
  const keyTimes = at.map((_, i) => f(i / (at.length - 1))).join(';');
  return partsByFrame[0]
    .map((part, i) => {
      const values = partsByFrame.map((ps) => ps[i].d);
      const moves = values.some((v) => v !== values[0]);
      const anim = moves ? `<animate attributeName="d" dur="${dur}s" repeatCount="indefinite" keyTimes="${keyTimes}" values="${values.join(';')}"/>` : '';
      return `<path ${attrs(part)} d="${part.d}">${anim}</path>`;
    })
    .join('');
}

// How a figure is drawn: moving (and still for people who ask for reduced motion), still (the
// start pose faint behind the end pose), or one of the two key poses alone.
export type FigureMode = 'animate' | 'still' | 'start' | 'end';

// The drawing's classes live in figures.css: the app bundles it, and standalone SVGs embed it.
export { default as FIGURE_CSS } from './figures.css?raw';

// The inside of the figure's <svg>.
export function figureMarkup(def: FigureDef, mode: FigureMode): string {
  const props = def.props ?? [];
  const lowBack = figureLoadsLowBack(def);
  const { back, front } = fixedProps(props, def.ground ?? 'floor');
  const arrow = `<path class="arrow" d="${arrowPath(def).d}"/>`;
  const stillPair = `<g class="ghost">${still(def.start, props, lowBack)}</g>${still(def.end, props, lowBack)}`;
  let body: string;
  if (mode === 'start') body = still(def.start, props, lowBack);
  else if (mode === 'end') body = still(def.end, props, lowBack);
  else if (mode === 'still') body = stillPair;
  else body = `<g class="bb-moving">${animated(def, lowBack)}</g><g class="bb-still-alt">${stillPair}</g>`;
  return `${back}${body}${front}${arrow}`;
}
