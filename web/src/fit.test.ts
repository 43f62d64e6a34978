// FIT files written with Garmin's SDK and read back with the same SDK's decoder: the laps, jump
// counts, records and time stamps come back as they went in, with a valid CRC and no errors.
import { Decoder, Encoder, Profile, Stream } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import type { Analysis, HistoryDay, Recording } from './api';
import { activityFromRecording, activityFromSession, encodeActivity, recordingStart, type FitActivity, type FitSdk } from './fit';

const sdk = { Encoder, Profile } as unknown as FitSdk;

interface Decoded {
  fileIdMesgs: Record<string, unknown>[];
  deviceInfoMesgs: Record<string, unknown>[];
  eventMesgs: Record<string, unknown>[];
  recordMesgs: Record<string, unknown>[];
  lapMesgs: Record<string, unknown>[];
  sessionMesgs: Record<string, unknown>[];
  activityMesgs: Record<string, unknown>[];
}
function decode(bytes: Uint8Array): Decoded {
  const decoder = new Decoder(Stream.fromByteArray(Array.from(bytes)));
  expect(decoder.isFIT()).toBe(true);
  expect(decoder.checkIntegrity()).toBe(true); // header and file CRC
  const { messages, errors } = decoder.read();
  expect(errors).toEqual([]);
  return messages as unknown as Decoded;
}

// Three rounds of jumping at 2 a second (20, 16 and 12 landings), 20 s rests between them, and
// one trip (a 3 s gap) in the second round: the server counts that as a trip, not a rest. Its
// bouts are what the server returns for them (src/app/motion_json_test.cc checks the same).
function roundsOfJumps(): number[] {
  const t: number[] = [];
  let now = 1;
  for (const [n, trip] of [[20, false], [16, true], [12, false]] as const) {
    for (let i = 0; i < n; i++) {
      t.push(now);
      now += trip && i === 7 ? 3 : 0.5;
    }
    now += 20;
  }
  return t;
}

type Bouts = Analysis['bouts'];
const roundsBouts: Bouts = [
  { kind: 'work', start_s: 1, end_s: 10.5, jumps: 20 },
  { kind: 'rest', start_s: 10.5, end_s: 31, jumps: 0 },
  { kind: 'work', start_s: 31, end_s: 41, jumps: 16 },
  { kind: 'rest', start_s: 41, end_s: 61.5, jumps: 0 },
  { kind: 'work', start_s: 61.5, end_s: 67, jumps: 12 },
];
// One bout of work over all the landings, as the server gives a set without a rest.
const oneBout = (times: number[]): Bouts => [{ kind: 'work', start_s: times[0], end_s: times[times.length - 1], jumps: times.length }];

function recording(over: Partial<Recording> = {}, landings?: number[], given?: Bouts): Recording {
  const times = landings ?? roundsOfJumps();
  const bouts = given ?? (landings ? oneBout(times) : roundsBouts);
  const analysis = {
    placement: 'pocket', jumps: times.length, events: times.map((t) => ({ t, flight_s: 0.3, impact_g: 2 })),
    cadence_per_min: 120, cadence_over_time: [{ t: 0, per_min: 118 }, { t: 10, per_min: 121 }, { t: 30, per_min: 119.6 }, { t: 60, per_min: 122 }],
    jump_height_cm: 3, impact_g: 2, impact_clipped: false, rhythm_cv: 0.03, trips: 1, rests: bouts.filter((b) => b.kind === 'rest').length, bouts, longest_run: 20, active_seconds: 24,
    feedback: [], warnings: [], input: { rows: 9000, duration_s: 90.2, time_column: 't', axis_columns: ['x', 'y', 'z'], units: 'g' },
    signal: { bin_s: 0.05, low: [], high: [] },
  } as Analysis;
  return { id: 3, date: '2026-03-10', source: 'upload', name: 'set.csv', created_at: 1_773_100_000, analysis, ...over };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('FIT export', () => {
  it('lays out the laps as the server\'s bouts, without a rest rule of its own', () => {
    // The server's bouts alone decide: here it names one rest only (a 20 s gap it kept in a
    // bout is not split here, and a gap it called a rest is one even if short).
    const times = roundsOfJumps();
    const bouts: Bouts = [
      { kind: 'work', start_s: 1, end_s: 41, jumps: 36 },
      { kind: 'rest', start_s: 41, end_s: 61.5, jumps: 0 },
      { kind: 'work', start_s: 61.5, end_s: 67, jumps: 12 },
    ];
    const a = activityFromRecording(recording({}, times, bouts));
    expect(a.laps).toEqual([
      { start_s: 1, seconds: 40, jumps: 36 },
      { start_s: 41, seconds: 20.5, jumps: 0, rest: true },
      { start_s: 61.5, seconds: 5.5, jumps: 12 },
    ]);
    expect(activityFromRecording(recording({}, [], [])).laps).toEqual([]);
  });

  it('writes a recording as a jump rope activity that decodes back to the same rounds, counts and times', () => {
    const r = recording();
    const a = activityFromRecording(r);
    const now = new Date('2026-03-11T08:00:00Z');
    const m = decode(encodeActivity(sdk, a, now));

    expect(m.fileIdMesgs).toHaveLength(1);
    expect(m.fileIdMesgs[0]).toMatchObject({ type: 'activity', manufacturer: 'development' });
    expect((m.fileIdMesgs[0].timeCreated as Date).getTime()).toBe(now.getTime());
    expect(m.deviceInfoMesgs[0]).toMatchObject({ deviceIndex: 'creator', productName: 'Bounceback' });

    // An upload's clock time is not known: noon of its session's day.
    const start = new Date('2026-03-10T12:00:00');
    expect(recordingStart(r).getTime()).toBe(start.getTime());

    // One lap a bout: the three rounds and the two rests between them.
    expect(m.lapMesgs.map((l) => l.jumpCount)).toEqual([20, 0, 16, 0, 12]);
    expect(m.lapMesgs.map((l) => l.totalCycles)).toEqual([20, 0, 16, 0, 12]);
    expect(m.lapMesgs.map((l) => l.intensity)).toEqual(['active', 'rest', 'active', 'rest', 'active']);
    expect(m.lapMesgs.every((l) => l.sport === 'jumpRope')).toBe(true);
    // A work lap from its first landing to its last, a rest between; FIT keeps times to the
    // millisecond.
    expect(m.lapMesgs.map((l) => l.totalTimerTime)).toEqual([9.5, 20.5, 10, 20.5, 5.5]);
    const firsts = [1, 10.5, 31, 41, 61.5];
    expect(m.lapMesgs.map((l) => (l.startTime as Date).getTime())).toEqual(firsts.map((s) => start.getTime() + Math.floor(s) * 1000));

    const s = m.sessionMesgs[0];
    expect(m.sessionMesgs).toHaveLength(1);
    expect(s).toMatchObject({ sport: 'jumpRope', numLaps: 5, jumpCount: 48, totalCycles: 48, avgCadence: 120, totalElapsedTime: 90.2 });
    expect(s.totalTimerTime).toBeCloseTo(66, 3);
    expect((s.startTime as Date).getTime()).toBe(start.getTime());
    // FIT time stamps are whole seconds from 1989-12-31 00:00 UTC: the SDK gives them as dates.
    expect((s.timestamp as Date).getTime()).toBe(start.getTime() + 90_000);

    // One record a second with the jumps so far; cadence only while jumping.
    expect(m.recordMesgs).toHaveLength(92); // 0 to 91 s: the last second holds the last landings
    expect(m.recordMesgs.map((x) => x.totalCycles)).toEqual(a.records.map((x) => x.jumps));
    expect(m.recordMesgs[m.recordMesgs.length - 1].totalCycles).toBe(48);
    expect(m.recordMesgs[5]).toMatchObject({ totalCycles: 9, cadence: 118 }) // landings at 1, 1.5, ... 5 s;
    expect(m.recordMesgs[20].cadence).toBeUndefined(); // resting
    expect(m.recordMesgs[35].cadence).toBe(120); // 119.6 a minute, whole in FIT

    expect(m.eventMesgs.map((e) => `${e.event}:${e.eventType}`)).toEqual(['timer:start', 'timer:stopAll']);
    const act = m.activityMesgs[0];
    expect(act).toMatchObject({ numSessions: 1, type: 'manual', event: 'activity', eventType: 'stop' });
    const endFit = (start.getTime() + 90_000 - Date.UTC(1989, 11, 31)) / 1000;
    expect(act.localTimestamp).toBe(endFit - start.getTimezoneOffset() * 60);
  });

  it('counts every landing by the last record, also those in the recording\'s last part-second', () => {
    const r = recording({}, [0.5, 1, 1.5, 2, 2.4]);
    r.analysis.input.duration_s = 2.45;
    const m = decode(encodeActivity(sdk, activityFromRecording(r)));
    expect(m.recordMesgs.map((x) => x.totalCycles)).toEqual([0, 2, 4, 5]);
  });

  it('starts a live count at the moment the server saved it less its length', () => {
    const end = new Date('2026-03-10T12:30:00').getTime() / 1000; // the person's clock
    const r = recording({ source: 'live', created_at: end });
    const m = decode(encodeActivity(sdk, activityFromRecording(r)));
    const started = (m.sessionMesgs[0].startTime as Date).getTime() / 1000;
    // Whole seconds in FIT: 90.2 s before the save.
    expect(started).toBe(Math.floor(end - 90.2));
    // Counted on another day than the session it was kept for: noon of the session's day.
    const later = recording({ source: 'live', created_at: new Date('2026-03-12T09:00:00').getTime() / 1000 });
    expect(recordingStart(later).getTime()).toBe(new Date('2026-03-10T12:00:00').getTime());
  });

  type DayBouts = NonNullable<HistoryDay['bouts']>;
  const day = (session: HistoryDay['session'], bouts: DayBouts | null = session ? [{ kind: 'work', start_s: 0, end_s: session.rope_minutes * 60, jumps: null }] : null): HistoryDay =>
    ({ date: '2026-03-10', checkin: { pain: 2, feel: 'good' }, status: 'ok', day_type: 'rope', traffic_light: null, session, bouts });
  // The server's bouts of a logged session: 3 rounds of 40 s with 20 s rests between them.
  const rounds: DayBouts = [
    { kind: 'work', start_s: 0, end_s: 40, jumps: null },
    { kind: 'rest', start_s: 40, end_s: 60, jumps: null },
    { kind: 'work', start_s: 60, end_s: 100, jumps: null },
    { kind: 'rest', start_s: 100, end_s: 120, jumps: null },
    { kind: 'work', start_s: 120, end_s: 160, jumps: null },
  ];

  it('writes a logged session without a recording as the bouts the server gives for its log', () => {
    const a = activityFromSession(day({ completed: true, rope_minutes: 2, pain_during_max: 2, pain_after: 2 }, rounds), []) as FitActivity;
    const m = decode(encodeActivity(sdk, a));
    expect(m.lapMesgs.map((l) => l.totalTimerTime)).toEqual([40, 20, 40, 20, 40]);
    expect(m.lapMesgs.map((l) => l.intensity)).toEqual(['active', 'rest', 'active', 'rest', 'active']);
    expect(m.lapMesgs.map((l) => ((l.startTime as Date).getTime() - a.start.getTime()) / 1000)).toEqual([0, 40, 60, 100, 120]);
    // No jumps were counted, so none are written.
    expect(m.lapMesgs.every((l) => l.jumpCount === undefined)).toBe(true);
    expect(m.sessionMesgs[0]).toMatchObject({ numLaps: 5, totalTimerTime: 160, totalElapsedTime: 160, sport: 'jumpRope' });
    expect(m.sessionMesgs[0].jumpCount).toBeUndefined();
    expect(m.recordMesgs ?? []).toHaveLength(0);
  });

  it('writes one lap when the server gives one bout, and nothing without rope time', () => {
    const s = { completed: false, rope_minutes: 2.5, pain_during_max: 2, pain_after: 2 };
    const m = decode(encodeActivity(sdk, activityFromSession(day(s), [])!));
    expect(m.lapMesgs.map((l) => l.totalTimerTime)).toEqual([150]);
    expect(activityFromSession(day({ completed: true, rope_minutes: 0, pain_during_max: 2, pain_after: 2 }, []), [])).toBeNull();
    expect(activityFromSession(day(null), [])).toBeNull();
  });

  it('writes a session with recordings from what they counted, one after another', () => {
    const first = recording({ id: 1, created_at: 10 });
    const second = recording({ id: 2, created_at: 20 }, [2, 2.5, 3, 3.5]);
    second.analysis.jumps = 4;
    const other = recording({ id: 3, date: '2026-03-09' });
    const a = activityFromSession(day({ completed: true, rope_minutes: 4, pain_during_max: 2, pain_after: 2 }), [second, other, first])!;
    const m = decode(encodeActivity(sdk, a));
    expect(m.lapMesgs.map((l) => l.jumpCount)).toEqual([20, 0, 16, 0, 12, 4]);
    expect(m.sessionMesgs[0].jumpCount).toBe(52);
    expect(sum(m.lapMesgs.map((l) => l.jumpCount as number))).toBe(52);
    // Both uploads start at noon: the second follows the first.
    const starts = m.lapMesgs.map((l) => (l.startTime as Date).getTime());
    expect(starts[5]).toBe(new Date('2026-03-10T12:00:00').getTime() + (91 + 2) * 1000);
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
    expect(m.recordMesgs.map((x) => (x.timestamp as Date).getTime())).toEqual([...m.recordMesgs.map((x) => (x.timestamp as Date).getTime())].sort((x, y) => x - y));
  });
});
