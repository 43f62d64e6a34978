import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setFetcher, type Analysis, type Plan, type RecordingItem } from '../api';
import { ManualClock } from '../clock';
import { AppContext, type AppState } from '../state';
import { SessionPlayer } from './Player';
import { DayDetail, formDays, jumpDays } from './Progress';
import Recordings, { metrics, newestFirst, uploadError } from './Recordings';
import { ApiError } from '../api';
import { LivePanel, type Live } from '../livePanel';
import type { LiveView } from '../live';

// Canvas charts do not draw in jsdom; uPlot only needs matchMedia to load.
vi.mock('../signalChart', () => ({ SignalChart: () => <div class="chart signal" />, CadenceChart: () => null }));
vi.hoisted(() => {
  window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
});

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
  localStorage.clear();
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

const settle = async () => {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
};
function mount(node: preact.ComponentChild, extra: Partial<AppState> = {}) {
  const state: AppState = {
    account: { id: 1, email: 'a@example.org', role: 'person' }, setAccount: () => {}, catalog: new Map(), safety: [],
    settings: { voice: false, beat: false, theme: 'system' }, setSettings: () => {}, go: () => {},
    clock: new ManualClock(), active: null, setActive: () => {}, ...extra,
  };
  act(() => render(<AppContext.Provider value={state}>{node}</AppContext.Provider>, root));
}
const button = (text: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) => (typeof text === 'string' ? b.textContent?.trim() === text : text.test(b.textContent ?? '')))!;
const click = async (el: Element) => {
  await act(async () => {
    (el as HTMLElement).click();
    await settle();
  });
};
const json = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const analysis: Analysis = {
  placement: 'ankle', placement_guessed: true, jumps: 53,
  events: [{ t: 1.2, flight_s: null, impact_g: 8.1 }, { t: 1.7, flight_s: null, impact_g: 7.9 }],
  cadence_per_min: 121.6, cadence_over_time: [], jump_height_cm: null, impact_g: 8.68, impact_clipped: true,
  rhythm_cv: 0.12, trips: 6, rests: 0, bouts: [{ kind: 'work', start_s: 1.2, end_s: 1.7, jumps: 2 }], longest_run: 20, active_seconds: 40.2,
  feedback: ['The rhythm is uneven: focus on a steady beat rather than speed.'],
  warnings: ['placement guessed from the signal: ankle'],
  input: { rows: 4800, duration_s: 48.5, time_column: 't_s', axis_columns: ['ax_g', 'ay_g', 'az_g'], units: 'g', skipped_rows: 0 },
  signal: { bin_s: 0.05, low: [0.9, null, 0.1], high: [1.1, null, 8] },
};
const item = (id: number, date: string, created_at: number, jumps = 10): RecordingItem => ({
  id, date, source: 'upload', name: `r${id}.csv`, created_at, placement: 'pocket', jumps, cadence_per_min: 120, jump_height_cm: 2, impact_g: 2, duration_s: 30, feedback: [],
});

function chooseFile(name = 'set.csv', text = 't,x,y,z\n0,0,1,0\n') {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  const file = new File([text], name, { type: '' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  return input;
}
const submit = async () => {
  await act(async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
  });
};

describe('recordings screen', () => {
  it('names the bad line of a CSV, keeps the chosen file, and can retry skipping bad rows', async () => {
    const seen: string[] = [];
    setFetcher(async (url, init) => {
      seen.push(`${init?.method} ${url} ${(init?.headers as Record<string, string>)?.['Content-Type'] ?? ''}`);
      if (url === '/api/v1/recordings') return json(200, { recordings: [] });
      if (url.includes('lenient=true')) return json(201, { id: 4, date: '2026-03-02', source: 'upload', name: 'set.csv', created_at: 1, analysis: { ...analysis, input: { ...analysis.input, skipped_rows: 2 } } });
      return json(422, { error: { code: 'invalid_argument', message: "line 3: acceleration x 'abc' is not a number (use --lenient to skip such rows)", field: 'csv' } });
    });
    const go = vi.fn();
    mount(<Recordings />, { go });
    await act(settle);
    expect(root.textContent).toContain('No recordings yet.');
    const input = chooseFile();
    await act(async () => {
      const select = root.querySelector<HTMLSelectElement>('select[name=placement]')!;
      select.value = 'ankle';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await submit();
    expect(root.querySelector('[role=alert]')!.textContent).toContain("This file could not be read: line 3: acceleration x 'abc' is not a number.");
    expect(root.querySelector('[role=alert]')!.textContent).not.toContain('--lenient');
    expect(input.files![0].name).toBe('set.csv');
    expect(seen[1]).toMatch(/^POST \/api\/v1\/recordings\?date=\d{4}-\d\d-\d\d&placement=ankle&name=set.csv text\/csv$/);
    await click(button('Skip the rows that cannot be read and try again'));
    expect(seen[2]).toContain('lenient=true');
    expect(go).toHaveBeenCalledWith('recordings/4');
    expect(root.textContent).toContain('Skipped 2 rows of the file that could not be read.');
  });

  it('checks the file on the phone before sending it', async () => {
    let posts = 0;
    setFetcher(async (_url, init) => {
      if (init?.method === 'POST') posts++;
      return json(200, { recordings: [] });
    });
    mount(<Recordings />);
    await act(settle);
    await submit();
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Choose the CSV file first.');
    chooseFile('empty.csv', '');
    await submit();
    expect(root.querySelector('[role=alert]')!.textContent).toMatch(/This file is empty/);
    expect(posts).toBe(0);
  });

  it('says in words what a too large or wrong file means', () => {
    expect(uploadError(new ApiError('the body is larger than 16777216 bytes', 413, 'payload_too_large', '')).message).toMatch(/larger than 16 MB/);
    expect(uploadError(new ApiError('send the recording as Content-Type: text/csv', 415, 'unsupported_media_type', '')).message).toMatch(/CSV text files/);
    expect(uploadError(new ApiError('Must be a date written YYYY-MM-DD', 422, 'invalid_argument', 'date')).message).toBe('Must be a date written YYYY-MM-DD');
  });

  it('opens a recording with its metrics, feedback and warnings, lists the others newest first, and deletes after asking', async () => {
    const calls: string[] = [];
    let list = [item(1, '2026-03-01', 5), item(2, '2026-03-03', 1), item(3, '2026-03-03', 9), item(7, '2026-03-02', 1, 53)];
    setFetcher(async (url, init) => {
      calls.push(`${init?.method} ${url}`);
      if (url === '/api/v1/recordings') return json(200, { recordings: list });
      if (url === '/api/v1/recordings/7' && init?.method === 'DELETE') {
        list = list.filter((r) => r.id !== 7);
        return new Response(null, { status: 204 });
      }
      return json(200, { id: 7, date: '2026-03-02', source: 'upload', name: 'ankle.csv', created_at: 1, analysis });
    });
    const go = vi.fn();
    mount(<Recordings id={7} />, { go });
    await act(settle);
    expect(root.querySelector('h2')!.textContent).toBe('ankle.csv');
    expect(root.textContent).toContain('(guessed from the signal)');
    const dd = (k: string) => root.querySelector(`dd[data-metric="${k}"]`)!.textContent;
    expect(dd('Jumps')).toBe('53');
    expect(dd('Cadence')).toBe('122/min');
    expect(dd('Jump height')).toBe('not shown at the ankle');
    expect(dd('Landing impact')).toBe('at least 8.7 g');
    expect(dd('Rhythm')).toBe('12% variation');
    expect(dd('Trips and stops')).toBe('6');
    expect(dd('Active time')).toBe('40 s of 49 s');
    expect(root.textContent).toContain('The rhythm is uneven');
    expect(root.textContent).toContain('Placement guessed from the signal: ankle');
    // The others, newest first: the one shown (7) is not listed again.
    expect([...root.querySelectorAll('.rec')].map((a) => a.getAttribute('href'))).toEqual(['#/recordings/3', '#/recordings/2', '#/recordings/1']);
    expect(root.querySelector('.rec[aria-current=true]')).toBeNull();

    await click(button('Delete…'));
    expect(root.textContent).toContain('Delete this recording? This cannot be undone.');
    await click(button('Keep it'));
    expect(calls.some((c) => c.startsWith('DELETE'))).toBe(false);
    await click(button('Delete…'));
    await click(button('Delete recording'));
    expect(calls).toContain('DELETE /api/v1/recordings/7');
    expect(go).toHaveBeenCalledWith('recordings');
  });

  it('says prominently why a walk counted 0, once, and how sure the placement guess was', async () => {
    const why = 'this does not look like jumping (pocket): no jumps counted; 14 jump-like event(s) set aside: 14 alone or in runs of fewer than 4 evenly spaced jumps';
    const walk: Analysis = {
      ...analysis, placement: 'pocket', placement_guessed: true, placement_certainty: 'unsure', placement_evidence: { ankle: 0, pocket: 0, wrist: 0 },
      jumps: 0, events: [], cadence_per_min: 0, longest_run: 0, feedback: [],
      gate: { candidates: 14, kept: 0, short_flight: 0, not_turning: 0, no_rhythm: 14, runs: 0, why },
      warnings: ['placement guessed from the signal: pocket (unsure: jumps in rhythm read as ankle 0, pocket 0, wrist 0; set the placement to choose another)', why],
    };
    setFetcher(async (url) => (url === '/api/v1/recordings' ? json(200, { recordings: [] }) : json(200, { id: 8, date: '2026-03-02', source: 'upload', name: 'walk.csv', created_at: 1, analysis: walk })));
    mount(<Recordings id={8} />);
    await act(settle);
    const box = root.querySelector('.why')!;
    expect(box.querySelector('h3')!.textContent).toBe('Why no jumps were counted');
    expect(box.querySelector('p')!.textContent).toBe(why.charAt(0).toUpperCase() + why.slice(1));
    // Before the chart and the metrics, and not repeated among the warnings.
    expect(box.compareDocumentPosition(root.querySelector('[data-testid=metrics]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(root.textContent!.split('evenly spaced jumps')).toHaveLength(2);
    expect(root.querySelector('.warnings')!.textContent).toContain('Placement guessed from the signal: pocket (unsure');
    expect(root.querySelector('.muted')!.textContent).toContain('phone in a trouser pocket (guessed from the signal, not sure)');
  });

  it('names a sure guess, a default without evidence and a given placement, and says nothing of the gate when all was counted', async () => {
    let shown: Analysis = analysis;
    setFetcher(async (url) => (url === '/api/v1/recordings' ? json(200, { recordings: [] }) : json(200, { id: 9, date: '2026-03-02', source: 'upload', name: 'set.csv', created_at: 1, analysis: shown })));
    const placementLine = async (a: Analysis) => {
      shown = a;
      render(null, root);
      mount(<Recordings id={9} />);
      await act(settle);
      return root.querySelector('.recording .muted')!.textContent!;
    };
    const counted = { candidates: 53, kept: 53, short_flight: 0, not_turning: 0, no_rhythm: 0, runs: 2, why: null };
    expect(await placementLine({ ...analysis, placement_certainty: 'sure', gate: counted })).toMatch(/phone strapped to an ankle \(guessed from the signal, a clear guess\)$/);
    expect(root.querySelector('.why')).toBeNull();
    expect(await placementLine({ ...analysis, placement: 'pocket', placement_certainty: 'no evidence', jumps: 0, gate: { ...counted, candidates: 0, kept: 0, runs: 0, why: 'no jumps counted: a free fall followed by a landing was never seen at the pocket' } }))
      .toMatch(/\(a default: the signal had no jumps in rhythm to tell the placement from\)$/);
    expect(root.querySelector('.why p')!.textContent).toBe('No jumps counted: a free fall followed by a landing was never seen at the pocket');
    expect(await placementLine({ ...analysis, placement_guessed: false, placement_certainty: null, placement_evidence: null, gate: { ...counted, candidates: 60, why: '7 jump-like event(s) not counted: 7 alone or in runs of fewer than 4 evenly spaced jumps' } })).toMatch(/phone strapped to an ankle$/);
    expect(root.querySelector('.why h3')!.textContent).toBe('Why some movements were not counted');
  });

  it('lists the newest 20 and the rest on request, and puts the focus on the safe answer when asked to delete', async () => {
    const many = Array.from({ length: 23 }, (_, i) => item(i + 1, `2026-02-${String(i + 1).padStart(2, '0')}`, 1));
    setFetcher(async (url) =>
      url === '/api/v1/recordings' ? json(200, { recordings: many }) : json(200, { id: 5, date: '2026-02-05', source: 'live', name: 'live', created_at: 1, analysis }),
    );
    mount(<Recordings id={5} />);
    await act(settle);
    expect(document.activeElement?.id).toBe('recording-title');
    expect(root.querySelector('h2')!.textContent).toBe('Counted live');
    expect(root.querySelectorAll('.rec')).toHaveLength(20);
    expect(root.querySelector('.rec')!.getAttribute('href')).toBe('#/recordings/23');
    await click(button('Show all 22 recordings'));
    expect(root.querySelectorAll('.rec')).toHaveLength(22);
    await click(button('Delete…'));
    expect(document.activeElement?.textContent?.trim()).toBe('Keep it');
    await click(button('Keep it'));
    expect(document.activeElement?.textContent?.trim()).toBe('Delete…');
  });

  it('words metrics that the placement cannot show and sorts by date then time', () => {
    const m = Object.fromEntries(metrics({ ...analysis, impact_g: null, impact_clipped: false, placement: 'wrist', jumps: 2 }));
    expect(m['Landing impact']).toBe('not shown at the wrist');
    expect(m.Rhythm).toBe('–');
    expect(newestFirst([item(1, '2026-03-01', 9), item(2, '2026-03-02', 1)]).map((r) => r.id)).toEqual([2, 1]);
  });
});

describe('progress from recordings', () => {
  it('adds up the jumps of a day and weights its cadence by jumps', () => {
    const a = { ...item(1, '2026-03-02', 1, 100), cadence_per_min: 120 };
    const b = { ...item(2, '2026-03-02', 2, 50), cadence_per_min: 90 };
    const c = { ...item(3, '2026-03-01', 1, 0), cadence_per_min: 0 };
    expect(jumpDays([a, b, c])).toEqual([
      { date: '2026-03-01', jumps: 0, cadence: null },
      { date: '2026-03-02', jumps: 150, cadence: 110 },
    ]);
  });

  it('reads form over time from what each session measured, as the engine read it', () => {
    const checkin = { pain: 2, feel: 'good' as const, leg_symptoms: 'none' as const, urgent_flags: [] };
    const base = { checkin, status: 'ok' as const, day_type: 'rope' as const, traffic_light: null };
    const session = { completed: true, rope_minutes: 4, pain_during_max: 2, pain_after: 2 };
    expect(
      formDays([
        { ...base, date: '2026-03-01', session: { ...session, measured: { active_seconds: 120, jumps: 240, placement: 'pocket', height_cm: 3.1, impact_g: 2.4, trips: 3, cadence_per_min: 118 } } },
        { ...base, date: '2026-03-02', session },
        { ...base, date: '2026-03-03', session: { ...session, measured: { active_seconds: 60, jumps: 120, placement: 'wrist', trips: 0 } } },
      ]),
    ).toEqual([
      { date: '2026-03-01', height: 3.1, impact: 2.4, tripsPerMinute: 1.5, cadence: 118 },
      { date: '2026-03-03', height: null, impact: null, tripsPerMinute: 0, cadence: null },
    ]);
  });
});

describe('export to FIT', () => {
  const checkin = { pain: 2, feel: 'good' as const, leg_symptoms: 'none' as const, urgent_flags: [] };
  const day = (session: { rope_minutes: number } | null) => ({
    date: '2026-03-02', checkin, status: 'ok' as const, day_type: 'rope' as const, traffic_light: null,
    session: session && { completed: true, pain_during_max: 2, pain_after: 2, ...session },
  });
  const fitButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Export to FIT') as HTMLButtonElement | undefined;

  it('is offered on a day with rope time or a recording, in the person\'s own view only, without waiting for the plan', async () => {
    const planFor = () => new Promise<Plan>(() => {}); // never answers
    const recordingFor = vi.fn();
    await act(async () => mount(<DayDetail day={day({ rope_minutes: 4 })} planFor={planFor} recordings={[]} recordingFor={recordingFor} />));
    // The laps are the day's bouts, which come with the day: no plan needed.
    expect(fitButton()?.disabled).toBe(false);

    await act(async () => mount(<DayDetail day={day({ rope_minutes: 4 })} planFor={planFor} />));
    expect(fitButton()).toBeUndefined(); // the clinician's view
    await act(async () => mount(<DayDetail day={day({ rope_minutes: 0 })} planFor={planFor} recordings={[]} recordingFor={recordingFor} />));
    expect(fitButton()).toBeUndefined();
    await act(async () => mount(<DayDetail day={day(null)} planFor={planFor} recordings={[item(5, '2026-03-02', 1, 40)]} recordingFor={recordingFor} />));
    // A recording of the day is enough, and needs no plan.
    expect(fitButton()?.disabled).toBe(false);
    await act(async () => mount(<DayDetail day={day(null)} planFor={planFor} recordings={[item(5, '2026-03-01', 1, 40)]} recordingFor={recordingFor} />));
    expect(fitButton()).toBeUndefined();
  });
});

// The browser's WebSocket, faked for the player test.
class FakeWebSocket {
  static last: FakeWebSocket | null = null;
  readyState = 0;
  sent: { type: string; samples?: number[][] }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.last = this;
    queueMicrotask(() => {
      this.readyState = 1;
      this.onmessage?.({ data: JSON.stringify({ type: 'ready', placement: 'ankle', units: 'ms2', max_samples: 360000 }) });
    });
  }
  send(d: string) {
    const m = JSON.parse(d);
    this.sent.push(m);
    const all = this.sent.flatMap((x) => x.samples ?? []);
    if (m.type === 'samples') this.answer({ type: 'count', jumps: Math.floor(all.length / 50), cadence_per_min: 120, elapsed_s: all.at(-1)![0], new_jumps: [], cues: ['Land softly on the balls of your feet.'] });
    if (m.type === 'end') this.answer({ type: 'saved', recording: { id: 12, date: '2026-03-02', source: 'live', name: 'live', created_at: 1, analysis: { ...analysis, jumps: Math.floor(all.length / 50) } } });
  }
  answer(m: unknown) {
    queueMicrotask(() => this.onmessage?.({ data: JSON.stringify(m) }));
  }
  close() {
    this.readyState = 3;
  }
}

describe('live count in the session player', () => {
  const plan: Plan = {
    date: '2026-03-02', status: 'ok', day_type: 'rope',
    rope: { minutes: 1, work_seconds: 30, rest_seconds: 30, rounds: 2, cadence_per_min: 110, skill: 'basic_bounce' },
    stretch: { minutes: 0, items: ['cat_cow'], warm_up: [], main: ['cat_cow'], cool_down: [] },
    steps: [
      { kind: 'rope', part: 'rope', item: 'basic_bounce', round: 1, seconds: 30, cadence_per_min: 110, skill: 'basic_bounce' },
      { kind: 'rest', part: 'rope', round: 1, seconds: 30 },
      { kind: 'rope', part: 'rope', item: 'basic_bounce', round: 2, seconds: 30, cadence_per_min: 110, skill: 'basic_bounce' },
      { kind: 'hold', part: 'main', item: 'cat_cow', seconds: 30, side: null },
    ],
    traffic_light: null, ask_urgent_questions: false, reasons: [], rules: [],
  };

  it('offers the count on rope rounds, streams motion, shows the count and cue, and ends with the rope part', async () => {
    vi.stubGlobal('WebSocket', FakeWebSocket);
    vi.stubGlobal('isSecureContext', true);
    const permission = vi.fn(async () => 'granted');
    vi.stubGlobal('DeviceMotionEvent', Object.assign(class {}, { requestPermission: permission }));
    setFetcher(async () => json(201, {}));
    mount(<SessionPlayer plan={plan} checkinPain={1} />);
    await click(button('Begin'));
    expect(root.querySelector('h1')!.textContent).toBe('Rope round 1 of 2');
    await act(async () => {
      const select = root.querySelector<HTMLSelectElement>('select[name=placement]')!;
      select.value = 'ankle';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(button('Count my jumps with this phone'));
    expect(permission).toHaveBeenCalledTimes(1);
    expect(FakeWebSocket.last!.url).toBe('ws://localhost:3000/api/v1/live?placement=ankle&units=ms2&date=2026-03-02&cadence=110');
    await act(async () => {
      for (let i = 0; i < 200; i++) {
        const e = Object.assign(new Event('devicemotion'), { accelerationIncludingGravity: { x: 0, y: 9.81, z: 0 }, interval: 10 });
        window.dispatchEvent(e);
      }
      await settle();
    });
    const sent = FakeWebSocket.last!.sent.flatMap((m) => m.samples ?? []);
    // Batches of about 0.3 s of sensor time went out; the rest of the 2 s waits for the next one.
    expect(sent.length).toBeGreaterThan(170);
    expect(sent.length).toBeLessThan(200);
    expect(sent[1]).toEqual([0.01, 0, 9.81, 0]);
    expect(root.querySelector('[data-testid=live-count]')!.textContent).toBe('3');
    expect(root.querySelector('[data-testid=live-cadence]')!.textContent).toBe('120');
    expect(root.querySelector('[data-testid=live-cue]')!.textContent).toBe('Land softly on the balls of your feet.');

    // The rest between rounds keeps counting; the main moves end it.
    await click(button('Next step'));
    expect(root.querySelector('h1')!.textContent).toBe('Rest after round 1');
    expect(root.querySelector('[data-testid=live-count]')).not.toBeNull();
    await click(button('Next step'));
    await click(button('Next step'));
    expect(root.querySelector('h1')!.textContent).toBe('cat cow');
    expect(FakeWebSocket.last!.sent.at(-1)!.type).toBe('end');
    expect(root.querySelector('[data-testid=live-count]')).toBeNull();
    await click(button('Finish'));
    expect(root.querySelector('[data-testid=after-live]')!.textContent).toBe('4 jumps at 122 a minute.');
    // The log offers the time the phone counted (40.2 s of jumping) beside the timed rounds.
    const choice = root.querySelector('[data-testid=counted-choice]')!;
    expect(choice.textContent).toContain('0.7 min of jumping, counted by your phone');
    expect(root.querySelector<HTMLInputElement>('input[name=rope_time][value=timed]')!.checked).toBe(true);
    await act(async () => root.querySelector<HTMLInputElement>('input[name=rope_time][value=counted]')!.click());
    expect(root.querySelector<HTMLInputElement>('input[name=rope_time][value=counted]')!.checked).toBe(true);
  });

  it('offers no count on side-swing rounds, which have no jumps', async () => {
    vi.stubGlobal('isSecureContext', true);
    vi.stubGlobal('DeviceMotionEvent', class {});
    mount(<SessionPlayer plan={{ ...plan, rope: { ...plan.rope!, skill: 'side_swing' }, steps: plan.steps.map((st) => (st.kind === 'rope' ? { ...st, skill: 'side_swing' } : st)) }} checkinPain={1} />);
    await click(button('Begin'));
    expect(root.querySelector('h1')!.textContent).toBe('Rope round 1 of 2');
    expect(button('Count my jumps with this phone')).toBeUndefined();
  });

  it('explains why live counting is not offered on a page without HTTPS, and the session goes on', async () => {
    vi.stubGlobal('isSecureContext', false);
    mount(<SessionPlayer plan={plan} checkinPain={1} />);
    await click(button('Begin'));
    expect(root.querySelector('[data-testid=motion-help]')!.textContent).toMatch(/HTTPS.*bounceback cert.*--tls-cert/);
    expect(button('Count my jumps with this phone')).toBeUndefined();
    expect(root.querySelector('[role=timer]')).not.toBeNull();
  });
});

describe('live panel', () => {
  it('speaks the count every 25 jumps and each new cue when voice is on, and announces the count to screen readers', async () => {
    const said: string[] = [];
    vi.stubGlobal('speechSynthesis', { speak: (u: { text: string }) => said.push(u.text), cancel: () => {} });
    vi.stubGlobal('SpeechSynthesisUtterance', class { constructor(readonly text: string) {} });
    vi.stubGlobal('isSecureContext', true);
    vi.stubGlobal('DeviceMotionEvent', class {});
    const view = (jumps: number, cue: string | null): LiveView => ({ status: 'live', jumps, cadence: 120, elapsed: 10, cue, error: null, recording: null, readings: 100, full: false });
    const live = (v: LiveView): Live => ({ view: v, placement: 'pocket', setPlacement: () => {}, start: async () => {}, end: () => {}, reset: () => {}, denied: false, noReadings: false, counting: true });
    const settings = { voice: true, beat: false, theme: 'system' as const };
    mount(<LivePanel live={live(view(24, null))} />, { settings });
    mount(<LivePanel live={live(view(26, 'Land softly.'))} />, { settings });
    mount(<LivePanel live={live(view(30, 'Land softly.'))} />, { settings });
    expect(said).toEqual(['25 jumps', 'Land softly.']);
    expect(root.querySelector('[aria-live=polite]')!.textContent).toBe('25 jumps');
  });
});
