// Every word the clinician view shows, in one place, ready for a second language. It speaks to
// the clinician about the person ("their activities"), never to the person.
import type { ScreenSummary } from '../api';
import { formatNumber } from '../words';

export const clinicianWords = {
  title: 'People sharing with you',
  addPerson: 'Add a person',
  needCode: 'Enter the code the person gave you.',
  codeLabel: 'Share code',
  codeHint: 'As the person gave it: spaces and lower case are fine.',
  addButton: 'Add person',
  nobody: 'Nobody shares with you yet. Ask the person to make a share code under Settings in their app.',
  progressOf: (who: string) => `Progress of ${who}`,
  psfsTitle: 'Activities that matter to them (PSFS)',
  psfsRated: (date: string) => `Rated on ${date}: 0 is unable, 10 is as well as before the pain.`,
  daysOf: (who: string) => `Recent days of ${who}`,
  noDays: 'No check-ins yet.',
  columns: { date: 'Date', checkin: 'Check-in', plan: 'Plan', session: 'Session', nextMorning: 'Next morning' },
  checkin: (pain: number, feel: string) => `Pain ${formatNumber(pain)}, ${feel}`,
  pausedUrgent: 'Paused: urgent sign',
  pausedClinician: 'Paused: see a clinician',
  session: (minutes: number, during: number, after: number) =>
    `${formatNumber(minutes, 1)} min rope, pain ${formatNumber(during)} during, ${formatNumber(after)} after`,
  effort: (effort: number) => `, effort ${formatNumber(effort)}/10`,
  stops: { sharp_pain: 'stopped for sharp pain', fatigue: 'ended early: felt enough', other: 'ended early' } as Record<string, string>,
  recordingsTitle: 'Jump recordings',
  recordingsFailed: 'The recordings could not be loaded.',
  screenTitle: 'Safety screen',
  screenFailed: 'The safety screen could not be loaded.',
  screenNotTaken: 'Not taken yet.',
  screenOutcome: {
    clear: 'Clear: no red flag',
    see_clinician: 'A sign to see a clinician about',
    urgent: 'An urgent sign',
  } as Record<ScreenSummary['outcome'], string>,
  takenOn: (date: string) => `, taken on ${date}.`,
  answeredYes: (signs: string) => `Answered yes: ${signs}.`,
  clearedOn: (date: string) => `Cleared by a clinician on ${date}; plans go on.`,
  awaitingClearance: 'Plans are paused until a clearance date is recorded.',
  urgentPaused: 'Plans are paused until the safety questions are taken again.',
  fhirDownload: 'Download for your record system (FHIR)',
};
