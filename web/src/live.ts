// Live jump counting: the phone's motion readings go to the server over the WebSocket
// /api/v1/live in small batches; the server answers each batch with the count, the cadence and
// form cues, and saves the recording when the set ends (docs/api.md).
import type { Placement, Recording } from './api';

export interface MotionReading {
  accelerationIncludingGravity: { x: number | null; y: number | null; z: number | null } | null;
  interval?: number | null;
  timeStamp?: number;
}

// Time stamps from the readings themselves: seconds from the first one, summing each reading's
// `interval` (the gap since the one before), so they follow the sensor and not the page's timers.
export class MotionTimer {
  private t = -1;
  private lastStamp = 0;
  // The reading's time in seconds, or null when it carries no acceleration (desktop browsers
  // send one empty reading).
  next(e: MotionReading): { t: number; x: number; y: number; z: number } | null {
    if (this.t < 0) this.t = 0;
    else this.t += this.gap(e);
    this.lastStamp = e.timeStamp ?? 0;
    const a = e.accelerationIncludingGravity;
    if (!a || a.x === null || a.y === null || a.z === null || ![a.x, a.y, a.z].every(Number.isFinite)) return null;
    return { t: Math.round(this.t * 1e6) / 1e6, x: a.x, y: a.y, z: a.z };
  }
  private gap(e: MotionReading): number {
    const ms = e.interval ?? 0;
    // Older iOS versions give the interval in seconds: nothing samples faster than 1 ms.
    if (ms > 0 && ms < 1) return ms;
    if (ms >= 1) return ms / 1000;
    // No interval at all: the event's own time stamps.
    const stamp = e.timeStamp ?? 0;
    return stamp > this.lastStamp ? (stamp - this.lastStamp) / 1000 : 0.01;
  }
}

// What a WebSocket offers that the stream uses; tests pass a fake.
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export type LiveStatus = 'connecting' | 'live' | 'ending' | 'saved' | 'failed';
export interface LiveView {
  status: LiveStatus;
  jumps: number;
  cadence: number | null;
  elapsed: number;
  cue: string | null;
  // A batch the server refused, or why the stream failed, in words.
  error: string | null;
  recording: Recording | null;
  // Readings that carried an acceleration, counted on the phone.
  readings: number;
  // The server's limit of samples a stream was reached and the set was ended.
  full: boolean;
}

export interface LiveOptions {
  placement: Placement;
  date?: string;
  // The round's planned turns a minute: the server's cues then say when the pace runs away.
  cadence?: number;
  onChange: (v: LiveView) => void;
  socket?: SocketFactory;
  // The span of sensor time one batch covers, in seconds (the server answers each batch).
  batchSeconds?: number;
  // Pending readings are also sent at least this often in wall time, in case readings stall.
  flushMs?: number;
  // How long to wait for "saved" after "end" before saying the save is not confirmed.
  saveTimeoutMs?: number;
  // How long to wait for "ready" before giving up on the connection.
  connectTimeoutMs?: number;
  // Asked for the reason when the upgrade fails (a browser hides the refusal's status).
  probe?: (url: string) => Promise<string | null>;
}

export const MAX_FRAME_SAMPLES = 2000;
const OPEN = 1;

export function liveUrl(placement: Placement, date?: string, loc: { protocol: string; host: string } = location, cadence?: number): string {
  const q = new URLSearchParams({ placement, units: 'ms2' });
  if (date) q.set('date', date);
  if (cadence) q.set('cadence', String(Math.round(cadence)));
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/api/v1/live?${q.toString()}`;
}

// A plain GET of the live route answers 426 when the upgrade itself would have been accepted, or
// the error (not logged in, a bad placement) the upgrade got.
async function probeWithFetch(url: string): Promise<string | null> {
  try {
    const res = await fetch(url.replace(/^ws/, 'http'), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (res.status === 426 || res.ok) return null;
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    const msg = body?.error?.message;
    if (res.status === 401) return 'Please log in again, then start counting.';
    return msg ? msg.charAt(0).toUpperCase() + msg.slice(1) : null;
  } catch {
    return null;
  }
}

export class LiveStream {
  private socket: SocketLike;
  private pending: [number, number, number, number][] = [];
  private ready = false;
  private sent = 0;
  private maxSamples = Infinity;
  private flushTimer: ReturnType<typeof setInterval> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private connectTimer: ReturnType<typeof setTimeout> | null = null;
  private timer = new MotionTimer();
  private view: LiveView = { status: 'connecting', jumps: 0, cadence: null, elapsed: 0, cue: null, error: null, recording: null, readings: 0, full: false };
  private readonly batch: number;
  private readonly url: string;

  constructor(private readonly opts: LiveOptions) {
    this.batch = opts.batchSeconds ?? 0.3;
    this.url = liveUrl(opts.placement, opts.date, location, opts.cadence);
    const make = opts.socket ?? ((u: string) => new WebSocket(u) as unknown as SocketLike);
    this.socket = make(this.url);
    this.socket.onmessage = (ev) => this.onMessage(ev.data);
    this.socket.onclose = (ev) => this.onClose(ev.code);
    this.socket.onerror = () => {};
    this.flushTimer = setInterval(() => this.flush(), opts.flushMs ?? 400);
    this.connectTimer = setTimeout(() => {
      if (this.ready || this.view.status !== 'connecting') return;
      this.stopTimers();
      this.socket.close(1000);
      this.set({ status: 'failed', error: 'Live counting could not start: the Bounceback server did not answer. The session goes on without it.' });
    }, opts.connectTimeoutMs ?? 10_000);
  }

  get state(): LiveView {
    return this.view;
  }

  // One devicemotion event (or anything shaped like one).
  addReading(e: MotionReading): void {
    const r = this.timer.next(e);
    if (r) this.addSample(r.t, r.x, r.y, r.z);
  }

  addSample(t: number, x: number, y: number, z: number): void {
    if (this.view.status !== 'connecting' && this.view.status !== 'live') return;
    this.pending.push([t, x, y, z]);
    this.view = { ...this.view, readings: this.view.readings + 1 };
    if (t - this.pending[0][0] >= this.batch) this.flush();
  }

  // Sends what is pending once the server is ready: in frames of at most 2,000 samples, never
  // more than the stream may hold.
  private flush(): void {
    if (!this.ready || !this.pending.length || this.socket.readyState !== OPEN) return;
    let rows = this.pending;
    this.pending = [];
    const room = this.maxSamples - this.sent;
    if (rows.length > room) rows = rows.slice(0, room);
    for (let i = 0; i < rows.length; i += MAX_FRAME_SAMPLES) {
      this.socket.send(JSON.stringify({ type: 'samples', samples: rows.slice(i, i + MAX_FRAME_SAMPLES) }));
    }
    this.sent += rows.length;
    if (this.sent >= this.maxSamples && this.view.status === 'live') {
      this.set({ full: true });
      this.end();
    }
  }

  // The set is over: send the rest, then "end", and wait for "saved".
  end(): void {
    if (this.view.status === 'connecting' && !this.ready) {
      this.stopTimers();
      this.socket.close(1000);
      this.set({ status: 'saved', recording: null });
      return;
    }
    if (this.view.status !== 'live') return;
    this.flush();
    this.pending = [];
    this.set({ status: 'ending' });
    if (this.socket.readyState === OPEN) this.socket.send(JSON.stringify({ type: 'end' }));
    this.saveTimer = setTimeout(() => {
      if (this.view.status === 'ending') {
        this.set({ status: 'failed', error: 'The server did not confirm the save. What it received is kept all the same; look for it under Recordings.' });
        this.socket.close(1000);
      }
    }, this.opts.saveTimeoutMs ?? 15_000);
  }

  // Leaves without ending (the page is closing): the server keeps what came.
  close(): void {
    this.stopTimers();
    if (this.socket.readyState <= OPEN) this.socket.close(1000);
  }

  private stopTimers(): void {
    if (this.flushTimer) clearInterval(this.flushTimer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.flushTimer = this.saveTimer = this.connectTimer = null;
  }

  private set(change: Partial<LiveView>): void {
    this.view = { ...this.view, ...change };
    this.opts.onChange(this.view);
  }

  private onMessage(data: unknown): void {
    let m: Record<string, unknown>;
    try {
      m = JSON.parse(String(data)) as Record<string, unknown>;
    } catch {
      return;
    }
    switch (m.type) {
      case 'ready':
        this.ready = true;
        if (typeof m.max_samples === 'number') this.maxSamples = m.max_samples;
        if (this.view.status === 'connecting') this.set({ status: 'live' });
        this.flush();
        break;
      case 'count': {
        const cues = Array.isArray(m.cues) ? (m.cues as string[]) : [];
        this.set({
          jumps: typeof m.jumps === 'number' ? m.jumps : this.view.jumps,
          cadence: typeof m.cadence_per_min === 'number' && m.cadence_per_min > 0 ? m.cadence_per_min : this.view.cadence,
          elapsed: typeof m.elapsed_s === 'number' ? m.elapsed_s : this.view.elapsed,
          cue: cues.length ? cues[cues.length - 1] : this.view.cue,
          error: null,
        });
        break;
      }
      case 'error': {
        const msg = (m.error as { message?: string } | undefined)?.message ?? 'the server refused some readings';
        this.set({ error: msg.charAt(0).toUpperCase() + msg.slice(1) });
        break;
      }
      case 'saved':
        this.stopTimers();
        this.set({ status: 'saved', recording: (m.recording as Recording | null) ?? null, error: null });
        break;
    }
  }

  private onClose(code: number): void {
    this.stopTimers();
    const s = this.view.status;
    if (s === 'saved' || s === 'failed') return;
    if (!this.ready) {
      this.set({ status: 'failed', error: 'Live counting could not start: no connection to the Bounceback server. The session goes on without it.' });
      void (this.opts.probe ?? probeWithFetch)(this.url).then((why) => why && this.set({ error: `Live counting could not start: ${why}` }));
      return;
    }
    this.set({
      status: 'failed',
      error:
        code === 1001 || code === 1012
          ? 'The server was restarted. What it had received is saved; start counting again to go on.'
          : 'The connection was lost. What the server had received is saved; start counting again to go on.',
    });
  }
}

// Whether this browser can give motion readings at all, and why not.
export type MotionSupport = 'ok' | 'insecure' | 'unsupported';
export function motionSupport(w: Partial<Window> & { DeviceMotionEvent?: unknown } = window): MotionSupport {
  if (typeof w.DeviceMotionEvent === 'undefined') return w.isSecureContext === false ? 'insecure' : 'unsupported';
  if (w.isSecureContext === false) return 'insecure';
  return 'ok';
}

// iOS asks the person first, and only from inside a tap: call this first thing in the handler.
export async function requestMotionPermission(): Promise<'granted' | 'denied'> {
  const DME = (typeof DeviceMotionEvent === 'undefined' ? undefined : DeviceMotionEvent) as unknown as
    | { requestPermission?: () => Promise<'granted' | 'denied' | 'default'> }
    | undefined;
  if (!DME?.requestPermission) return 'granted';
  try {
    return (await DME.requestPermission()) === 'granted' ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
