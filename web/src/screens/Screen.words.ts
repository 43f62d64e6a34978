// Every word of the safety screen (the questions, their summaries and the advice come from the
// engine), ready for a second language. Counts go through count() (Intl plurals).
import { count } from '../words';

export const screenWords = {
  call: (number: string) => `Call ${number}`,
  setNumberBefore: 'Set your local emergency number in',
  settings: 'Settings',
  setNumberAfter: 'to get a call button here.',
  notLoaded: 'The safety questions could not be loaded. Check your connection and reload the page.',
  answerAll: (left: number) => `Please answer every question (${count(left, 'question')} left).`,
  title: 'Safety questions',
  intro: (questions: number) => `${count(questions, 'question')} about signs that need a doctor before exercise. Most people answer no to all.`,
  no: 'No',
  yes: 'Yes',
  back: 'Back',
  seeMeaning: 'See what this means',
  clearTitle: 'You can start gently',
  clearText: 'None of the warning signs. Plans will include exercise, starting small and growing only as your back allows.',
  clearLater: 'If any of these signs appear later, the daily check-in asks again and pauses plans.',
  urgentTitle: 'Get medical help now',
  answeredYes: (signs: string) => `You answered yes to ${signs}.`,
  clinicianTitle: 'See a clinician before exercising',
  clearanceRecorded: (date: string) => `Clearance recorded for ${date}.`,
  recordDate: 'When a clinician says exercise is fine, record the date:',
  needDate: 'Enter the date the clinician cleared you.',
  clearanceDate: 'Date of clearance',
  recordClearance: 'Record clearance',
  changeAnswers: 'Change answers',
  retake: 'Take the safety questions again',
  goToday: 'Go to today',
};
