// Every word the live jump count shows or speaks (on the Live screen and in the player), ready for
// a second language. Numbers and plurals go through count() and formatNumber() (Intl).
import type { Placement } from './api';
import { count, formatNumber, pluralNoun } from './words';

export const livePanelWords = {
  placements: {
    pocket: 'In a trouser pocket',
    ankle: 'Strapped to an ankle',
    wrist: 'Strapped to a wrist',
    chest: 'On the chest (a strap or a tight top)',
  } as Record<Placement, string>,
  httpsBefore: 'Phones give motion readings only to pages opened over HTTPS (an address starting ',
  httpsMiddle: '). Whoever runs your Bounceback server can turn it on: ',
  httpsCert: ' makes a certificate for a home network, then ',
  httpsAfter: '. Everything else works without it.',
  unsupported: 'This browser gives no motion readings, so jumps cannot be counted live here. You can still upload a recording from a sensor app under Recordings.',
  spokenCount: (jumps: number) => count(jumps, 'jump'),
  defaultTitle: 'Count my jumps with this phone',
  panelLabel: 'Live jump count',
  wherePhone: 'Where the phone is',
  countAgain: 'Count again',
  denied:
    'Motion access was not allowed, so jumps cannot be counted. On an iPhone, reload the page and tap Allow when asked (or turn on Motion & Orientation Access in the Safari settings). The session goes on without it.',
  saved: (jumps: number, cadence: number) => `Saved: ${count(jumps, 'jump')}${cadence > 0 ? ` at ${formatNumber(Math.round(cadence))} a minute` : ''}.`,
  nothingSaved: 'Nothing was recorded: no motion readings reached the server.',
  streamFull: ' The stream reached its 30-minute limit and was saved.',
  seeRecording: 'See the recording',
  underRecordings: 'You will find it under Recordings.',
  countAnother: 'Count another set',
  connecting: 'Connecting…',
  saving: 'Saving…',
  counting: (where: string) => `Counting · ${where.toLowerCase()}`,
  jumpsUnit: (jumps: number) => pluralNoun(jumps, 'jump'),
  none: '–',
  perMinuteUnit: (target: number | null) => `a minute${target ? ` (aim ${formatNumber(target)})` : ''}`,
  noReadings: 'No motion readings are coming from this device yet. A laptop or desktop usually has no motion sensor; on a phone, keep this page open with the screen on.',
  stop: 'Stop counting',
};
