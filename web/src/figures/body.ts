// The drawing kit of the figures: a stick person built from a few joints (head, neck, hip, knees,
// feet, elbows, hands) plus props (floor, mat, chair, wall, strap, rope, block, cushion, arrows).
// Every figure lives in a 120 x 90 box with the floor at y = 82. "Near" limbs are drawn solid,
// "far" limbs lighter, so a side view reads as a body.

export type Pt = [number, number];
export type Limb = [Pt, Pt]; // knee-foot or elbow-hand

export type Prop =
  | { t: 'mat' }
  | { t: 'chair'; x: number; back?: boolean } // seat from x to x + 22 at y = 58; back at x
  | { t: 'wall'; x: number }
  | { t: 'door'; x: number }
  | { t: 'step'; x: number }
  | { t: 'strap'; from: Pt; to: Pt }
  | { t: 'rope-under'; l: Pt; r: Pt }
  | { t: 'rope-side'; at: Pt }
  | { t: 'handles'; l: Pt; r: Pt }
  | { t: 'block'; x: number; y: number }
  | { t: 'cushion'; x: number; y: number; w: number }
  | { t: 'dowel'; from: Pt; to: Pt }
  | { t: 'arrow'; d: string }
  | { t: 'bounce'; x: number }
  | { t: 'timer'; long?: boolean };

export interface Pose {
  head: Pt;
  neck: Pt;
  hip: Pt;
  // Near and far legs and arms; a far limb may be left out when hidden behind the near one.
  leg: Limb;
  farLeg?: Limb;
  arm: Limb;
  farArm?: Limb;
  // Bend of the spine: how far the middle of the back bows out from the straight line, in units
  // (positive bows to the left of the neck-to-hip direction).
  bow?: number;
  props?: Prop[];
}

const f = (n: number) => Math.round(n * 10) / 10;
const p = (pt: Pt) => `${f(pt[0])} ${f(pt[1])}`;

function limb(from: Pt, l: Limb): string {
  return `M${p(from)}L${p(l[0])}L${p(l[1])}`;
}

function spine(neck: Pt, hip: Pt, bow = 0): string {
  if (!bow) return `M${p(neck)}L${p(hip)}`;
  const mx = (neck[0] + hip[0]) / 2;
  const my = (neck[1] + hip[1]) / 2;
  const dx = hip[0] - neck[0];
  const dy = hip[1] - neck[1];
  const len = Math.hypot(dx, dy) || 1;
  const c: Pt = [mx + (dy / len) * bow * 2, my - (dx / len) * bow * 2];
  return `M${p(neck)}Q${p(c)} ${p(hip)}`;
}

// The SVG markup of the props behind the body, then of the body, as path/shape strings.
export function propMarkup(props: Prop[] = []): { back: string; front: string } {
  let back = '';
  let front = '';
  for (const pr of props) {
    switch (pr.t) {
      case 'mat':
        back += `<path class="prop" d="M14 80.5H106"/>`;
        break;
      case 'chair': {
        const x = pr.x;
        back += `<path class="prop" d="M${x} 58H${x + 22}M${x + 2} 58V82M${x + 20} 58V82${pr.back === false ? '' : `M${x} 58V32`}"/>`;
        break;
      }
      case 'wall':
        back += `<path class="prop" d="M${pr.x} 6V82"/>`;
        break;
      case 'door':
        back += `<path class="prop" d="M${pr.x} 4V82M${pr.x} 4H${pr.x + 10}"/>`;
        break;
      case 'step':
        back += `<path class="prop" d="M${pr.x} 82V72H${pr.x + 18}V82"/>`;
        break;
      case 'strap':
        front += `<path class="prop thin" d="M${p(pr.from)}L${p(pr.to)}"/>`;
        break;
      case 'dowel':
        front += `<path class="prop" d="M${p(pr.from)}L${p(pr.to)}"/>`;
        break;
      case 'rope-under':
        front += `<path class="rope" d="M${p(pr.l)}C${f(pr.l[0] - 6)} 96 ${f(pr.r[0] + 6)} 96 ${p(pr.r)}"/>`;
        break;
      case 'rope-side':
        front += `<ellipse class="rope" cx="${f(pr.at[0] + 10)}" cy="${f(pr.at[1] + 8)}" rx="9" ry="26"/>`;
        break;
      case 'handles':
        front += `<path class="rope" d="M${p(pr.l)}l-4 6M${p(pr.r)}l4 6"/><circle class="fill" cx="${f(pr.l[0] - 5)}" cy="${f(pr.l[1] + 8)}" r="1.8"/><circle class="fill" cx="${f(pr.r[0] + 5)}" cy="${f(pr.r[1] + 8)}" r="1.8"/>`;
        break;
      case 'block':
        back += `<rect class="prop" x="${pr.x - 7}" y="${pr.y}" width="14" height="${82 - pr.y}" rx="1"/>`;
        break;
      case 'cushion':
        back += `<rect class="prop" x="${pr.x - pr.w / 2}" y="${pr.y}" width="${pr.w}" height="${82 - pr.y}" rx="4"/>`;
        break;
      case 'arrow':
        front += `<path class="arrow" d="${pr.d}" marker-end="url(#bb-arrowhead)"/>`;
        break;
      case 'bounce':
        front += `<path class="prop thin" d="M${pr.x - 10} 86h6M${pr.x + 4} 86h6"/>`;
        break;
      case 'timer':
        front += `<circle class="prop thin" cx="104" cy="14" r="8"/><path class="prop thin" d="M104 14V9M104 14l${pr.long ? '4 2' : '3 -3'}"/>`;
        break;
    }
  }
  return { back, front };
}

// The inner SVG markup of a whole pose.
export function poseMarkup(pose: Pose): string {
  const { back, front } = propMarkup(pose.props);
  const far =
    (pose.farLeg ? `<path class="far" d="${limb(pose.hip, pose.farLeg)}"/>` : '') +
    (pose.farArm ? `<path class="far" d="${limb(pose.neck, pose.farArm)}"/>` : '');
  const near =
    `<path d="${spine(pose.neck, pose.hip, pose.bow)}"/>` +
    `<path d="${limb(pose.hip, pose.leg)}"/>` +
    `<path d="${limb(pose.neck, pose.arm)}"/>` +
    `<circle cx="${f(pose.head[0])}" cy="${f(pose.head[1])}" r="5.5"/>`;
  return `<path class="prop floor" d="M6 82H114"/>${back}${far}${near}${front}`;
}
