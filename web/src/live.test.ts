import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveStream, MotionTimer, liveUrl, motionSupport, type LiveView, type SocketLike } from './live';

// A stand-in for the browser's WebSocket: records what is sent and lets the test answer.
class FakeSocket implements SocketLike {
  static last: FakeSocket;
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closed: number | null = null;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closed = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  answer(m: unknown) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  frames(type = 'samples') {
    return this.sent.filter((m) => m.type === type);
  }
}

const reading = (x: number, y: number, z: number, interval = 10) => ({ accelerationIncludingGravity: { x, y, z }, interval });

function stream(extra: Partial<ConstructorParameters<typeof LiveStream>[0]> = {}) {
  const views: LiveView[] = [];
  const s = new LiveStream({ placement: 'pocket', date: '2026-03-02', onChange: (v) => views.push(v), socket: (u) => new FakeSocket(u), ...extra });
  return { s, views, ws: FakeSocket.last };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('motion time stamps', () => {
  it('counts seconds from the first reading by summing the intervals (ms)', () => {
    const t = new MotionTimer();
    expect(t.next(reading(0, 9.8, 0, 10))!.t).toBe(0);
    expect(t.next(reading(0, 9.8, 0, 10))!.t).toBe(0.01);
    expect(t.next(reading(0, 9.8, 0, 20))!.t).toBe(0.03);
  });

  it('reads an interval below 1 as seconds (older iOS) and falls back on the event time', () => {
    const t = new MotionTimer();
    t.next({ ...reading(0, 1, 0), timeStamp: 1000 });
    expect(t.next(reading(0, 1, 0, 0.016))!.t).toBe(0.016);
    const u = new MotionTimer();
    u.next({ accelerationIncludingGravity: { x: 0, y: 1, z: 0 }, interval: null, timeStamp: 1000 });
    expect(u.next({ accelerationIncludingGravity: { x: 0, y: 1, z: 0 }, interval: null, timeStamp: 1040 })!.t).toBe(0.04);
  });

  it('skips readings without an acceleration but keeps their time', () => {
    const t = new MotionTimer();
    expect(t.next({ accelerationIncludingGravity: { x: null, y: null, z: null }, interval: 10 })).toBeNull();
    expect(t.next(reading(1, 2, 3))).toEqual({ t: 0.01, x: 1, y: 2, z: 3 });
  });
});

describe('live stream', () => {
  it('asks for the placement in metres a second squared on the same host', () => {
    expect(liveUrl('ankle', '2026-03-02', { protocol: 'https:', host: 'bb.local:8443' })).toBe('wss://bb.local:8443/api/v1/live?placement=ankle&units=ms2&date=2026-03-02');
    expect(liveUrl('pocket', undefined, { protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/v1/live?placement=pocket&units=ms2');
    expect(liveUrl('pocket', '2026-03-02', { protocol: 'http:', host: 'h' }, 110)).toBe('ws://h/api/v1/live?placement=pocket&units=ms2&date=2026-03-02&cadence=110');
  });

  it('holds readings until the server is ready, then sends them in batches of about 0.3 s of sensor time', () => {
    const { s, ws } = stream();
    ws.open();
    for (let i = 0; i < 20; i++) s.addReading(reading(0, 9.8, 0));
    expect(ws.frames()).toHaveLength(0);
    ws.answer({ type: 'ready', placement: 'pocket', units: 'ms2', max_samples: 360000 });
    expect(s.state.status).toBe('live');
    expect(ws.frames()).toHaveLength(1);
    expect((ws.frames()[0].samples as number[][])[0]).toEqual([0, 0, 9.8, 0]);
    for (let i = 0; i < 100; i++) s.addReading(reading(1, 9.8, 2));
    // 1 s of readings at 100 Hz: three batches of 0.3 s, the rest waits.
    expect(ws.frames()).toHaveLength(4);
    expect((ws.frames()[1].samples as number[][]).map((r) => r[0])).toHaveLength(31);
    const sent = ws.frames().flatMap((f) => f.samples as number[][]);
    expect(sent.map((r) => r[0])).toEqual([...sent.map((r) => r[0])].sort((a, b) => a - b));
    // What is left goes on the timer, even when readings stop.
    vi.advanceTimersByTime(400);
    expect(ws.frames().flatMap((f) => f.samples as number[][])).toHaveLength(120);
    s.close();
  });

  it('never sends more than 2,000 samples a frame or more than the stream may hold', () => {
    const { s, ws } = stream({ batchSeconds: 100 });
    ws.open();
    for (let i = 0; i < 4500; i++) s.addReading(reading(0, 9.8, 0, 1));
    ws.answer({ type: 'ready', max_samples: 4200 });
    expect(ws.frames().map((f) => (f.samples as unknown[]).length)).toEqual([2000, 2000, 200]);
    expect(s.state.full).toBe(true);
    expect(ws.frames('end')).toHaveLength(1);
  });

  it('shows the count, the cadence and the latest cue, keeps the cue when none comes, and shows refused batches', () => {
    const { s, ws, views } = stream();
    ws.open();
    ws.answer({ type: 'ready', max_samples: 360000 });
    ws.answer({ type: 'count', jumps: 3, cadence_per_min: 118.4, elapsed_s: 2, new_jumps: [], cues: ['land softly', 'keep the rope low'] });
    expect(views.at(-1)).toMatchObject({ jumps: 3, cadence: 118.4, cue: 'keep the rope low', error: null });
    ws.answer({ type: 'count', jumps: 4, cadence_per_min: 0, elapsed_s: 2.4, new_jumps: [], cues: [] });
    expect(views.at(-1)).toMatchObject({ jumps: 4, cadence: 118.4, cue: 'keep the rope low' });
    ws.answer({ type: 'error', error: { code: 'invalid_argument', message: 'samples[3]: time goes backwards', field: 'samples' } });
    expect(s.state.error).toBe('Samples[3]: time goes backwards');
    expect(s.state.status).toBe('live');
    ws.answer('not json');
    s.close();
  });

  it('ends with the rest of the readings and "end", then waits for "saved"', () => {
    const { s, ws } = stream();
    ws.open();
    ws.answer({ type: 'ready', max_samples: 360000 });
    for (let i = 0; i < 5; i++) s.addReading(reading(0, 9.8, 0));
    s.end();
    expect(ws.sent.map((m) => m.type)).toEqual(['samples', 'end']);
    expect(s.state.status).toBe('ending');
    s.addReading(reading(0, 9.8, 0));
    expect(ws.frames()).toHaveLength(1);
    const recording = { id: 9, date: '2026-03-02', source: 'live', name: 'live', created_at: 0, analysis: { jumps: 5 } };
    ws.answer({ type: 'saved', recording });
    expect(s.state).toMatchObject({ status: 'saved', recording: { id: 9 } });
    ws.drop(1000);
    expect(s.state.status).toBe('saved');
  });

  it('says so when the save is not confirmed in time', () => {
    const { s, ws } = stream({ saveTimeoutMs: 1000 });
    ws.open();
    ws.answer({ type: 'ready' });
    s.end();
    vi.advanceTimersByTime(1000);
    expect(s.state.status).toBe('failed');
    expect(s.state.error).toMatch(/did not confirm/);
    expect(ws.closed).toBe(1000);
  });

  it('gives up when the server does not answer', () => {
    const { s, ws } = stream({ connectTimeoutMs: 5000 });
    vi.advanceTimersByTime(5000);
    expect(s.state.status).toBe('failed');
    expect(s.state.error).toMatch(/did not answer/);
    expect(ws.closed).toBe(1000);
  });

  it('explains a refused or lost connection in words', async () => {
    const probe = vi.fn(async () => 'placement: must be pocket, ankle, wrist or chest');
    const { s, ws } = stream({ probe });
    ws.drop();
    expect(s.state.status).toBe('failed');
    expect(s.state.error).toMatch(/could not start/);
    await vi.runAllTimersAsync();
    expect(probe).toHaveBeenCalledWith('ws://localhost:3000/api/v1/live?placement=pocket&units=ms2&date=2026-03-02');
    expect(s.state.error).toBe('Live counting could not start: placement: must be pocket, ankle, wrist or chest');

    const b = stream();
    b.ws.open();
    b.ws.answer({ type: 'ready' });
    b.ws.drop(1006);
    expect(b.s.state).toMatchObject({ status: 'failed' });
    expect(b.s.state.error).toMatch(/connection was lost.*saved/);
  });
});

describe('motion support', () => {
  it('needs the motion API and a secure page', () => {
    expect(motionSupport({ isSecureContext: true, DeviceMotionEvent: class {} } as never)).toBe('ok');
    expect(motionSupport({ isSecureContext: false, DeviceMotionEvent: class {} } as never)).toBe('insecure');
    expect(motionSupport({ isSecureContext: false } as never)).toBe('insecure');
    expect(motionSupport({ isSecureContext: true } as never)).toBe('unsupported');
  });
});
