// Every word the Recordings screen (and the clinician's read-only copy of it) shows, in one place,
// ready for a second language. Numbers and plurals go through count() and formatNumber() (Intl).
import type { PlacementCertainty } from '../api';
import { count, formatNumber } from '../words';

const one = (n: number) => formatNumber(n, 1);
const whole = (n: number) => formatNumber(Math.round(n));

export const recordingsWords = {
  title: 'Recordings',
  countedLive: 'Counted live',
  uploaded: 'Uploaded recording',
  placementNames: { pocket: 'pocket', ankle: 'ankle', wrist: 'wrist', chest: 'chest', waist: 'waist' } as Record<string, string>,
  metric: {
    jumps: 'Jumps',
    cadence: 'Cadence',
    height: 'Jump height',
    impact: 'Landing impact',
    rhythm: 'Rhythm',
    trips: 'Trips and stops',
    longestRun: 'Longest run',
    activeTime: 'Active time',
  },
  none: '–',
  jumps: (n: number) => formatNumber(n),
  perMinute: (n: number) => `${whole(n)}/min`,
  notShownAt: (where: string) => `not shown at the ${where}`,
  centimetres: (n: number) => `${one(n)} cm`,
  gForce: (n: number, atLeast: boolean) => `${atLeast ? 'at least ' : ''}${one(n)} g`,
  variation: (percent: number) => `${whole(percent)}% variation`,
  stops: (n: number) => formatNumber(n),
  longestRun: (n: number) => count(n, 'jump'),
  activeOf: (active: number, total: number) => `${whole(active)} s of ${whole(total)} s`,
  // `guess` is how the placement was known: given at upload, or guessed and how sure the guess was
  // ('guessed' alone for a recording analysed before the server said how sure).
  phoneAt: (where: string, guess: 'given' | 'guessed' | PlacementCertainty) =>
    ` · phone ${where}${
      guess === 'given'
        ? ''
        : guess === 'sure'
          ? ' (guessed from the signal, a clear guess)'
          : guess === 'unsure'
            ? ' (guessed from the signal, not sure)'
            : guess === 'no evidence'
              ? ' (a default: the signal had no jumps in rhythm to tell the placement from)'
              : ' (guessed from the signal)'
    }`,
  // Above the server's plain-words reason why nothing, or not everything, was counted.
  whyNoJumps: 'Why no jumps were counted',
  whySomeNotCounted: 'Why some movements were not counted',
  atTheWaist: 'at the waist',
  chartHelp: 'The band is the acceleration the phone felt (1 g is standing still); each dot marks a landing.',
  chartTouch: 'The chart shows the whole recording; on a computer you can drag across it to zoom in.',
  chartMouse: 'Drag across the chart to zoom in, double-click to zoom out.',
  howItWent: 'How it went',
  nothingToChange: 'Nothing to change: steady, even jumps.',
  aboutTitle: 'About this recording',
  skippedRows: (rows: number) => `Skipped ${count(rows, 'row')} of the file that could not be read.`,
  everyLanding: (n: number) => `Every landing (${formatNumber(n)})`,
  columns: { time: 'Time', flight: 'Flight', impact: 'Impact' },
  seconds: (t: number) => `${formatNumber(t, 2)} s`,
  milliseconds: (s: number) => `${whole(s * 1000)} ms`,
  downloadCsv: 'Download the CSV',
  deleteAsk: 'Delete…',
  confirmDelete: 'Confirm delete',
  deleteQuestion: 'Delete this recording? This cannot be undone.',
  deleteYes: 'Delete recording',
  keep: 'Keep it',
  noRecordings: 'No recordings yet.',
  itemCadence: (n: number) => ` · ${whole(n)} a minute`,
  itemLength: (seconds: number) => `${whole(seconds)} s`,
  showAll: (n: number) => `Show all ${count(n, 'recording')}`,
  tooLarge: 'This file is larger than 16 MB, the most Bounceback takes. Export a shorter recording: a few minutes of jumping is plenty.',
  notCsv: 'Bounceback takes recordings as CSV text files. Choose the .csv file the sensor app exported.',
  unreadable: (why: string) => `This file could not be read: ${why}.`,
  chooseFile: 'Choose the CSV file first.',
  emptyFile: 'This file is empty. Choose the CSV file the sensor app exported.',
  uploadLabel: 'Upload a recording',
  uploadTitle: 'Add a recording',
  uploadHelp: 'Record a set with a phone sensor app (a time column and three acceleration columns, in g or m/s²) and export it as CSV.',
  csvFile: 'CSV file',
  wherePhone: 'Where the phone was',
  notSure: 'Not sure: tell from the signal',
  sessionDate: 'Session date',
  skipBadRows: 'Skip the rows that cannot be read and try again',
  analysing: 'Analysing…',
  upload: 'Upload and analyse',
  gone: 'This recording does not exist any more.',
  allRecordings: '← All recordings',
  loadingOne: 'Loading the recording…',
  countLive: 'Count jumps live with this phone',
  earlier: 'Earlier recordings',
  other: 'Other recordings',
  loading: 'Loading…',
  noOther: 'No other recordings.',
};
