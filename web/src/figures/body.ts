// The body of the figures: a jointed person (pelvis, lumbar and thoracic spine, neck, head, arms
// with elbows, legs with knees and ankles) posed by joint angles, the way a physiotherapist
// describes a position, and solved into points by forward kinematics. A hand or a foot can instead
// be placed at a point (two-joint inverse kinematics), so a foot stays on the floor or a hand on
// the mat while the rest moves. Every figure lives in a 120 x 90 box with the floor at y = 82.
//
// Directions are in degrees, 0 pointing up the screen and 90 pointing right. Side views face right:
// flexion turns a part toward the front (the face side), so it adds to the direction of the trunk
// and the neck and takes away from that of a thigh or an upper arm. Front views show the person
// facing the viewer; there the same numbers bend sideways, and the out-of-plane angle (`out`) is
// the forward one.

export type Pt = [number, number];
export type View = 'side' | 'front';

export const FLOOR = 82;

// Segment lengths, in figure units (a standing person is about 76 units tall).
export const LEN = {
  lumbar: 9,
  thoracic: 13.5,
  neck: 3.5,
  headOffset: 5.2,
  headRadius: 6,
  upperArm: 13,
  forearm: 12,
  thigh: 19,
  shin: 18,
  foot: 6.5,
  ankleHeight: 2,
  shoulderHalf: 7, // front view: half the shoulder width
  hipHalf: 4.5, // front view: half the hip width
};

// Thickness of each part, side view; the front view draws the trunk wider.
export const WIDTH = {
  pelvis: 11,
  lumbar: 9.5,
  thoracic: 12,
  neck: 4.5,
  upperArm: 4.8,
  forearm: 4,
  thigh: 6.8,
  shin: 5,
  foot: 3.2,
};

// An arm by its angles (shoulder flexion, elbow flexion; `out` is abduction in a side view,
// forward flexion in a front view), or by where its hand is.
export type ArmSpec = { shoulder: number; elbow: number; out?: number } | { hand: Pt; out?: number; elbowDown?: boolean };
// A leg by its angles (hip flexion, knee flexion, ankle dorsiflexion), or by where its ankle is.
export type LegSpec =
  | { hip: number; knee: number; ankle?: number; out?: number }
  | { to: Pt; footDir?: number; out?: number; kneeBack?: boolean }; // to: where the ankle is

export interface BodySpec {
  view?: View;
  hip: Pt; // centre of the pelvis (the hip joints)
  pelvis: number; // direction of the pelvis's upward axis: 0 upright, 90 lying face down to the right, -90 lying face up with the head to the left
  lumbar?: number; // lumbar flexion (negative: extension); side bend in a front view
  thoracic?: number; // thoracic flexion (negative: extension); side bend in a front view
  neck?: number; // neck flexion (negative: extension)
  twist?: number; // rotation of the shoulders against the pelvis
  arm: ArmSpec; // the near arm (side view) or the arm on the right of the picture (front view)
  farArm: ArmSpec;
  leg: LegSpec;
  farLeg: LegSpec;
}

// The joint angles of a solved body, named as a clinician would; `out` angles are the out-of-plane
// ones (abduction in a side view).
export interface Angles {
  lumbar: number;
  thoracic: number;
  neck: number;
  twist: number;
  shoulder: [number, number];
  shoulderOut: [number, number];
  elbow: [number, number];
  hip: [number, number];
  hipOut: [number, number];
  knee: [number, number];
  ankle: [number, number];
}

export interface Limb {
  root: Pt; // shoulder or hip
  mid: Pt; // elbow or knee
  end: Pt; // hand or ankle
  tip?: Pt; // toe
}

export interface Body {
  view: View;
  hip: Pt;
  l1: Pt; // top of the lumbar spine
  c7: Pt; // base of the neck
  neckTop: Pt;
  head: Pt;
  face: Pt; // a point just in front of the face, to show which way the head looks
  pelvisFront: Pt; // a point in front of the pelvis that turns with it (to show a tilt)
  frontDir: number; // direction the chest faces
  pelvisDir: number;
  arm: Limb;
  farArm: Limb;
  leg: Limb;
  farLeg: Limb;
  angles: Angles;
}

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;
export const vec = (dir: number, len: number): Pt => [Math.sin(rad(dir)) * len, -Math.cos(rad(dir)) * len];
export const add = (a: Pt, b: Pt): Pt => [a[0] + b[0], a[1] + b[1]];
export const dirOf = (from: Pt, to: Pt) => deg(Math.atan2(to[0] - from[0], -(to[1] - from[1])));
export const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);
// An angle brought into (-180, 180].
export const wrap = (d: number) => {
  let x = ((d + 180) % 360 + 360) % 360 - 180;
  if (x === -180) x = 180;
  return x;
};

// Two-joint inverse kinematics: the directions of the upper and lower segment that put the end of
// the limb at `target` (as close as the limb reaches). `sign` +1 bends the lower segment clockwise
// (a knee, seen facing right), -1 anticlockwise (an elbow).
function reach(root: Pt, target: Pt, l1: number, l2: number, sign: 1 | -1): [number, number] {
  const d = Math.min(Math.max(dist(root, target), Math.abs(l1 - l2) + 0.01), l1 + l2 - 0.001);
  const base = dirOf(root, target);
  const atRoot = deg(Math.acos((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)));
  const bend = 180 - deg(Math.acos((l1 * l1 + l2 * l2 - d * d) / (2 * l1 * l2)));
  const upper = base - sign * atRoot;
  return [upper, upper + sign * bend];
}

// The projection of a segment that leaves the picture's plane by `out` degrees.
const seg = (from: Pt, dir: number, len: number, out = 0): Pt => add(from, vec(dir, len * Math.cos(rad(out))));

export function solve(spec: BodySpec): Body {
  const view = spec.view ?? 'side';
  const front = view === 'front';
  const lumbar = spec.lumbar ?? 0;
  const thoracic = spec.thoracic ?? 0;
  const neck = spec.neck ?? 0;
  const twist = spec.twist ?? 0;
  const lumbarDir = spec.pelvis + lumbar;
  const thoracicDir = lumbarDir + thoracic;
  const neckDir = thoracicDir + neck;
  const hip = spec.hip;
  const l1 = seg(hip, lumbarDir, LEN.lumbar);
  const c7 = seg(l1, thoracicDir, LEN.thoracic);
  const neckTop = seg(c7, neckDir, LEN.neck);
  // The head sits a little in front of the neck's line.
  const head = add(seg(neckTop, neckDir, LEN.headOffset), front ? [0, 0] : vec(neckDir + 90, 1.2));
  const face = front ? head : add(head, vec(neckDir + 90, LEN.headRadius + 0.6));

  const angles: Angles = {
    lumbar, thoracic, neck, twist,
    shoulder: [0, 0], shoulderOut: [0, 0], elbow: [0, 0], hip: [0, 0], hipOut: [0, 0], knee: [0, 0], ankle: [0, 0],
  };

  // Shoulders sit just below the base of the neck; a twist brings the near one forward.
  const shoulderBase = seg(c7, thoracicDir, -1.8);
  const shoulderAt = (side: 0 | 1): Pt => {
    if (front) return add(shoulderBase, vec(thoracicDir + (side === 0 ? 90 : -90), LEN.shoulderHalf));
    const s = side === 0 ? 1 : -1;
    return add(shoulderBase, vec(thoracicDir + 90, s * LEN.shoulderHalf * Math.sin(rad(twist))));
  };
  const hipAt = (side: 0 | 1): Pt => (front ? add(hip, vec(spec.pelvis + (side === 0 ? 90 : -90), LEN.hipHalf)) : hip);

  const arm = (a: ArmSpec, side: 0 | 1): Limb => {
    const root = shoulderAt(side);
    const out = a.out ?? 0;
    // In a front view the arm on the left of the picture mirrors the one on the right.
    const m = front && side === 1 ? -1 : 1;
    let upper: number;
    let lower: number;
    let foreOut = out;
    if ('hand' in a) {
      [upper, lower] = reach(root, a.hand, LEN.upperArm * Math.cos(rad(out)), LEN.forearm * Math.cos(rad(out)), a.elbowDown ? 1 : -1);
      angles.shoulder[side] = wrap(m * (thoracicDir + 180 - upper));
      angles.elbow[side] = wrap(a.elbowDown ? lower - upper : upper - lower);
    } else if (front) {
      upper = thoracicDir + m * (180 - a.shoulder);
      lower = upper;
      foreOut = out + a.elbow;
      angles.shoulder[side] = a.shoulder;
      angles.elbow[side] = a.elbow;
    } else {
      upper = thoracicDir + 180 - a.shoulder;
      lower = upper - a.elbow;
      angles.shoulder[side] = a.shoulder;
      angles.elbow[side] = a.elbow;
    }
    angles.shoulderOut[side] = out;
    const mid = seg(root, upper, LEN.upperArm, out);
    const end = seg(mid, lower, LEN.forearm, foreOut);
    return { root, mid, end };
  };

  const leg = (l: LegSpec, side: 0 | 1): Limb => {
    const root = hipAt(side);
    const out = l.out ?? 0;
    const m = front && side === 1 ? -1 : 1;
    let thigh: number;
    let shin: number;
    let shinOut = out;
    let ankle: number;
    if ('to' in l) {
      const sign = l.kneeBack ? -1 : 1;
      [thigh, shin] = reach(root, l.to, LEN.thigh * Math.cos(rad(out)), LEN.shin * Math.cos(rad(out)), sign);
      angles.hip[side] = wrap(m * (spec.pelvis + 180 - thigh));
      angles.knee[side] = wrap(sign * (shin - thigh));
      // A foot on the floor lies flat; otherwise the ankle is in its neutral position.
      const footDir = l.footDir ?? (l.to[1] >= FLOOR - LEN.ankleHeight - 0.5 ? 90 : shin - 90);
      // A front view shows the foot end on: its angle is not drawn.
      ankle = front ? 0 : wrap(shin - 90 - footDir);
    } else {
      const a = l as { hip: number; knee: number; ankle?: number };
      if (front) {
        thigh = spec.pelvis + m * (180 - a.hip);
        shin = thigh;
        shinOut = out - a.knee;
      } else {
        thigh = spec.pelvis + 180 - a.hip;
        shin = thigh + a.knee;
      }
      angles.hip[side] = a.hip;
      angles.knee[side] = a.knee;
      ankle = a.ankle ?? 0;
    }
    angles.hipOut[side] = out;
    const mid = seg(root, thigh, LEN.thigh, out);
    const end = seg(mid, shin, LEN.shin, shinOut);
    // Front view: the foot points at the viewer, so only a short stub shows, turned out a little.
    // Lying seen from above, it points along the shin.
    const lying = Math.abs(wrap(spec.pelvis)) > 45;
    let tip: Pt;
    if (front) tip = lying ? seg(end, shin, 4) : add(end, [m * 3.2, 1.2]);
    else {
      // A foot that would go through the floor turns at the ankle and slides along it instead.
      let footDir = shin - 90 - ankle;
      const footLen = LEN.foot * Math.cos(rad(out));
      tip = seg(end, footDir, LEN.foot, out);
      const lowest = FLOOR - 1;
      if (tip[1] > lowest && footLen > 0) {
        const a = deg(Math.acos(Math.min(1, Math.max(-1, (end[1] - lowest) / footLen))));
        footDir = Math.abs(wrap(a - footDir)) <= Math.abs(wrap(-a - footDir)) ? a : -a;
        ankle = wrap(shin - 90 - footDir);
        tip = seg(end, footDir, LEN.foot, out);
      }
    }
    angles.ankle[side] = ankle;
    return { root, mid, end, tip };
  };

  return {
    view,
    hip, l1, c7, neckTop, head, face,
    pelvisFront: add(hip, vec(spec.pelvis + 90, 8)),
    frontDir: thoracicDir + 90,
    pelvisDir: spec.pelvis,
    arm: arm(spec.arm, 0),
    farArm: arm(spec.farArm, 1),
    leg: leg(spec.leg, 0),
    farLeg: leg(spec.farLeg, 1),
    angles,
  };
}

// Ranges of motion a healthy adult reaches (degrees), used by the tests to keep every pose
// anatomically possible. Side bends (front views) use the same spine ranges as the bends.
export const RANGES: Record<string, [number, number]> = {
  lumbar: [-35, 60],
  thoracic: [-25, 45],
  neck: [-60, 70],
  twist: [-45, 45],
  shoulder: [-60, 180],
  shoulderOut: [-45, 180],
  elbow: [0, 150],
  hip: [-30, 135],
  hipOut: [-30, 50],
  knee: [0, 155],
  // Kneeling with the top of the foot on the mat takes the ankle to about 70 degrees of
  // plantarflexion; a lunge or a calf stretch to about 35 of dorsiflexion.
  ankle: [-75, 35],
};

// Every named point of a body, for props and for comparing figures.
export function points(b: Body): Record<string, Pt> {
  const out: Record<string, Pt> = { hip: b.hip, pelvisFront: b.pelvisFront, l1: b.l1, c7: b.c7, neckTop: b.neckTop, head: b.head, face: b.face };
  const limbs = { arm: b.arm, farArm: b.farArm, leg: b.leg, farLeg: b.farLeg };
  for (const [name, l] of Object.entries(limbs)) {
    out[name + 'Root'] = l.root;
    out[name + 'Mid'] = l.mid;
    out[name + 'End'] = l.end;
    if (l.tip) out[name + 'Tip'] = l.tip;
  }
  return out;
}
