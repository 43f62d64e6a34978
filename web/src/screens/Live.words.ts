// Every word the Live screen shows (the counting panel has its own in livePanel), ready for a
// second language.
export const liveWords = {
  title: 'Count jumps live',
  intro: 'Put the phone where you choose below, start counting, and jump. The count and your cadence update as you go; stop counting to save the set as a recording.',
  sessionDate: 'Session date',
  start: 'Start counting',
  allRecordings: 'All recordings',
};
