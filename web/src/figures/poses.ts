// One figure per catalog item, keyed by its id. Side views face right unless noted.
import type { Pose, Prop } from './body';

const with_ = (pose: Pose, ...props: Prop[]): Pose => ({ ...pose, props: [...(pose.props ?? []), ...props] });

// Base positions reused by several items.
const standing: Pose = {
  head: [60, 13], neck: [60, 21], hip: [60, 46],
  leg: [[61, 63], [60, 80]], farLeg: [[59, 63], [60, 80]],
  arm: [[61, 33], [62, 44]], farArm: [[59, 33], [58, 44]],
};
const front: Pose = {
  head: [60, 13], neck: [60, 21], hip: [60, 46],
  leg: [[56, 63], [54, 80]], farLeg: [[64, 63], [66, 80]],
  arm: [[50, 32], [46, 43]], farArm: [[70, 32], [74, 43]],
};
const supine: Pose = {
  head: [18, 73], neck: [26, 76], hip: [52, 76],
  leg: [[64, 60], [76, 78]], farLeg: [[66, 61], [78, 78]],
  arm: [[37, 78], [47, 79]], bow: 0, props: [{ t: 'mat' }],
};
const prone: Pose = {
  head: [93, 73], neck: [84, 77], hip: [58, 78],
  leg: [[42, 79], [26, 79]], arm: [[82, 80], [94, 80]], props: [{ t: 'mat' }],
};
const allFours: Pose = {
  head: [82, 49], neck: [74, 54], hip: [44, 54],
  leg: [[44, 80], [28, 80]], farLeg: [[46, 80], [30, 80]],
  arm: [[74, 67], [74, 80]], farArm: [[76, 67], [76, 80]], props: [{ t: 'mat' }],
};
const seated: Pose = {
  head: [53, 24], neck: [52, 31], hip: [50, 56],
  leg: [[70, 56], [70, 80]], farLeg: [[68, 57], [68, 80]],
  arm: [[58, 43], [66, 53]], farArm: [[56, 43], [64, 54]], props: [{ t: 'chair', x: 42 }],
};
const sideLying: Pose = {
  head: [18, 68], neck: [27, 72], hip: [54, 74],
  leg: [[68, 70], [58, 80]], farLeg: [[68, 76], [58, 80]],
  arm: [[20, 80], [17, 70]], props: [{ t: 'mat' }],
};
// Jumping, seen from the front: feet just off the floor.
const hop: Pose = {
  head: [60, 10], neck: [60, 18], hip: [60, 43],
  leg: [[57, 60], [56, 76]], farLeg: [[63, 60], [64, 76]],
  arm: [[50, 30], [44, 44]], farArm: [[70, 30], [76, 44]], props: [{ t: 'bounce', x: 60 }],
};
const stepHop: Pose = { ...hop, leg: [[55, 57], [57, 68]], farLeg: [[63, 60], [64, 78]], props: [{ t: 'bounce', x: 64 }] };
const sideSwing: Pose = {
  ...front,
  arm: [[66, 32], [76, 40]], farArm: [[72, 34], [78, 41]],
  props: [{ t: 'rope-side', at: [78, 40] }],
};

export const poses: Record<string, Pose> = {
  // Stretches
  kneeling_hip_flexor: {
    head: [56, 23], neck: [55, 31], hip: [52, 56],
    leg: [[72, 60], [72, 80]], farLeg: [[46, 80], [30, 80]],
    arm: [[62, 44], [68, 57]], farArm: [[60, 44], [66, 57]],
    props: [{ t: 'mat' }, { t: 'arrow', d: 'M44 62q6 4 12 0' }],
  },
  standing_hip_flexor: {
    head: [58, 13], neck: [58, 21], hip: [58, 46],
    leg: [[66, 62], [68, 80]], farLeg: [[50, 63], [40, 78]],
    arm: [[69, 27], [80, 32]], farArm: [[62, 33], [60, 44]],
    props: [{ t: 'wall', x: 82 }],
  },
  standing_quad_stretch: {
    head: [60, 13], neck: [60, 21], hip: [60, 46],
    leg: [[60, 64], [48, 52]], farLeg: [[60, 63], [60, 80]],
    arm: [[54, 36], [49, 52]], farArm: [[70, 28], [80, 30]],
    props: [{ t: 'wall', x: 82 }],
  },
  chair_hip_flexor: {
    head: [58, 24], neck: [58, 31], hip: [58, 56],
    leg: [[78, 56], [78, 80]], farLeg: [[44, 70], [30, 80]],
    arm: [[64, 43], [72, 54]], farArm: [[62, 43], [70, 55]],
    props: [{ t: 'chair', x: 50, back: false }],
  },
  supine_hamstring_strap: {
    ...supine,
    leg: [[58, 60], [63, 44]], farLeg: [[70, 77], [86, 78]],
    arm: [[38, 66], [48, 58]],
    props: [{ t: 'mat' }, { t: 'strap', from: [48, 58], to: [63, 43] }],
  },
  standing_hamstring_stretch: {
    head: [71, 22], neck: [66, 28], hip: [52, 48],
    leg: [[63, 59], [74, 70]], farLeg: [[52, 64], [52, 80]],
    arm: [[66, 40], [64, 53]], farArm: [[64, 40], [62, 53]],
    props: [{ t: 'step', x: 70 }],
  },
  chair_hamstring_stretch: {
    ...seated,
    head: [67, 27], neck: [62, 33],
    leg: [[62, 68], [74, 80]], farLeg: [[68, 57], [68, 80]],
    arm: [[66, 45], [66, 58]], farArm: [[64, 45], [64, 58]],
  },
  doorway_hamstring_rest: {
    ...supine,
    leg: [[60, 60], [66, 44]], farLeg: [[70, 77], [88, 78]],
    arm: [[37, 78], [47, 79]],
    props: [{ t: 'mat' }, { t: 'door', x: 68 }],
  },
  seated_forward_fold: {
    head: [64, 66], neck: [57, 65], hip: [38, 78],
    leg: [[55, 78], [72, 78]], arm: [[66, 72], [73, 76]], bow: -3,
    props: [{ t: 'mat' }],
  },
  figure_four_supine: {
    ...supine,
    leg: [[70, 54], [64, 62]], farLeg: [[64, 60], [74, 78]],
    arm: [[40, 66], [56, 62]],
  },
  chair_figure_four: {
    ...seated,
    head: [62, 26], neck: [58, 32],
    leg: [[72, 52], [66, 56]], farLeg: [[68, 57], [68, 80]],
    arm: [[64, 44], [70, 52]], farArm: [[62, 44], [66, 52]],
  },
  single_knee_to_chest: {
    ...supine,
    leg: [[44, 58], [58, 62]], farLeg: [[68, 77], [84, 78]],
    arm: [[34, 66], [44, 58]],
  },
  knees_to_chest: {
    ...supine,
    leg: [[44, 58], [58, 62]], farLeg: [[46, 59], [60, 63]],
    arm: [[34, 66], [45, 60]],
  },
  standing_calf_stretch: {
    head: [70, 17], neck: [66, 24], hip: [56, 48],
    leg: [[66, 64], [68, 80]], farLeg: [[46, 64], [36, 80]],
    arm: [[76, 28], [86, 30]], farArm: [[76, 30], [86, 33]],
    props: [{ t: 'wall', x: 88 }],
  },
  doorway_chest_opener: {
    head: [64, 13], neck: [62, 21], hip: [58, 46],
    leg: [[66, 63], [70, 80]], farLeg: [[54, 63], [50, 80]],
    arm: [[50, 22], [50, 8]], farArm: [[64, 33], [66, 44]],
    props: [{ t: 'door', x: 48 }],
  },
  standing_side_reach: {
    ...front,
    head: [55, 14], neck: [57, 22], bow: 3,
    arm: [[52, 10], [44, 4]], farArm: [[70, 34], [64, 44]],
    props: [{ t: 'arrow', d: 'M34 18q-4 -8 2 -14' }],
  },

  // Yoga
  childs_pose: {
    head: [64, 76], neck: [58, 73], hip: [34, 70], bow: 2,
    leg: [[50, 80], [26, 80]], arm: [[70, 79], [84, 80]], props: [{ t: 'mat' }],
  },
  supported_childs_pose: {
    head: [66, 68], neck: [59, 68], hip: [34, 70], bow: 1,
    leg: [[50, 80], [26, 80]], arm: [[68, 78], [80, 80]],
    props: [{ t: 'mat' }, { t: 'cushion', x: 56, y: 72, w: 30 }],
  },
  cat_cow: { ...allFours, bow: 5, props: [{ t: 'mat' }, { t: 'arrow', d: 'M52 34q8 -6 16 0' }] },
  chair_cat_cow: {
    ...seated,
    head: [60, 29], neck: [56, 33], bow: 4,
    arm: [[62, 44], [68, 54]], farArm: [[60, 44], [66, 55]],
    props: [{ t: 'chair', x: 42 }, { t: 'arrow', d: 'M40 36q-6 8 0 16' }],
  },
  sphinx: { ...prone, head: [89, 60], neck: [82, 66], arm: [[82, 80], [96, 80]] },
  cobra: { ...prone, head: [86, 53], neck: [80, 60], arm: [[80, 70], [84, 80]], bow: -2 },
  upward_dog: {
    ...prone,
    head: [87, 44], neck: [80, 52], hip: [58, 68],
    leg: [[42, 73], [26, 78]], arm: [[80, 66], [80, 80]], bow: -2,
  },
  thread_the_needle: {
    ...allFours,
    head: [76, 72], neck: [70, 66],
    arm: [[58, 76], [46, 79]], farArm: [[78, 72], [80, 80]],
  },
  supine_twist: {
    ...supine,
    leg: [[62, 70], [72, 80]], farLeg: [[64, 72], [74, 81]],
    arm: [[20, 78], [10, 79]],
    props: [{ t: 'mat' }, { t: 'arrow', d: 'M60 56q10 2 14 10' }],
  },
  supported_bridge: {
    ...supine,
    hip: [52, 66], leg: [[66, 58], [76, 79]], farLeg: [[68, 59], [78, 79]],
    props: [{ t: 'mat' }, { t: 'block', x: 52, y: 70 }],
  },
  legs_up_the_wall: {
    head: [24, 73], neck: [32, 76], hip: [58, 77],
    leg: [[59, 60], [60, 44]], farLeg: [[60, 60], [61, 44]],
    arm: [[40, 79], [50, 80]], props: [{ t: 'mat' }, { t: 'wall', x: 63 }],
  },
  low_lunge: {
    head: [66, 30], neck: [63, 37], hip: [56, 62],
    leg: [[76, 64], [78, 80]], farLeg: [[38, 80], [22, 80]],
    arm: [[70, 49], [74, 62]], farArm: [[68, 50], [72, 63]], props: [{ t: 'mat' }],
  },
  supported_pigeon: {
    head: [61, 41], neck: [60, 48], hip: [56, 72],
    leg: [[72, 76], [58, 79]], farLeg: [[38, 78], [20, 80]],
    arm: [[66, 62], [70, 78]], props: [{ t: 'mat' }, { t: 'cushion', x: 52, y: 76, w: 16 }],
  },
  downward_dog_bent_knees: {
    head: [76, 66], neck: [72, 59], hip: [52, 42],
    leg: [[46, 60], [34, 80]], farLeg: [[48, 61], [36, 80]],
    arm: [[78, 70], [84, 80]], props: [{ t: 'mat' }],
  },
  happy_baby: {
    ...supine,
    hip: [48, 76],
    leg: [[38, 62], [42, 46]], farLeg: [[42, 63], [46, 47]],
    arm: [[32, 60], [41, 47]],
  },
  crocodile_rest: { ...prone, arm: [[84, 81], [92, 79]] },
  chair_seated_twist: {
    ...seated,
    arm: [[46, 40], [44, 34]], farArm: [[58, 44], [68, 54]],
    props: [{ t: 'chair', x: 42 }, { t: 'arrow', d: 'M66 22q-6 -6 -14 -4' }],
  },

  // Mobility
  pelvic_tilts: with_(supine, { t: 'arrow', d: 'M44 66q8 -6 14 0' }),
  knee_rocks: { ...supine, leg: [[62, 62], [76, 78]], props: [{ t: 'mat' }, { t: 'arrow', d: 'M56 52q8 -6 16 2' }] },
  open_book: {
    ...sideLying,
    arm: [[38, 76], [50, 76]],
    props: [{ t: 'mat' }, { t: 'arrow', d: 'M40 60q-10 -10 -22 0' }],
  },
  kneeling_thoracic_rotation: {
    ...allFours,
    arm: [[82, 40], [78, 50]],
    props: [{ t: 'mat' }, { t: 'arrow', d: 'M86 48q4 -10 -4 -16' }],
  },
  bird_dog: {
    ...allFours,
    arm: [[86, 52], [98, 51]], farArm: [[74, 67], [74, 80]],
    leg: [[44, 80], [28, 80]], farLeg: [[30, 53], [14, 52]],
  },
  dead_bug: {
    ...supine,
    arm: [[28, 64], [30, 52]],
    leg: [[54, 58], [70, 58]], farLeg: [[68, 70], [84, 66]],
  },
  glute_bridge: {
    ...supine,
    hip: [52, 62], leg: [[68, 58], [76, 79]], farLeg: [[70, 59], [78, 79]],
    arm: [[36, 79], [46, 80]],
    props: [{ t: 'mat' }, { t: 'arrow', d: 'M52 78v-8' }],
  },
  clamshells: {
    ...sideLying,
    leg: [[70, 60], [58, 78]],
    props: [{ t: 'mat' }, { t: 'arrow', d: 'M74 72q4 -6 0 -12' }],
  },
  wall_angels: {
    ...front,
    arm: [[46, 24], [44, 10]], farArm: [[74, 24], [76, 10]],
    props: [{ t: 'wall', x: 30 }, { t: 'wall', x: 90 }, { t: 'arrow', d: 'M36 12v14' }],
  },
  standing_hip_circles: {
    ...front,
    arm: [[48, 36], [56, 44]], farArm: [[72, 36], [64, 44]],
    props: [{ t: 'arrow', d: 'M42 50q18 10 36 0' }],
  },
  leg_swings: {
    ...standing,
    leg: [[68, 59], [78, 72]], arm: [[52, 30], [42, 34]],
    props: [{ t: 'wall', x: 40 }, { t: 'arrow', d: 'M62 78q14 2 20 -10' }],
  },
  hip_hinge_practice: {
    head: [78, 30], neck: [72, 34], hip: [50, 48],
    leg: [[55, 64], [54, 80]], farLeg: [[53, 64], [52, 80]],
    arm: [[68, 26], [74, 28]], farArm: [[54, 50], [48, 46]],
    props: [{ t: 'dowel', from: [40, 47], to: [84, 29] }],
  },
  standing_back_bend: {
    ...standing,
    head: [54, 14], neck: [56, 22], hip: [62, 46], bow: 2,
    arm: [[50, 34], [56, 44]],
    props: [{ t: 'arrow', d: 'M46 10q-6 6 -4 14' }],
  },
  prone_press_up: { ...prone, head: [84, 49], neck: [78, 56], arm: [[80, 68], [82, 80]], bow: -3 },
  kneeling_rock_back: {
    head: [72, 56], neck: [64, 58], hip: [36, 64],
    leg: [[48, 80], [28, 80]], arm: [[72, 68], [78, 80]],
    props: [{ t: 'mat' }, { t: 'arrow', d: 'M40 52q-8 2 -12 8' }],
  },
  lying_march: { ...supine, leg: [[60, 58], [72, 62]], props: [{ t: 'mat' }, { t: 'arrow', d: 'M80 66v-8' }] },
  marching_in_place: {
    ...standing,
    leg: [[72, 46], [72, 62]], arm: [[54, 32], [50, 42]], farArm: [[66, 32], [72, 26]],
  },
  calf_raises: {
    ...standing,
    head: [60, 10], neck: [60, 18], hip: [60, 43],
    leg: [[61, 60], [62, 77]], farLeg: [[59, 60], [60, 77]],
    arm: [[70, 27], [79, 30]],
    props: [{ t: 'wall', x: 81 }, { t: 'arrow', d: 'M48 80v-12' }],
  },
  arm_circles: {
    ...front,
    arm: [[48, 21], [36, 21]], farArm: [[72, 21], [84, 21]],
    props: [{ t: 'arrow', d: 'M30 21a6 6 0 1 1 6 6' }, { t: 'arrow', d: 'M90 21a6 6 0 1 0 -6 6' }],
  },

  // Rope drills
  rope_side_swing: sideSwing,
  side_swing_step_touch: { ...sideSwing, leg: [[52, 63], [44, 80]] },
  low_rebound_mat_bounce: { ...hop, arm: [[52, 32], [50, 44]], farArm: [[68, 32], [70, 44]], props: [{ t: 'mat' }, { t: 'bounce', x: 60 }] },
  ropeless_bounce: with_(hop, { t: 'handles', l: [44, 44], r: [76, 44] }),
  basic_bounce: with_(hop, { t: 'rope-under', l: [44, 44], r: [76, 44] }),
  basic_bounce_short_intervals: with_(hop, { t: 'rope-under', l: [44, 44], r: [76, 44] }, { t: 'timer' }),
  swing_and_bounce_rhythm: {
    ...hop,
    arm: [[66, 30], [76, 38]], farArm: [[72, 32], [78, 39]],
    props: [{ t: 'bounce', x: 60 }, { t: 'rope-side', at: [78, 38] }],
  },
  ropeless_alternate_foot_step: with_(stepHop, { t: 'handles', l: [44, 44], r: [76, 44] }),
  alternate_foot_step: with_(stepHop, { t: 'rope-under', l: [44, 44], r: [76, 44] }),
  alternate_foot_step_long_intervals: with_(stepHop, { t: 'rope-under', l: [44, 44], r: [76, 44] }, { t: 'timer', long: true }),
};
