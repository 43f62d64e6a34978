// The words the app shows for the API's ids.
import type { Aggravator, DayType, Feel, LegSymptoms, Light, RopeExperience, RopeOwned } from './api';

export const feelWords: Record<Feel, string> = { sensitive: 'Sensitive', okay: 'Okay', good: 'Good' };
export const legWords: Record<LegSymptoms, string> = {
  none: 'No leg symptoms',
  above_knee: 'Down to above the knee',
  below_knee: 'Below the knee',
};
export const dayTypeWords: Record<DayType, string> = {
  rest: 'Rest day',
  restorative: 'Restorative day',
  mixed: 'Mixed day',
  rope: 'Rope day',
};
export const dayTypeHint: Record<DayType, string> = {
  rest: 'No exercise today: easy walking and comfortable positions only.',
  restorative: 'Gentle stretches and poses only.',
  mixed: 'Gentle stretches with a little rope.',
  rope: 'A short jump-rope session with stretches around it.',
};
export const lightWords: Record<Light, string> = {
  green: 'Green: your back handled the last rope session well',
  amber: 'Amber: your back was a little sore after the last rope session',
  red: 'Red: your back reacted to the last rope session',
};
export const experienceWords: Record<RopeExperience, string> = {
  none: 'Never or not for years',
  some: 'A little, now and then',
  regular: 'Regularly',
};
export const ropeWords: Record<RopeOwned, string> = {
  none: 'No rope yet',
  beaded: 'Beaded rope',
  speed_quarter_lb: 'Weighted speed rope (about 1/4 lb)',
  pvc_speed: 'Thin PVC speed rope',
  heavy: 'Heavy rope (1 lb or more)',
  ropeless: 'Ropeless handles',
};
export const aggravatorWords: Record<Aggravator, string> = {
  sitting: 'Sitting for a while',
  bending: 'Bending forward',
  standing: 'Standing for a while',
  arching: 'Leaning or arching back',
  walking: 'Walking',
  lying: 'Lying down',
};
export const targetWords: Record<string, string> = {
  hip_flexors: 'Front of hips',
  hamstrings: 'Back of thighs',
  glutes: 'Buttocks',
  low_back: 'Low back',
  thoracic_spine: 'Upper back',
  shoulders: 'Shoulders',
  core: 'Trunk',
  calves: 'Calves',
};
export const positionWords: Record<string, string> = { floor: 'On the floor', standing: 'Standing', chair: 'On a chair' };
export const skillWords: Record<string, string> = {
  side_swing: 'side swings (no jumping)',
  basic_bounce: 'basic bounce',
  alternate_foot_step: 'alternate-foot step',
};

// The ten safety questions, in the order of the engine's screen; the first three are urgent.
export const redFlags: { id: string; question: string; urgent: boolean }[] = [
  { id: 'saddle_numbness', question: 'Numbness or tingling around your back passage, genitals or inner thighs (where you would sit on a saddle)?', urgent: true },
  { id: 'bladder_bowel_change', question: 'New trouble passing urine, or losing control of your bladder or bowels?', urgent: true },
  { id: 'progressive_leg_weakness', question: 'A leg or foot getting weaker, or a foot that drags or slaps?', urgent: true },
  { id: 'major_trauma', question: 'Did the pain start after a serious fall, crash or blow?', urgent: false },
  { id: 'fever_unwell', question: 'Fever, chills or feeling generally unwell along with the back pain?', urgent: false },
  { id: 'cancer_history', question: 'Have you ever had cancer?', urgent: false },
  { id: 'unexplained_weight_loss', question: 'Weight loss you cannot explain?', urgent: false },
  { id: 'constant_night_pain', question: 'Pain that is constant at night and does not ease with any position?', urgent: false },
  { id: 'immunosuppression_or_iv_drugs', question: 'Medicines that lower your immunity (for example long-term steroids), or injecting drugs?', urgent: false },
  { id: 'osteoporosis_minor_trauma', question: 'Thin bones (osteoporosis) and the pain began after a minor fall or lift?', urgent: false },
];
export const flagWords: Record<string, string> = {
  saddle_numbness: 'numbness around the saddle area',
  bladder_bowel_change: 'a change in bladder or bowel control',
  progressive_leg_weakness: 'a leg getting weaker',
  major_trauma: 'a serious fall or blow',
  fever_unwell: 'fever or feeling unwell',
  cancer_history: 'a history of cancer',
  unexplained_weight_loss: 'unexplained weight loss',
  constant_night_pain: 'constant night pain',
  immunosuppression_or_iv_drugs: 'lowered immunity or injecting drugs',
  osteoporosis_minor_trauma: 'thin bones with a minor fall',
};

export const URGENT_ADVICE =
  'Stop exercising and get medical help today: call your emergency number or go to an emergency department. ' +
  'These signs can mean pressure on the nerves at the base of the spine, which needs to be checked quickly.';
