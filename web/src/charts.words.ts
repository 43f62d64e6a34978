// Every word the charts, the traffic-light strip, the calendar and the recording's signal chart
// show or read out, ready for a second language. Numbers and plurals go through Intl.
import type { Light } from './api';
import { count, formatNumber } from './words';

export const chartWords = {
  nothingYet: 'Nothing to show yet.',
  // An x-axis tick (seconds since 1970, a UTC day): "4 Dec" in the reader's own order.
  axisDay: (seconds: number) => new Date(seconds * 1000).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  noneYet: 'none yet',
  onePoint: (label: string, value: number | null) => `${label}: ${value === null ? 'none yet' : formatNumber(value, 1)}`,
  lightsLater: 'Traffic lights appear after the first rope session and its next morning.',
  lightsLabel: 'Traffic lights, oldest first',
  light: { green: 'green', amber: 'amber', red: 'red' } as Record<Light, string>,
  daySession: (ropeMinutes: number) => `session, rope ${formatNumber(ropeMinutes, 1)} min`,
  dayCheckinOnly: 'check-in only',
  dayNothing: 'nothing recorded',
  keySession: 'session',
  keyStopped: 'stopped for pain',
  monthLabel: (month: string) => `Sessions in ${month}`,
  weekdays: ['M', 'T', 'W', 'T', 'F', 'S', 'S'],
  lowest: 'Lowest |a|',
  highest: 'Highest |a|',
  noSignal: 'This recording has no signal to show.',
  signalLabel: (seconds: number, landings: number) => `Acceleration over ${count(seconds, 'second')}, with ${count(landings, 'landing')} marked`,
  cadenceSeries: 'Jumps a minute',
  cadenceTitle: 'Cadence through the set',
  cadenceLabel: (first: number, last: number) => `Cadence through the set, in jumps a minute: from ${formatNumber(first)} to ${formatNumber(last)}`,
};
