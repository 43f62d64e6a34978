// The live jump count on screen: where the phone is, the permission, the running count and
// cadence in large type, the latest cue, and the saved recording. Used by the session player on
// rope rounds and by the Live screen.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Placement } from './api';
import { LiveStream, motionSupport, requestMotionPermission, type LiveView } from './live';
import { speak } from './speech';
import { useApp } from './state';
import { formatNumber } from './words';
import { livePanelWords as w } from './livePanel.words';

export const placementWords = w.placements;

const PLACEMENT_KEY = 'bb.livePlacement';
function storedPlacement(): Placement {
  const p = typeof localStorage === 'undefined' ? null : localStorage.getItem(PLACEMENT_KEY);
  return p && p in placementWords ? (p as Placement) : 'pocket';
}

type WakeLock = { release: () => Promise<void> };

export interface Live {
  view: LiveView | null;
  placement: Placement;
  setPlacement: (p: Placement) => void;
  start: () => Promise<void>;
  end: () => void;
  reset: () => void;
  denied: boolean;
  noReadings: boolean;
  counting: boolean;
}

// `cadence`: the planned turns a minute of the rounds being counted, if any.
export function useLive(date?: string, cadence?: number): Live {
  const [view, setView] = useState<LiveView | null>(null);
  const [placement, setPlacementState] = useState<Placement>(storedPlacement);
  const [denied, setDenied] = useState(false);
  const [noReadings, setNoReadings] = useState(false);
  const stream = useRef<LiveStream | null>(null);
  const detach = useRef<(() => void) | null>(null);

  function release() {
    detach.current?.();
    detach.current = null;
  }

  async function start() {
    // iOS only asks from inside the tap, so this comes before anything else is awaited.
    const permission = await requestMotionPermission();
    if (permission === 'denied') {
      setDenied(true);
      return;
    }
    setDenied(false);
    setNoReadings(false);
    release();
    stream.current?.close();
    const s = new LiveStream({
      placement,
      date,
      cadence,
      onChange: (v) => {
        setView(v);
        // Saved or failed: stop listening and let the screen sleep again.
        if ((v.status === 'saved' || v.status === 'failed') && stream.current === s) release();
      },
    });
    stream.current = s;
    setView(s.state);
    const onMotion = (e: Event) => s.addReading(e as DeviceMotionEvent);
    window.addEventListener('devicemotion', onMotion);
    // Phones stop motion readings when the screen sleeps.
    const wl = (navigator as unknown as { wakeLock?: { request: (t: 'screen') => Promise<WakeLock> } }).wakeLock;
    const lock = wl?.request('screen').catch(() => null);
    const silent = setTimeout(() => setNoReadings(s.state.readings === 0), 3000);
    detach.current = () => {
      window.removeEventListener('devicemotion', onMotion);
      clearTimeout(silent);
      void lock?.then((l) => l?.release()).catch(() => {});
    };
  }

  function end() {
    release();
    stream.current?.end();
  }

  useEffect(
    () => () => {
      release();
      stream.current?.close();
    },
    [],
  );

  const counting = view?.status === 'connecting' || view?.status === 'live';
  return {
    view,
    placement,
    setPlacement: (p) => {
      localStorage.setItem(PLACEMENT_KEY, p);
      setPlacementState(p);
    },
    start,
    end,
    reset: () => {
      release();
      stream.current?.close();
      stream.current = null;
      setView(null);
    },
    denied,
    noReadings: noReadings && counting && (view?.readings ?? 0) === 0,
    counting,
  };
}

export function MotionHelp() {
  const support = motionSupport();
  if (support === 'insecure')
    return (
      <p class="note" data-testid="motion-help">
        {w.httpsBefore}
        <code>https://</code>
        {w.httpsMiddle}
        <code>bounceback cert</code>
        {w.httpsCert}
        <code>bounceback serve --tls-cert bounceback-cert.pem --tls-key bounceback-key.pem</code>
        {w.httpsAfter}
      </p>
    );
  if (support === 'unsupported')
    return (
      <p class="note" data-testid="motion-help">
        {w.unsupported}
      </p>
    );
  return null;
}

// Spoken and announced every so many jumps: a phone in a pocket cannot be read.
const SAY_EVERY = 25;

// With voice on, the count every 25 jumps and each new cue are spoken.
function useSpokenCount(view: LiveView | null) {
  const { settings } = useApp();
  const said = useRef({ step: 0, cue: '' });
  useEffect(() => {
    if (!view || view.status !== 'live') return;
    const step = Math.floor(view.jumps / SAY_EVERY);
    if (step > said.current.step) speak(w.spokenCount(step * SAY_EVERY), settings.voice, false);
    if (view.cue && view.cue !== said.current.cue) speak(view.cue, settings.voice, false);
    said.current = { step: Math.max(step, said.current.step), cue: view.cue ?? '' };
  }, [view?.jumps, view?.cue, view?.status]);
}

export function LivePanel({ live, link = true, title = w.defaultTitle, target }: { live: Live; link?: boolean; title?: string; target?: number }) {
  const { view } = live;
  const support = motionSupport();
  useSpokenCount(view);

  if (!view || view.status === 'failed') {
    return (
      <section class="card live-card" aria-label={w.panelLabel}>
        {view?.status === 'failed' && (
          <p class="error" role="alert">
            {view.error}
          </p>
        )}
        {support !== 'ok' ? (
          <MotionHelp />
        ) : (
          <>
            <label>
              {w.wherePhone}
              <select name="placement" value={live.placement} onChange={(e) => live.setPlacement(e.currentTarget.value as Placement)}>
                {(Object.keys(placementWords) as Placement[]).map((p) => (
                  <option value={p}>{placementWords[p]}</option>
                ))}
              </select>
            </label>
            <button class="primary big wide" onClick={() => void live.start()}>
              {view?.status === 'failed' ? w.countAgain : title}
            </button>
            {live.denied && (
              <p class="error" role="alert">
                {w.denied}
              </p>
            )}
          </>
        )}
      </section>
    );
  }

  if (view.status === 'saved') {
    const r = view.recording;
    return (
      <section class="card live-card ok" aria-label={w.panelLabel}>
        <p role="status" data-testid="live-saved">
          {r
            ? w.saved(r.analysis.jumps, r.analysis.cadence_per_min)
            : w.nothingSaved}
          {view.full && w.streamFull}
        </p>
        {r && link && <a href={`#/recordings/${r.id}`}>{w.seeRecording}</a>}
        {r && !link && <p class="muted small">{w.underRecordings}</p>}
        <button class="big wide" onClick={live.reset}>
          {w.countAnother}
        </button>
      </section>
    );
  }

  return (
    <section class="card live-card" aria-label={w.panelLabel}>
      <p class="muted small" role="status">
        {view.status === 'connecting' ? w.connecting : view.status === 'ending' ? w.saving : w.counting(placementWords[live.placement])}
      </p>
      <div class="live-numbers">
        <p>
          <span class="live-count" data-testid="live-count">
            {view.jumps}
          </span>
          <span class="live-unit">{w.jumpsUnit(view.jumps)}</span>
        </p>
        <p>
          <span class="live-cadence" data-testid="live-cadence">
            {view.cadence ? formatNumber(Math.round(view.cadence)) : w.none}
          </span>
          <span class="live-unit">{w.perMinuteUnit(target ?? null)}</span>
        </p>
      </div>
      <p class="sr-only" aria-live="polite">
        {view.jumps >= SAY_EVERY ? w.spokenCount(Math.floor(view.jumps / SAY_EVERY) * SAY_EVERY) : ''}
      </p>
      {view.cue && (
        <p class="cue live-cue" data-testid="live-cue">
          {view.cue}
        </p>
      )}
      {live.noReadings && (
        <p class="note">
          {w.noReadings}
        </p>
      )}
      {view.error && <p class="error">{view.error}</p>}
      {view.status !== 'ending' && (
        <button class="big wide" onClick={live.end}>
          {w.stop}
        </button>
      )}
    </section>
  );
}
