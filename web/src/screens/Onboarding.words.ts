// Every word the first-run setup shows (the safety screen and the rope advice's own text come
// from their modules and the engine), ready for a second language. Numbers go through
// formatNumber() (Intl).
import { formatNumber } from '../words';

export const onboardingWords = {
  steps: ['About you', 'What makes it worse', 'Safety questions', 'What the answers mean', 'Activities', 'Your rope'],
  stepOf: (step: number, steps: number, name: string) => `Step ${formatNumber(step)} of ${formatNumber(steps)}: ${name}`,
  progress: 'Setup progress',
  answerRope: 'Please answer both rope questions.',
  birthYearFormat: 'Enter your birth year as four digits, for example 1984.',
  heightRange: 'Enter your height in centimetres, from 90 to 250.',
  nameThree: 'Name at least three activities.',
  rateEach: 'Rate each activity from 0 to 10.',
  scoreWhole: 'Enter a whole number from 0 to 10.',
  fixScore: 'A score is not a whole number from 0 to 10: correct it to go on.',
  aboutTitle: 'About you',
  birthYear: 'Birth year',
  height: 'Height (cm)',
  heightHint: 'Used to size your rope.',
  ropeBefore: 'Have you skipped rope before?',
  ropeOwned: 'Which rope do you have?',
  next: 'Next',
  back: 'Back',
  worseTitle: 'What makes your back worse?',
  worseHint: 'Tick any that apply. Plans leave out positions that load what bothers you.',
  worseLegend: 'Aggravating activities',
  activitiesTitle: 'Activities that matter to you',
  activitiesIntro:
    'Name three to five everyday activities your back makes hard (for example "putting on socks" or "playing with my kids"), and rate how well you can do each today: 0 is unable, 10 is as well as before the pain. We ask again later to see change.',
  activity: (n: number) => `Activity ${formatNumber(n)}`,
  howWell: 'How well today (0-10)',
  addActivity: 'Add an activity',
  ropeTitle: 'Your rope',
  ropeLater: 'Rope advice appears here once your profile is saved.',
  toCheckin: "Go to today's check-in",
  length: (cm: number) => `Length: about ${formatNumber(cm)} cm`,
  lengthTail: ' handle tip to handle tip. ',
  where: (text: string) => `Where: ${text}`,
  shoes: (text: string) => `Shoes: ${text}`,
  avoidTitle: 'Best avoided',
};
