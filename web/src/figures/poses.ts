// One figure per catalog item, keyed by its id: the start pose, the end pose (the held position of
// a hold, the turning point of a repetition), the props, and the point whose path the arrow
// follows. Side views face right. Each pose reads as: where the pelvis is, how it is tilted, how
// the spine bends, then each limb by its joint angles or by where its hand or foot is.
import type { ArmSpec, LegSpec, Pt } from './body';
import type { FigureDef, Frame } from './draw';

const G = 80; // height of an ankle whose foot stands on the floor
const LIE = 76; // height of the pelvis lying on the mat
const KNEEL = 77.5; // height of an ankle whose shin lies on the mat

const A = (shoulder: number, elbow: number, out?: number): ArmSpec => ({ shoulder, elbow, out });
const H = (x: number, y: number, o: { out?: number; elbowDown?: boolean } = {}): ArmSpec => ({ hand: [x, y], ...o });
const L = (hip: number, knee: number, ankle = 0, out?: number): LegSpec => ({ hip, knee, ankle, out });
const K = (x: number, y: number, o: { foot?: number; out?: number; kneeBack?: boolean } = {}): LegSpec => ({ to: [x, y], footDir: o.foot, out: o.out, kneeBack: o.kneeBack });
const at = (f: Frame, more: Partial<Frame>): Frame => ({ ...f, ...more });

// Starting positions shared by several items.
const stand: Frame = { hip: [58, 43], pelvis: 0, arm: A(8, 12), farArm: A(-6, 12), leg: K(59, G), farLeg: K(56, G) };
// Lying on the back, head to the left, knees bent and feet flat.
const hook: Frame = {
  hip: [54, LIE], pelvis: -90,
  arm: A(-4, 6), farArm: A(-6, 6),
  leg: K(74, G), farLeg: K(72, G),
};
// Lying on the back with the legs long.
const supine: Frame = { ...hook, leg: L(0, 0, 10), farLeg: L(0, 0, 10) };
// Lying face down, head to the right.
const prone: Frame = {
  hip: [48, LIE], pelvis: 90, neck: -15,
  arm: A(-5, 5), farArm: A(-7, 5),
  leg: L(0, 0, -50), farLeg: L(0, 0, -50),
};
// Hands and knees.
const fours: Frame = {
  hip: [52, 60.5], pelvis: 80, lumbar: 0, neck: -10,
  arm: H(75, KNEEL), farArm: H(73, KNEEL),
  leg: K(34, KNEEL, { foot: 240 }), farLeg: K(32, KNEEL, { foot: 240 }),
};
// Sitting on a chair (seat at y = 62, from x = 36 to 56).
const chairSit: Frame = {
  hip: [50, 58], pelvis: 0,
  arm: H(65, 57), farArm: H(63, 58),
  leg: K(69, G), farLeg: K(66, G),
};
// Front view, standing (and hopping when lifted).
const front: Frame = {
  view: 'front', hip: [60, 43], pelvis: 0,
  arm: A(12, 0), farArm: A(12, 0),
  leg: L(4, 0), farLeg: L(4, 0),
};
const ropeHold: Frame = { ...front, arm: A(28, 70, 20), farArm: A(28, 70, 20) };
const hopUp = (f: Frame, lift = 3.5): Frame => ({ ...f, hip: [f.hip[0], f.hip[1] - lift], leg: L(3, 12, -25, 8), farLeg: L(3, 12, -25, 8) });

export const figures: Record<string, FigureDef> = {
  // ---- Stretches ----
  kneeling_hip_flexor: {
    motion: 'hold',
    start: { hip: [50, 60.5], pelvis: 0, arm: H(66, 60), farArm: H(64, 61), leg: K(31, KNEEL, { foot: 240 }), farLeg: K(72, G) },
    end: { hip: [57, 62], pelvis: 2, lumbar: -9, thoracic: 4, arm: H(70, 60), farArm: H(68, 61), leg: K(31, KNEEL, { foot: 240 }), farLeg: K(72, G) },
    props: [{ t: 'mat' }],
    arrow: { at: 'hip', offset: [0, 12] },
  },
  standing_hip_flexor: {
    motion: 'hold',
    start: { hip: [56, 43], pelvis: 0, arm: H(80, 36), farArm: A(-20, 100), leg: K(40, G, { foot: 110 }), farLeg: K(68, G) },
    end: { hip: [61, 46], pelvis: 2, lumbar: -9, thoracic: 4, arm: H(80, 36), farArm: A(-20, 100), leg: K(40, G, { foot: 120 }), farLeg: K(68, G) },
    props: [{ t: 'wall', x: 82 }],
    arrow: { at: 'hip', offset: [0, 9] },
  },
  standing_quad_stretch: {
    motion: 'hold',
    start: { ...stand, arm: A(-10, 30), farArm: H(80, 34), leg: L(0, 60, -20), farLeg: K(58, G) },
    end: { ...stand, lumbar: -8, thoracic: 4, arm: H(45, 49), farArm: H(80, 34), leg: L(-10, 135, -30), farLeg: K(58, G) },
    props: [{ t: 'wall', x: 82 }],
    arrow: { at: 'legEnd', offset: [-4, 0] },
  },
  chair_hip_flexor: {
    motion: 'hold',
    start: { ...chairSit, hip: [58, 58], arm: H(70, 56), farArm: H(60, 62), leg: K(54, 75.5, { foot: 200 }), farLeg: K(74, G) },
    end: { ...chairSit, hip: [58, 58], lumbar: -9, thoracic: 4, arm: H(68, 58), farArm: H(60, 62), leg: K(39, 77.5, { foot: 215 }), farLeg: K(74, G) },
    props: [{ t: 'chair', x: 40, back: 'none' }],
    arrow: { at: 'legMid', offset: [0, 4] },
  },
  supine_hamstring_strap: {
    motion: 'hold',
    start: { ...supine, arm: H(40, 60), farArm: H(38, 61), leg: L(95, 90, 0) },
    end: { ...supine, arm: H(40, 58), farArm: H(38, 59), leg: L(78, 0, 15) },
    props: [{ t: 'mat' }, { t: 'strap', from: 'armEnd', to: 'legTip' }],
    arrow: { at: 'legEnd', offset: [5, 0] },
  },
  standing_hamstring_stretch: {
    motion: 'hold',
    start: { hip: [52, 44], pelvis: 0, arm: H(62, 54), farArm: H(60, 55), leg: K(75, 72, { foot: 35 }), farLeg: K(52, G) },
    end: { hip: [49, 45], pelvis: 40, lumbar: 9, thoracic: 6, neck: -10, arm: H(68, 57), farArm: H(66, 58), leg: K(75, 72, { foot: 35 }), farLeg: K(51, G) },
    props: [{ t: 'step', x: 68, w: 16, h: 8 }],
    arrow: { at: 'c7', offset: [0, -10] },
  },
  chair_hamstring_stretch: {
    motion: 'hold',
    start: { ...chairSit, hip: [52, 58], arm: H(62, 56), farArm: H(60, 57), leg: K(84, 79.5, { foot: 20 }), farLeg: K(68, G) },
    end: { ...chairSit, hip: [52, 58], pelvis: 32, lumbar: 9, thoracic: 8, neck: -10, arm: H(74, 66), farArm: H(72, 67), leg: K(84, 79.5, { foot: 20 }), farLeg: K(68, G) },
    props: [{ t: 'chair', x: 36, back: 'left' }],
    arrow: { at: 'c7', offset: [0, -10] },
  },
  doorway_hamstring_rest: {
    motion: 'hold',
    start: { ...hook, hip: [50, LIE], leg: K(70, G), farLeg: K(68, G) },
    end: { ...hook, hip: [50, LIE], leg: L(76, 0, 10), farLeg: L(0, 0, 10) },
    props: [{ t: 'mat' }, { t: 'door', x: 62 }],
    arrow: { at: 'legEnd', offset: [-6, 2] },
  },
  seated_forward_fold: {
    motion: 'hold',
    start: { hip: [34, 77], pelvis: 0, arm: A(-5, 10), farArm: A(-7, 10), leg: L(90, 0, 10), farLeg: L(90, 0, 10) },
    end: { hip: [34, 77], pelvis: 28, lumbar: 30, thoracic: 25, neck: 15, arm: A(160, 5), farArm: A(158, 5), leg: L(118, 0, 10), farLeg: L(118, 0, 10) },
    props: [{ t: 'mat' }],
    arrow: { at: 'head', offset: [0, -9] },
  },
  figure_four_supine: {
    motion: 'hold',
    start: { ...hook, leg: K(64, 60, { out: 45 }), farLeg: K(72, G) },
    end: { ...hook, pelvis: -99, lumbar: 9, arm: H(48, 56), farArm: H(46, 57), leg: L(100, 60, 0, 45), farLeg: L(105, 95, 10) },
    props: [{ t: 'mat' }],
    arrow: { at: 'farLegMid', offset: [2, -6] },
  },
  chair_figure_four: {
    motion: 'hold',
    start: { ...chairSit, arm: H(63, 52), farArm: H(68, 56), leg: K(70, 56, { out: 50 }), farLeg: K(68, G) },
    end: { ...chairSit, pelvis: 4, lumbar: 14, thoracic: 20, neck: -10, arm: H(64, 53), farArm: H(69, 57), leg: K(70, 56, { out: 50 }), farLeg: K(68, G) },
    props: [{ t: 'chair', x: 36, back: 'left' }],
    arrow: { at: 'c7', offset: [0, -10] },
  },
  single_knee_to_chest: {
    motion: 'hold',
    start: { ...supine, leg: K(72, G), farLeg: L(0, 0, 10) },
    end: { ...supine, pelvis: -100, lumbar: 10, arm: H(42, 60), farArm: H(40, 61), leg: L(118, 125, 0), farLeg: L(-10, 0, 10) },
    props: [{ t: 'mat' }],
    arrow: { at: 'legMid', offset: [3, -6] },
  },
  knees_to_chest: {
    motion: 'hold',
    start: { ...hook },
    end: { ...hook, hip: [54, 74], pelvis: -115, lumbar: 25, neck: 10, arm: H(44, 58), farArm: H(42, 59), leg: L(125, 130, 0), farLeg: L(123, 128, 0) },
    props: [{ t: 'mat' }],
    arrow: { at: 'legMid', offset: [3, -6] },
  },
  standing_calf_stretch: {
    motion: 'hold',
    start: { hip: [58, 43], pelvis: 6, arm: H(86, 30), farArm: H(86, 32), leg: K(42, G, { foot: 115 }), farLeg: K(72, G) },
    end: { hip: [64, 46], pelvis: 18, arm: H(86, 30), farArm: H(86, 32), leg: K(42, G), farLeg: K(72, G) },
    props: [{ t: 'wall', x: 88 }],
    arrow: { at: 'c7', offset: [0, -10] },
  },
  doorway_chest_opener: {
    // From the front: forearms on the door frame, elbows at shoulder height, chest forward.
    motion: 'hold',
    start: { ...front, arm: A(15, 0), farArm: A(15, 0) },
    end: { ...front, thoracic: 0, arm: H(84, 13), farArm: H(36, 13, { elbowDown: true }) },
    props: [{ t: 'doorway' }],
    lowBack: true,
    arrow: { at: 'armEnd', offset: [5, 0] },
  },
  standing_side_reach: {
    motion: 'hold',
    start: { ...front, arm: A(12, 0), farArm: A(12, 0) },
    end: { ...front, lumbar: -7, thoracic: -22, neck: -8, arm: A(175, 45), farArm: A(20, 0) },
    arrow: { at: 'c7', offset: [-14, -2], scale: 1.4 },
  },

  // ---- Yoga ----
  childs_pose: {
    motion: 'hold',
    start: { hip: [46, 64], pelvis: 0, arm: H(60, 64), farArm: H(58, 65), leg: K(46, KNEEL, { foot: 232 }), farLeg: K(44, KNEEL, { foot: 232 }) },
    end: { hip: [46, 69.5], pelvis: 55, lumbar: 28, thoracic: 12, neck: 10, arm: H(90, KNEEL), farArm: H(88, KNEEL), leg: K(46, KNEEL, { foot: 232 }), farLeg: K(44, KNEEL, { foot: 232 }) },
    props: [{ t: 'mat' }],
    arrow: { at: 'head', offset: [0, -9] },
  },
  supported_childs_pose: {
    motion: 'hold',
    start: { hip: [62, 61], pelvis: 0, arm: H(64, 74), farArm: H(62, 75), leg: K(46, KNEEL, { foot: 240 }), farLeg: K(44, KNEEL, { foot: 240 }) },
    end: { hip: [50, 66], pelvis: 75, lumbar: 10, thoracic: 4, neck: 5, arm: H(86, KNEEL), farArm: H(84, KNEEL), leg: K(46, KNEEL, { foot: 240 }), farLeg: K(44, KNEEL, { foot: 240 }) },
    props: [{ t: 'mat' }, { t: 'cushion', x: 56, w: 38, h: 10 }],
    arrow: { at: 'c7', offset: [0, -10] },
  },
  cat_cow: {
    motion: 'reps',
    start: { ...fours, pelvis: 95, lumbar: -15, thoracic: -6, neck: -25 },
    end: { ...fours, pelvis: 55, lumbar: 22, thoracic: 18, neck: 30 },
    props: [{ t: 'mat' }],
    arrow: { at: 'c7', offset: [-4, -10], scale: 1.5 },
  },
  chair_cat_cow: {
    motion: 'reps',
    start: { ...chairSit, pelvis: 8, lumbar: -12, thoracic: -8, neck: -12 },
    end: { ...chairSit, pelvis: -12, lumbar: 20, thoracic: 18, neck: 25 },
    props: [{ t: 'chair', x: 36, back: 'left' }],
    arrow: { at: 'l1', offset: [-10, 0], scale: 4 },
  },
  sphinx: {
    motion: 'hold',
    start: { ...prone, neck: -20, arm: A(170, 10), farArm: A(168, 10) },
    end: { ...prone, pelvis: 88, lumbar: -18, thoracic: -12, neck: -12, arm: H(82, KNEEL), farArm: H(80, KNEEL) },
    props: [{ t: 'mat' }],
    arrow: { at: 'c7', offset: [0, -9] },
  },
  cobra: {
    motion: 'hold',
    start: { ...prone, neck: -20, arm: H(61, KNEEL), farArm: H(59, KNEEL) },
    end: { ...prone, pelvis: 86, lumbar: -28, thoracic: -14, neck: -22, arm: H(61, KNEEL), farArm: H(59, KNEEL), leg: L(-4, 0, -50), farLeg: L(-4, 0, -50) },
    props: [{ t: 'mat' }],
    arrow: { at: 'c7', offset: [0, -9] },
  },
  upward_dog: {
    motion: 'hold',
    start: { ...prone, neck: -20, arm: H(60, KNEEL), farArm: H(58, KNEEL) },
    end: { ...prone, hip: [54, 70], pelvis: 80, lumbar: -30, thoracic: -15, neck: -15, arm: H(68, KNEEL), farArm: H(66, KNEEL), leg: L(2, 0, -55), farLeg: L(2, 0, -55) },
    props: [{ t: 'mat' }],
    arrow: { at: 'hip', offset: [0, -9] },
  },
  thread_the_needle: {
    motion: 'hold',
    start: { ...fours },
    end: { ...fours, pelvis: 76, thoracic: 38, twist: 35, neck: 20, arm: H(56, 76, { out: 70 }), farArm: H(84, KNEEL) },
    props: [{ t: 'mat' }],
    arrow: { at: 'armEnd', offset: [0, -4] },
  },
  supine_twist: {
    motion: 'hold',
    start: { view: 'front', hip: [60, 56], pelvis: -90, arm: A(85, 0), farArm: A(85, 0), leg: L(0, 90, 0, 55), farLeg: L(0, 90, 0, 55) },
    end: { view: 'front', hip: [60, 56], pelvis: -90, arm: A(90, 0), farArm: A(90, 0), leg: L(-25, 90, 0, 55), farLeg: L(45, 90, 0, 55) },
    props: [],
    ground: 'above',
    arrow: { at: 'legMid', offset: [6, 0], scale: 1.3 },
  },
  supported_bridge: {
    motion: 'hold',
    start: { ...hook },
    end: { ...hook, hip: [54, 66], pelvis: -100, lumbar: -10, neck: 12 },
    props: [{ t: 'mat' }, { t: 'block', x: 47, w: 13, h: 10 }],
    arrow: { at: 'hip', offset: [0, -9] },
  },
  legs_up_the_wall: {
    motion: 'hold',
    start: { ...supine, hip: [56, LIE], arm: A(-10, 10), farArm: A(-12, 10), leg: L(110, 50, 10), farLeg: L(108, 52, 10) },
    end: { ...supine, hip: [56, LIE], arm: A(-10, 10), farArm: A(-12, 10), leg: L(88, 0, 10), farLeg: L(87, 0, 10) },
    props: [{ t: 'mat' }, { t: 'wall', x: 61 }],
    arrow: { at: 'legEnd', offset: [-5, 0], scale: 1.5 },
  },
  low_lunge: {
    motion: 'hold',
    start: { hip: [50, 60.5], pelvis: 0, arm: H(66, 60), farArm: H(64, 61), leg: K(31, KNEEL, { foot: 240 }), farLeg: K(76, G) },
    end: { hip: [58, 64], pelvis: 4, lumbar: -10, thoracic: -4, neck: -8, arm: A(168, 5), farArm: A(165, 5), leg: K(31, KNEEL, { foot: 240 }), farLeg: K(76, G) },
    props: [{ t: 'mat' }],
    arrow: { at: 'armEnd', offset: [4, 0] },
  },
  supported_pigeon: {
    motion: 'hold',
    start: { hip: [52, 70], pelvis: 35, lumbar: -5, thoracic: -10, arm: H(68, KNEEL), farArm: H(66, KNEEL), leg: K(55, 79, { out: 40 }), farLeg: K(17, KNEEL, { foot: 240 }) },
    end: { hip: [52, 71], pelvis: 45, lumbar: 12, thoracic: 15, neck: 5, arm: H(86, KNEEL), farArm: H(84, KNEEL), leg: K(55, 79, { out: 40 }), farLeg: K(17, KNEEL, { foot: 240 }) },
    props: [{ t: 'mat' }, { t: 'cushion', x: 44, w: 16, h: 6 }],
    arrow: { at: 'c7', offset: [0, -9] },
  },
  downward_dog_bent_knees: {
    motion: 'hold',
    start: { hip: [54, 60.5], pelvis: 84, neck: -10, arm: H(78, KNEEL), farArm: H(76, KNEEL), leg: K(36, KNEEL, { foot: 240 }), farLeg: K(34, KNEEL, { foot: 240 }) },
    end: { hip: [48, 44], pelvis: 125, lumbar: 9, neck: 5, arm: H(78, KNEEL), farArm: H(76, KNEEL), leg: K(35, 76, { foot: 130 }), farLeg: K(33, 76, { foot: 130 }) },
    props: [{ t: 'mat' }],
    arrow: { at: 'hip', offset: [0, -8] },
  },
  happy_baby: {
    motion: 'hold',
    start: { ...hook },
    end: { ...hook, pelvis: -110, lumbar: 20, neck: 10, arm: H(42, 52), farArm: H(40, 53), leg: L(125, 55, 10, 40), farLeg: L(123, 55, 10, 40) },
    props: [{ t: 'mat' }],
    arrow: { at: 'legEnd', offset: [5, 0] },
  },
  crocodile_rest: {
    // Seen from above: lying face down, forehead on the stacked hands, elbows wide, toes turned out.
    motion: 'hold',
    start: { view: 'front', hip: [50, 56], pelvis: 90, arm: H(76, 74), farArm: H(76, 38, { elbowDown: true }), leg: L(10, 0), farLeg: L(10, 0) },
    end: { view: 'front', hip: [50, 56], pelvis: 90, arm: H(88, 58), farArm: H(88, 54, { elbowDown: true }), leg: L(14, 0), farLeg: L(14, 0) },
    ground: 'above',
    lowBack: true,
    arrow: { at: 'armMid', offset: [0, 5] },
  },
  chair_seated_twist: {
    // Sitting tall, then the chest turns toward the near side: the far hand on the near knee, the
    // near hand back on the seat behind, the eyes following.
    motion: 'hold',
    start: { ...chairSit, thoracic: -3, arm: H(60, 57), farArm: H(58, 58) },
    end: { ...chairSit, thoracic: -3, twist: -45, neck: -10, arm: H(40, 61, { out: 35 }), farArm: H(66, 56, { out: 20 }) },
    props: [{ t: 'chair', x: 36, back: 'left' }],
    arrow: { at: 'armMid', offset: [0, -8], bend: -6, scale: 1.3 },
  },

  // ---- Mobility ----
  pelvic_tilts: {
    motion: 'reps',
    start: { ...hook, pelvis: -72, lumbar: -12, thoracic: -6 },
    end: { ...hook, pelvis: -100, lumbar: 10 },
    props: [{ t: 'mat' }],
    arrow: { at: 'pelvisFront', offset: [0, -4], scale: 3 },
  },
  knee_rocks: {
    // Seen from above: the feet stay together on the mat while both knees sway to one side and
    // then the other, the shoulders flat.
    motion: 'reps',
    start: { view: 'front', hip: [48, 56], pelvis: -90, arm: A(30, 0), farArm: A(30, 0), leg: K(72, 54.5, { out: 45 }), farLeg: K(72, 57.5, { out: 45 }) },
    end: { view: 'front', hip: [48, 56], pelvis: -90, arm: A(30, 0), farArm: A(30, 0), leg: K(72, 54.5, { out: 45, kneeBack: true }), farLeg: K(72, 57.5, { out: 45, kneeBack: true }) },
    ground: 'above',
    arrow: { at: 'legMid', offset: [4, 0], bend: 5 },
  },
  open_book: {
    motion: 'reps',
    start: { hip: [62, 58], pelvis: -90, neck: 0, arm: A(90, 0), farArm: A(88, 0), leg: L(90, 100), farLeg: L(88, 100) },
    end: { hip: [62, 58], pelvis: -90, twist: 40, neck: 0, arm: A(90, 0, 150), farArm: A(88, 0), leg: L(90, 100), farLeg: L(88, 100) },
    ground: 'above',
    arrow: { at: 'armEnd', bend: 14 },
  },
  kneeling_thoracic_rotation: {
    // The working arm turns down toward the far wrist, then opens out to the side (mostly out of
    // the picture's plane), elbow to the ceiling, the eyes and the chest following it.
    motion: 'reps',
    start: { ...fours, twist: 20, neck: 10, arm: H(62, 72, { out: 60 }), farArm: H(73, KNEEL) },
    end: { ...fours, twist: -45, neck: -30, arm: H(64, 36, { out: 60 }), farArm: H(73, KNEEL) },
    props: [{ t: 'mat' }],
    arrow: { at: 'armEnd', offset: [-5, 0], bend: -6 },
  },
  bird_dog: {
    motion: 'reps',
    start: { ...fours },
    end: { ...fours, arm: A(170, 0), farLeg: L(-12, 0, -20) },
    props: [{ t: 'mat' }],
    arrow: { at: 'armEnd', offset: [0, -4] },
  },
  dead_bug: {
    motion: 'reps',
    start: { ...supine, arm: A(90, 0), farArm: A(88, 0), leg: L(90, 90), farLeg: L(88, 90) },
    end: { ...supine, arm: A(165, 0), farArm: A(88, 0), leg: L(90, 90), farLeg: L(25, 5, 10) },
    props: [{ t: 'mat' }],
    arrow: { at: 'armEnd', offset: [0, -4] },
  },
  glute_bridge: {
    motion: 'reps',
    start: { ...hook },
    end: { ...hook, hip: [54, 62], pelvis: -114, lumbar: -9, neck: 30 },
    props: [{ t: 'mat' }],
    arrow: { at: 'hip', offset: [0, -8] },
  },
  clamshells: {
    motion: 'reps',
    start: { view: 'front', hip: [56, 71], pelvis: -90, arm: A(10, 0), farArm: A(170, 60), leg: K(80, 71, { out: 45 }), farLeg: K(80, 75, { out: 45 }) },
    end: { view: 'front', hip: [56, 71], pelvis: -90, arm: A(10, 0), farArm: A(170, 60), leg: K(80, 71, { out: 0 }), farLeg: K(80, 75, { out: 45 }) },
    props: [{ t: 'mat' }, { t: 'cushion', x: 14, w: 14, h: 4 }],
    arrow: { at: 'legMid', offset: [0, -6], scale: 1.2 },
  },
  wall_angels: {
    motion: 'reps',
    start: { ...front, arm: H(77, 14), farArm: H(43, 14, { elbowDown: true }) },
    end: { ...front, arm: H(68, 3), farArm: H(52, 3, { elbowDown: true }) },
    props: [{ t: 'wall-behind' }],
    lowBack: true,
    arrow: { at: 'armEnd', offset: [6, 2] },
  },
  standing_hip_circles: {
    motion: 'reps',
    start: { ...front, hip: [56, 43.5], lumbar: 6, arm: H(66, 44, { elbowDown: true }), farArm: H(48, 44), leg: K(64, G), farLeg: K(56, G) },
    end: { ...front, hip: [64, 43.5], lumbar: -6, arm: H(72, 44, { elbowDown: true }), farArm: H(54, 44), leg: K(64, G), farLeg: K(56, G) },
    arrow: { at: 'hip', offset: [0, 14], bend: -6, scale: 1.6 },
  },
  leg_swings: {
    motion: 'reps',
    start: { ...stand, hip: [50, 43], arm: A(-25, 10), farArm: H(86, 40), leg: L(-25, 10, 0), farLeg: K(50, G) },
    end: { ...stand, hip: [50, 43], arm: A(25, 10), farArm: H(86, 40), leg: L(60, 5, 10), farLeg: K(50, G) },
    props: [{ t: 'wall', x: 88 }],
    arrow: { at: 'legEnd', offset: [0, 5] },
  },
  hip_hinge_practice: {
    motion: 'reps',
    start: { ...stand, hip: [56, 44], arm: H(62, 44), farArm: H(60, 45), leg: K(58, G), farLeg: K(55, G) },
    end: { ...stand, hip: [48, 46], pelvis: 50, lumbar: 8, neck: -15, arm: H(55, 52), farArm: H(53, 53), leg: K(58, G), farLeg: K(55, G) },
    arrow: { at: 'hip', offset: [-6, 0] },
  },
  standing_back_bend: {
    motion: 'reps',
    start: { ...stand, arm: H(50, 42, { elbowDown: true }), farArm: H(50, 42, { elbowDown: true }) },
    end: { ...stand, hip: [62, 44], lumbar: -22, thoracic: -10, neck: -10, arm: H(54, 40, { elbowDown: true }), farArm: H(54, 40, { elbowDown: true }), leg: K(60, G), farLeg: K(57, G) },
    arrow: { at: 'head', offset: [0, -9] },
  },
  prone_press_up: {
    motion: 'reps',
    start: { ...prone, neck: -20, arm: H(61, KNEEL), farArm: H(59, KNEEL) },
    end: { ...prone, pelvis: 78, lumbar: -35, thoracic: -22, neck: 5, arm: H(61, KNEEL), farArm: H(59, KNEEL), leg: L(-12, 0, -50), farLeg: L(-12, 0, -50) },
    props: [{ t: 'mat' }],
    arrow: { at: 'c7', offset: [-6, -8] },
  },
  kneeling_rock_back: {
    motion: 'reps',
    start: { ...fours, hip: [54, 60.5], arm: H(78, KNEEL), farArm: H(76, KNEEL), leg: K(36, KNEEL, { foot: 240 }), farLeg: K(34, KNEEL, { foot: 240 }) },
    end: { ...fours, hip: [44, 63], pelvis: 68, lumbar: 10, arm: H(78, KNEEL), farArm: H(76, KNEEL), leg: K(36, KNEEL, { foot: 240 }), farLeg: K(34, KNEEL, { foot: 240 }) },
    props: [{ t: 'mat' }],
    arrow: { at: 'hip', offset: [0, -8] },
  },
  lying_march: {
    motion: 'reps',
    start: { ...hook },
    end: { ...hook, leg: L(90, 90, 0) },
    props: [{ t: 'mat' }],
    arrow: { at: 'legEnd', offset: [5, 0] },
  },
  marching_in_place: {
    motion: 'reps',
    start: { ...stand, arm: A(-10, 20), farArm: A(10, 20) },
    end: { ...stand, arm: A(-30, 20), farArm: A(45, 60), leg: L(80, 85, 0) },
    arrow: { at: 'legMid', offset: [4, 0] },
  },
  calf_raises: {
    motion: 'reps',
    start: { ...stand, hip: [58, 43], arm: H(80, 36), farArm: A(-6, 12), leg: K(59, G), farLeg: K(56, G) },
    end: { ...stand, hip: [58, 38], arm: H(80, 34), farArm: A(-6, 12), leg: K(59, 75, { foot: 135 }), farLeg: K(56, 75, { foot: 135 }) },
    props: [{ t: 'wall', x: 82 }],
    arrow: { at: 'legEnd', offset: [-7, 0], scale: 2 },
  },
  arm_circles: {
    motion: 'reps',
    start: { ...front, arm: A(82, 0, -15), farArm: A(82, 0, -15) },
    end: { ...front, arm: A(96, 0, 15), farArm: A(96, 0, 15) },
    arrow: { at: 'armEnd', offset: [5, 0], bend: 6, scale: 2.5 },
  },

  // ---- Rope drills (front view) ----
  rope_side_swing: {
    motion: 'rope',
    start: { ...front, arm: H(72, 46), farArm: H(70, 47), loopDir: 30 },
    end: { ...front, arm: H(72, 48), farArm: H(70, 49), loopDir: 150 },
    props: [{ t: 'rope' }],
    arrow: { at: 'loop', offset: [6, 0], bend: -6 },
  },
  side_swing_step_touch: {
    motion: 'rope',
    start: { ...front, arm: H(72, 46), farArm: H(70, 47), loopDir: 30 },
    end: { ...front, hip: [63, 43.5], arm: H(75, 48), farArm: H(73, 49), leg: L(8, 0), farLeg: L(22, 5), loopDir: 150 },
    props: [{ t: 'rope' }],
    arrow: { at: 'farLegEnd', offset: [0, 6] },
  },
  low_rebound_mat_bounce: {
    motion: 'rope',
    start: { ...front, arm: A(10, 60, 20), farArm: A(10, 60, 20), leg: L(4, 6, -10), farLeg: L(4, 6, -10) },
    end: hopUp({ ...front, arm: A(10, 60, 20), farArm: A(10, 60, 20) }, 2),
    props: [{ t: 'mat' }, { t: 'bounce' }],
    arrow: { at: 'hip', offset: [-24, 0], scale: 5 },
  },
  ropeless_bounce: {
    motion: 'rope',
    start: { ...ropeHold },
    end: hopUp(ropeHold),
    props: [{ t: 'handles' }, { t: 'bounce' }],
    arrow: { at: 'hip', offset: [24, 0], scale: 3 },
  },
  basic_bounce: {
    motion: 'rope',
    start: { ...ropeHold, ropeApex: 2 },
    end: { ...hopUp(ropeHold), ropeApex: 87 },
    props: [{ t: 'rope' }, { t: 'bounce' }],
    arrow: { at: 'rope', offset: [28, 0], bend: -8 },
  },
  basic_bounce_short_intervals: {
    motion: 'rope',
    start: { ...ropeHold, arm: A(22, 80, 25), farArm: A(22, 80, 25), ropeApex: 3 },
    end: { ...hopUp(ropeHold, 2.5), arm: A(22, 80, 25), farArm: A(22, 80, 25), ropeApex: 86 },
    props: [{ t: 'rope' }, { t: 'bounce' }, { t: 'intervals', kind: 'short' }],
    arrow: { at: 'rope', offset: [28, 0], bend: -8 },
  },
  swing_and_bounce_rhythm: {
    motion: 'rope',
    start: { ...front, arm: H(72, 46), farArm: H(70, 47), loopDir: 30 },
    end: { ...hopUp(front), arm: H(72, 48), farArm: H(70, 49), loopDir: 150 },
    props: [{ t: 'rope' }, { t: 'bounce' }],
    arrow: { at: 'hip', offset: [-24, 0], scale: 3 },
  },
  ropeless_alternate_foot_step: {
    motion: 'rope',
    start: { ...ropeHold, hip: [60, 41.5], leg: L(3, 85, -30, 45), farLeg: L(3, 5, -20) },
    end: { ...ropeHold, hip: [60, 41.5], leg: L(3, 5, -20), farLeg: L(3, 85, -30, 45) },
    props: [{ t: 'handles' }],
    arrow: { at: 'legEnd', offset: [6, 0] },
  },
  alternate_foot_step: {
    motion: 'rope',
    start: { ...ropeHold, hip: [60, 41.5], leg: L(3, 85, -30, 45), farLeg: L(3, 5, -20), ropeApex: 3 },
    end: { ...ropeHold, hip: [60, 41.5], leg: L(3, 5, -20), farLeg: L(3, 85, -30, 45), ropeApex: 87 },
    props: [{ t: 'rope' }],
    arrow: { at: 'legEnd', offset: [6, 0] },
  },
  alternate_foot_step_long_intervals: {
    motion: 'rope',
    start: { ...ropeHold, hip: [60, 41.5], arm: A(35, 65, 15), farArm: A(35, 65, 15), leg: L(3, 90, -30, 50), farLeg: L(3, 5, -20), ropeApex: 4 },
    end: { ...ropeHold, hip: [60, 41.5], arm: A(35, 65, 15), farArm: A(35, 65, 15), leg: L(3, 5, -20), farLeg: L(3, 90, -30, 50), ropeApex: 86 },
    props: [{ t: 'rope' }, { t: 'intervals', kind: 'long' }],
    arrow: { at: 'farLegEnd', offset: [-6, 0] },
  },
};

export type { Pt };
