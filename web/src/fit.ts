// Rope sessions and recordings as FIT activity files (the format Garmin Connect, Strava and most
// training logs import), written in the browser with Garmin's FIT SDK. The SDK is large, so it is
// loaded only when a file is written (`exportFit`); the rest here is plain data and runs without it.
//
// Only what the API returns goes in, and the laps are the server's bouts (work between rests, and
// the rests), one lap each. A recording's bouts are what it counted: work laps with their jump
// counts, and one record a second with the jumps so far and the server's cadence for that part of
// the set. A session logged without a recording has the bouts of its log (the plan's rounds when
// the server judged they ran, else one of the rope time): no jump counts, since none were counted.
import type { HistoryDay, Recording } from './api';
import { fitWords } from './fit.words';

export interface FitLap {
  start_s: number; // from the activity's start
  seconds: number;
  jumps?: number;
  rest?: boolean; // a rest between stretches of jumping (FIT intensity "rest")
}
export interface FitRecord {
  at_s: number; // from the activity's start, whole seconds
  jumps: number; // landings so far
  cadence_per_min?: number;
}
export interface FitActivity {
  start: Date;
  elapsed_s: number;
  laps: FitLap[];
  records: FitRecord[];
  jumps?: number;
  cadence_per_min?: number;
  // The person's clock against UTC at the start, for the activity's local time stamp.
  utc_offset_s: number;
}

// What the SDK gives that the writer needs (the module itself, once loaded).
export interface FitSdk {
  Encoder: new () => { onMesg(mesgNum: number, mesg: Record<string, unknown>): unknown; close(): Uint8Array };
  Profile: { MesgNum: Record<string, number> };
}

const noonOf = (date: string) => new Date(`${date}T12:00:00`);
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const utcOffsetAt = (d: Date) => -d.getTimezoneOffset() * 60;

// When a recording started. The server saves a live count when it ends, so its start is that
// moment less its length; an upload's clock time is not known (only its session's date), so it
// starts at noon that day, as does a live count kept for another day than it was made on.
export function recordingStart(r: Recording): Date {
  if (r.source === 'live') {
    const start = new Date((r.created_at - r.analysis.input.duration_s) * 1000);
    if (localDate(start) === r.date) return start;
  }
  return noonOf(r.date);
}

// A recording as laps and records, `offset_s` after `start` (a session with several recordings
// lays them one after another).
function recordingParts(r: Recording, offset_s: number): { laps: FitLap[]; records: FitRecord[] } {
  const a = r.analysis;
  const times = a.events.map((e) => e.t);
  // A lap is a bout: work from its first landing to its last, a rest from the landing before it
  // to the one after.
  const laps: FitLap[] = a.bouts.map((b) => ({
    start_s: offset_s + b.start_s,
    seconds: b.end_s - b.start_s,
    jumps: b.jumps,
    ...(b.kind === 'rest' ? { rest: true } : {}),
  }));
  const records: FitRecord[] = [];
  let landed = 0;
  for (let sec = 0; sec <= Math.ceil(a.input.duration_s); sec++) {
    while (landed < times.length && times[landed] <= sec) landed++;
    const inLap = laps.some((l) => !l.rest && offset_s + sec >= Math.floor(l.start_s) && offset_s + sec <= Math.ceil(l.start_s + l.seconds));
    // The cadence of the latest window of the set that began by then, while jumping.
    const window = inLap ? [...a.cadence_over_time].reverse().find((w) => w.t <= sec) : undefined;
    records.push({ at_s: offset_s + sec, jumps: landed, ...(window ? { cadence_per_min: window.per_min } : {}) });
  }
  return { laps, records };
}

export function activityFromRecording(r: Recording): FitActivity {
  const start = recordingStart(r);
  const { laps, records } = recordingParts(r, 0);
  return {
    start,
    elapsed_s: r.analysis.input.duration_s,
    laps,
    records,
    jumps: r.analysis.jumps,
    ...(r.analysis.cadence_per_min > 0 ? { cadence_per_min: r.analysis.cadence_per_min } : {}),
    utc_offset_s: utcOffsetAt(start),
  };
}

// A logged session: its recordings when it has any (in the order they were made, each from its
// start or, when that would overlap the one before, right after it), otherwise the bouts of its
// log. Null when there is nothing to write (no rope time and no recording).
export function activityFromSession(day: HistoryDay, recordings: Recording[]): FitActivity | null {
  const s = day.session;
  const mine = recordings.filter((r) => r.date === day.date && r.analysis.events.length > 0).sort((a, b) => a.created_at - b.created_at || a.id - b.id);
  if (mine.length) {
    const start = recordingStart(mine[0]);
    const laps: FitLap[] = [];
    const records: FitRecord[] = [];
    let end_s = 0;
    for (const r of mine) {
      const offset = Math.max(end_s, Math.round((recordingStart(r).getTime() - start.getTime()) / 1000));
      const parts = recordingParts(r, offset);
      laps.push(...parts.laps);
      records.push(...parts.records);
      end_s = offset + Math.ceil(r.analysis.input.duration_s);
    }
    const jumps = mine.reduce((n, r) => n + r.analysis.jumps, 0);
    const cadence = s?.measured?.cadence_per_min;
    return { start, elapsed_s: end_s, laps, records, jumps, ...(cadence ? { cadence_per_min: cadence } : {}), utc_offset_s: utcOffsetAt(start) };
  }
  const bouts = day.bouts ?? [];
  if (!s || !bouts.length) return null;
  const start = noonOf(day.date);
  const laps: FitLap[] = bouts.map((b) => ({ start_s: b.start_s, seconds: b.end_s - b.start_s, ...(b.kind === 'rest' ? { rest: true } : {}) }));
  return { start, elapsed_s: bouts[bouts.length - 1].end_s, laps, records: [], utc_offset_s: utcOffsetAt(start) };
}

const FIT_EPOCH_MS = Date.UTC(1989, 11, 31); // FIT time stamps count seconds from 1989-12-31 00:00 UTC
const at = (start: Date, s: number) => new Date(start.getTime() + Math.round(s * 1000));
const uint8 = (v: number) => Math.min(254, Math.max(0, Math.round(v)));

// The activity as FIT messages, in the order the FIT activity file description gives: file id,
// creator, timer start, records, laps, timer stop, session, activity.
export function encodeActivity(sdk: FitSdk, a: FitActivity, now: Date = new Date()): Uint8Array {
  const { Encoder, Profile } = sdk;
  const M = Profile.MesgNum;
  const encoder = new Encoder();
  const end = at(a.start, a.elapsed_s);
  const timer_s = a.laps.reduce((t, l) => t + l.seconds, 0);
  const jumps = a.jumps ?? (a.laps.every((l) => l.jumps !== undefined) && a.laps.length ? a.laps.reduce((n, l) => n + (l.jumps ?? 0), 0) : undefined);
  const count = (n: number | undefined) => (n === undefined ? {} : { jumpCount: n, totalCycles: n });
  const creator = { manufacturer: 'development', product: 0 };
  encoder.onMesg(M.FILE_ID, { type: 'activity', ...creator, timeCreated: now });
  encoder.onMesg(M.DEVICE_INFO, { deviceIndex: 'creator', ...creator, productName: fitWords.productName, timestamp: a.start });
  encoder.onMesg(M.EVENT, { timestamp: a.start, event: 'timer', eventType: 'start' });
  for (const r of a.records)
    encoder.onMesg(M.RECORD, { timestamp: at(a.start, r.at_s), totalCycles: r.jumps, ...(r.cadence_per_min ? { cadence: uint8(r.cadence_per_min) } : {}) });
  a.laps.forEach((l, i) =>
    encoder.onMesg(M.LAP, {
      messageIndex: i,
      timestamp: at(a.start, l.start_s + l.seconds),
      startTime: at(a.start, l.start_s),
      totalElapsedTime: l.seconds,
      totalTimerTime: l.seconds,
      event: 'lap',
      eventType: 'stop',
      lapTrigger: 'manual',
      sport: 'jumpRope',
      intensity: l.rest ? 'rest' : 'active',
      ...count(l.jumps),
    }),
  );
  encoder.onMesg(M.EVENT, { timestamp: end, event: 'timer', eventType: 'stopAll' });
  encoder.onMesg(M.SESSION, {
    messageIndex: 0,
    timestamp: end,
    startTime: a.start,
    totalElapsedTime: a.elapsed_s,
    totalTimerTime: timer_s,
    sport: 'jumpRope',
    subSport: 'generic',
    firstLapIndex: 0,
    numLaps: a.laps.length,
    event: 'session',
    eventType: 'stop',
    trigger: 'activityEnd',
    ...count(jumps),
    ...(a.cadence_per_min ? { avgCadence: uint8(a.cadence_per_min) } : {}),
  });
  encoder.onMesg(M.ACTIVITY, {
    timestamp: end,
    totalTimerTime: timer_s,
    numSessions: 1,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
    localTimestamp: Math.round((end.getTime() - FIT_EPOCH_MS) / 1000) + a.utc_offset_s,
  });
  return encoder.close();
}

// Writes the file and hands it to the browser as a download; the SDK is fetched on first use.
export async function exportFit(a: FitActivity, fileName: string): Promise<void> {
  const sdk = (await import('@garmin/fitsdk')) as unknown as FitSdk;
  const bytes = encodeActivity(sdk, a);
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/vnd.ant.fit' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
