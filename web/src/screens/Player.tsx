// The session player: one step at a time, with a countdown, cues, a metronome for rope rounds, and
// a "Stop: sharp pain" button that is always on screen.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, localToday, offlineCopy, queueSession, type CatalogItem, type Plan, type SessionLog } from '../api';
import { Figure } from '../figures';
import type { LiveView } from '../live';
import { LivePanel, useLive } from '../livePanel';
import { speak } from '../speech';
import { useApp } from '../state';
import { buildSteps, expectedSeconds, formatSeconds, sessionOutcome, type Ending, type Outcome, type Step } from '../session';
import { Card, ErrorText, Scale, errorMessage } from '../ui';
import { count, skillWords } from '../words';

// Clicks at a steady cadence, scheduled slightly ahead on the audio clock so they stay even.
class Metronome {
  private ctx: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private next = 0;
  start(perMinute: number): void {
    this.stop();
    const AC = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!AC || perMinute <= 0) return;
    this.ctx ??= new AC();
    void this.ctx.resume?.();
    const ctx = this.ctx;
    const gap = 60 / perMinute;
    this.next = ctx.currentTime + 0.05;
    this.timer = setInterval(() => {
      while (this.next < ctx.currentTime + 0.12) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = 1000;
        gain.gain.setValueAtTime(0.25, this.next);
        gain.gain.exponentialRampToValueAtTime(0.001, this.next + 0.04);
        osc.connect(gain).connect(ctx.destination);
        osc.start(this.next);
        osc.stop(this.next + 0.05);
        this.next += gap;
      }
    }, 25);
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function stepTitle(st: Step): string {
  if (st.kind === 'hold' || st.kind === 'reps') return st.name + (st.side ? ` (${st.side} side)` : '');
  if (st.kind === 'rope') return `Rope round ${st.round} of ${st.rounds}`;
  return `Rest after round ${st.round}`;
}

type Phase = 'ready' | 'playing' | 'done';

// Why a session was ended early, other than pain: logged with what was done.
const END_REASONS: { label: string; stopped: Ending }[] = [
  { label: 'Out of time', stopped: 'other' },
  { label: 'Interrupted', stopped: 'other' },
  { label: 'Felt enough for today', stopped: 'fatigue' },
];

export function Player() {
  const { active, go } = useApp();
  if (!active) {
    return (
      <Card title="No session in progress">
        <p>Start a session from today's plan.</p>
        <button class="primary" onClick={() => go('today')}>Go to Today</button>
      </Card>
    );
  }
  return <SessionPlayer plan={active.plan} checkinPain={active.checkinPain} />;
}

export function SessionPlayer({ plan, checkinPain }: { plan: Plan; checkinPain: number }) {
  const { catalog, clock, settings } = useApp();
  const [steps] = useState(() => buildSteps(plan, catalog));
  const [phase, setPhase] = useState<Phase>('ready');
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const [, setTick] = useState(0);
  const timing = useRef({ start: 0, pausedAt: 0, pausedTotal: 0 });
  const metronome = useRef<Metronome | null>(null);
  const [beat, setBeat] = useState(settings.beat);
  // Seconds actually spent in each step, so the log says what was done, not what was planned.
  const spent = useRef<number[]>([]);
  const outcome = useRef<Outcome | null>(null);
  const note = useRef('');
  const [askingWhy, setAskingWhy] = useState(false);
  const advancedFrom = useRef(-1);
  const live = useLive(plan.date, plan.steps?.find((st) => st.kind === 'rope')?.cadence_per_min);

  const step = steps[index] as Step | undefined;
  const elapsed = () => {
    const t = timing.current;
    const now = paused ? t.pausedAt : clock.now();
    return (now - t.start - t.pausedTotal) / 1000;
  };

  function leaveStep() {
    if (phase === 'playing' && steps[index]) spent.current[index] = (spent.current[index] ?? 0) + elapsed();
  }

  function begin(i: number) {
    timing.current = { start: clock.now(), pausedAt: 0, pausedTotal: 0 };
    setIndex(i);
    const st = steps[i];
    // The live count covers the rope part (rounds and the rests between them) and ends with it.
    if (st?.kind !== 'rope' && st?.kind !== 'rest' && live.counting) live.end();
    if (!st) return;
    speak(stepTitle(st), settings.voice);
    metronome.current ??= new Metronome();
    if (st.kind === 'rope' && beat) metronome.current.start(st.cadence);
    else metronome.current.stop();
  }

  function finish(ending: Ending, why = '') {
    leaveStep();
    outcome.current = sessionOutcome(steps, spent.current, ending);
    note.current = why ? `Ended early: ${why.toLowerCase()}.` : '';
    metronome.current?.stop();
    if (live.counting) live.end();
    setPhase('done');
    if (ending === 'sharp_pain') speak('Stop. Rest in a comfortable position.', settings.voice);
    else if (ending === 'finished') speak('Session complete. Well done.', settings.voice);
  }

  function next() {
    if (index + 1 >= steps.length) finish('finished');
    else {
      leaveStep();
      begin(index + 1);
    }
  }

  useEffect(() => {
    if (phase !== 'playing') return;
    return clock.every(200, () => setTick((n) => n + 1));
  }, [phase, clock]);

  useEffect(() => () => metronome.current?.stop(), []);

  // Move on when the current step's time is up; a repetition move waits for "Done".
  if (phase === 'playing' && step && step.kind !== 'reps' && !paused && elapsed() >= step.seconds && advancedFrom.current !== index) {
    advancedFrom.current = index;
    queueMicrotask(next);
  }

  if (phase === 'done' && outcome.current) {
    return <AfterSession plan={plan} outcome={outcome.current} note={note.current} checkinPain={checkinPain} live={live.view} />;
  }

  const total = steps.reduce((s, x) => s + expectedSeconds(x), 0);
  const stopButton = (
    <button class="stop" onClick={() => finish('sharp_pain')}>
      Stop: sharp pain
    </button>
  );
  // The beat can be muted and brought back mid-round; the choice holds for the rest of the session.
  function toggleBeat() {
    const on = !beat;
    setBeat(on);
    if (on && step?.kind === 'rope' && !paused) metronome.current?.start(step.cadence);
    else metronome.current?.stop();
  }

  if (phase === 'ready' || !step) {
    return (
      <div class="player">
        <h1>Today's session</h1>
        <p>
          {steps.length} steps, about {Math.round(total / 60)} minutes. Move slowly, breathe, and stop at once for sharp pain or pain
          spreading down a leg.
        </p>
        <label class="toggle">
          <input type="checkbox" checked={beat} onChange={(e) => setBeat(e.currentTarget.checked)} /> Metronome beat during rope rounds
        </label>
        <button
          class="primary huge"
          disabled={!steps.length}
          onClick={() => {
            setPhase('playing');
            begin(0);
          }}
        >
          Begin
        </button>
        <div class="dock">{stopButton}</div>
      </div>
    );
  }

  const remaining = step.seconds - elapsed();
  const item = step.kind === 'hold' || step.kind === 'reps' ? catalog.get(step.id) : undefined;
  if (askingWhy) {
    return (
      <div class="player">
        <Card title="End the session now?">
          <p>What you have done so far is logged, and tomorrow's plan builds on that, not on the full plan.</p>
          <div class="stack">
            {END_REASONS.map((r) => (
              <button
                class="big"
                onClick={() => {
                  setAskingWhy(false);
                  finish(r.stopped, r.label);
                }}
              >
                {r.label}
              </button>
            ))}
            <button onClick={() => setAskingWhy(false)}>Back to the session</button>
          </div>
        </Card>
        <div class="dock">{stopButton}</div>
      </div>
    );
  }
  const upcoming = steps[index + 1];
  // How far through the whole session: the expected length of the steps done, and of this one so far.
  const doneSeconds = steps.slice(0, index).reduce((s, x) => s + expectedSeconds(x), 0) + Math.min(expectedSeconds(step), Math.max(0, elapsed()));
  const percent = total > 0 ? Math.min(100, Math.round((doneSeconds / total) * 100)) : 0;
  const pauseButton = (
    <button
      class={paused ? 'big primary' : 'big'}
      onClick={() => {
        const t = timing.current;
        if (paused) {
          t.pausedTotal += clock.now() - t.pausedAt;
          setPaused(false);
          if (step.kind === 'rope' && beat) metronome.current?.start(step.cadence);
        } else {
          t.pausedAt = clock.now();
          setPaused(true);
          metronome.current?.stop();
        }
      }}
    >
      {paused ? 'Resume' : 'Pause'}
    </button>
  );
  return (
    <div class={'player step-' + step.kind + (paused ? ' paused' : '')}>
      <div class="overall">
        <p class="eyebrow" aria-live="polite">
          Step {index + 1} of {steps.length}
          {step.kind === 'hold' || step.kind === 'reps' ? ` · ${step.phase}` : ''}
        </p>
        <progress max={100} value={percent} aria-label={`Session progress: ${percent}%`} data-testid="session-progress" />
      </div>
      <h1 class="step-title">{stepTitle(step)}</h1>
      {paused && (
        <p class="paused-banner" role="status">
          Paused
        </p>
      )}
      {(step.kind === 'hold' || step.kind === 'reps') && <Figure id={step.id} size={200} title={item?.name} />}
      {step.kind === 'reps' ? (
        <p class="reps-count" data-testid="reps">
          {step.reps} times, slowly
        </p>
      ) : (
        <div class={step.kind === 'rope' ? 'countdown huge-count' : 'countdown'} role="timer" aria-label="Time left">
          {formatSeconds(remaining)}
        </div>
      )}
      {step.kind === 'rope' && (
        <>
          <div class="beat-row">
            {/* Keeps the beat on screen, sound or not; restarted each round so it starts on the first click. */}
            <span key={index} class={paused ? 'beat-dot still' : 'beat-dot'} style={{ animationDuration: `${60 / step.cadence}s` }} aria-hidden="true" data-testid="beat" />
            <button type="button" class="beat-sound" aria-pressed={beat} onClick={toggleBeat}>
              {beat ? 'Beat sound on' : 'Beat sound off'}
            </button>
          </div>
          <p class="cue">
            {sentenceCase(skillWords[step.skill] ?? step.skill)} at {step.cadence} turns a minute. Small, quiet bounces on the balls of your feet.
          </p>
        </>
      )}
      {step.kind === 'rest' && <p class="cue">Walk it off, breathe out slowly. Next: round {step.round + 1}.</p>}
      {(step.kind === 'hold' || step.kind === 'reps') && <HoldCues item={item} />}
      {/* Side swings have no jumps to count. */}
      {((step.kind === 'rope' && step.skill !== 'side_swing') || ((step.kind === 'rope' || step.kind === 'rest') && live.view)) && <LivePanel live={live} link={false} target={step.kind === 'rope' ? step.cadence : undefined} />}
      {upcoming && <p class="muted">Up next: {stepTitle(upcoming)}</p>}
      <button class="link" onClick={() => setAskingWhy(true)}>
        End session
      </button>
      {/* The controls and the stop share one bar at the bottom, so neither ever covers the other. */}
      <div class="dock">
        <div class="controls">
          {/* A repetition move has no timer to hold, so it has no Pause. */}
          {(step.kind !== 'reps' || paused) && pauseButton}
          <button class={step.kind === 'reps' ? 'big primary' : 'big'} onClick={next}>
            {step.kind === 'reps' ? 'Done' : upcoming ? 'Next step' : 'Finish'}
          </button>
        </div>
        {stopButton}
      </div>
    </div>
  );
}

// "basic bounce at 100 turns" opens a sentence: "Basic bounce at 100 turns".
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function HoldCues({ item }: { item: CatalogItem | undefined }) {
  if (!item) return null;
  return (
    <div class="cues">
      {item.breath && <p class="cue">Breath: {item.breath}</p>}
      {item.cues?.[0] && <p class="cue">Form: {item.cues[0]}</p>}
      <details class="how">
        <summary>How to do it</summary>
        <ol>
          {item.steps.map((s) => (
            <li>{s}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}

// Pain during and after, effort and a note, then the log is sent. After a sharp-pain stop it
// first says what to do now.
export function AfterSession(props: { plan: Plan; outcome: Outcome; note?: string; checkinPain: number; live?: LiveView | null }) {
  const { stopped, completed, ropeMinutes, roundsPlayed } = props.outcome;
  const sharpPain = stopped === 'sharp_pain';
  const { go, account } = useApp();
  const [during, setDuring] = useState<number | null>(null);
  const [after, setAfter] = useState<number | null>(null);
  const [effort, setEffort] = useState<number | null>(null);
  const [notes, setNotes] = useState(props.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // Saved on this device for want of a connection; sent when it returns.
  const [queued, setQueued] = useState(false);
  const [busy, setBusy] = useState(false);
  // What the phone counted live, offered as the rope time to log; the person chooses.
  const countedSeconds = props.live?.status === 'saved' ? props.live.recording?.analysis.active_seconds ?? 0 : 0;
  const counted = countedSeconds > 0 && props.plan.rope ? Math.round((countedSeconds / 60) * 10) / 10 : null;
  const [logCounted, setLogCounted] = useState(false);
  const loggedMinutes = logCounted && counted !== null ? counted : ropeMinutes;

  async function submit(e: Event) {
    e.preventDefault();
    if (during === null || after === null) return setError('Choose your worst pain during the session and your pain now.');
    setBusy(true);
    setError(null);
    const log: SessionLog = {
      completed,
      rope_minutes: loggedMinutes,
      pain_during_max: during,
      pain_after: after,
      stopped,
      ...(effort !== null ? { effort } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    try {
      await api.logSession(log, props.plan.date);
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.offline) {
        queueSession({ date: props.plan.date, session: log });
        // Today, opened again offline, shows the day as done rather than offering it again.
        const kept = account ? offlineCopy.today(account.id, localToday()) : null;
        if (account && kept && kept.date === props.plan.date) offlineCopy.keepToday(account.id, { ...kept, state: 'session_logged', session: log });
        setQueued(true);
        setSaved(true);
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="after">
      {sharpPain && (
        <Card title="You stopped for sharp pain" class="danger">
          <p>That was the right call. For now:</p>
          <ul>
            <li>Stop exercising for today. Find a position that eases the pain, such as lying on your back with your knees bent and feet flat.</li>
            <li>Keep moving gently through the day, like short easy walks, if that feels better than staying still.</li>
            <li>
              Get medical help now if the pain is severe and not easing, spreads below a knee, or comes with numbness around the groin, a change in
              bladder or bowel control, or a weak leg.
            </li>
            <li>Tomorrow's plan will step back; it will not get harder after a stop for pain.</li>
          </ul>
        </Card>
      )}
      {props.live && <LiveSaved view={props.live} link={saved} />}
      {saved ? (
        <Card title={queued ? 'Session saved on this device' : 'Session logged'} class="ok">
          {queued && <p role="status">There is no connection right now. The log is sent as soon as the connection returns.</p>}
          <p>Thank you. Tomorrow morning, Bounceback will ask how your back feels on waking.</p>
          <div class="row">
            <button class="primary" onClick={() => go('today')}>Back to Today</button>
            <button onClick={() => go('progress')}>See progress</button>
          </div>
        </Card>
      ) : (
        <form class="card" onSubmit={submit} aria-label="Session log">
          <h2>{sharpPain ? 'Log what happened' : 'How did it go?'}</h2>
          {/* A day without rope (restorative, or a plan whose rope part is empty) has no rope time to report. */}
          {props.plan.rope && props.plan.rope.minutes > 0 && (props.plan.steps ?? []).some((st) => st.kind === 'rope') && (
            <p class="muted" data-testid="rope-done">
              Rope time done: {ropeMinutes} of {props.plan.rope.minutes} min{roundsPlayed ? '' : ', some rounds cut short'}.
            </p>
          )}
          {counted !== null && (
            <fieldset class="choice" data-testid="counted-choice">
              <legend>Rope time to log</legend>
              <label class={!logCounted ? 'choice-opt on' : 'choice-opt'}>
                <input type="radio" name="rope_time" value="timed" checked={!logCounted} onChange={() => setLogCounted(false)} />
                <span>{ropeMinutes} min, timed by the rounds</span>
              </label>
              <label class={logCounted ? 'choice-opt on' : 'choice-opt'}>
                <input type="radio" name="rope_time" value="counted" checked={logCounted} onChange={() => setLogCounted(true)} />
                <span>{counted} min of jumping, counted by your phone</span>
              </label>
              <small class="muted">Either way the recording stays with this session, and the next plan builds on the counted time when it is clearly less.</small>
            </fieldset>
          )}
          <Scale label="Worst back pain during the session" name="pain_during" value={during} onChange={setDuring} low="0 none" high="10 worst" />
          <Scale label="Back pain now" name="pain_after" value={after} onChange={setAfter} low="0 none" high="10 worst" />
          <Scale label="Effort (optional)" name="effort" value={effort} onChange={setEffort} low="0 easy" high="10 all-out" />
          <label>
            Note (optional)
            <textarea name="session_notes" rows={2} maxLength={500} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
          </label>
          <ErrorText error={error} />
          <button class="primary big" type="submit" disabled={busy}>
            Save session
          </button>
        </form>
      )}
    </div>
  );
}

// The jumps counted live during the rope part, once the server has saved them.
// The link waits for the session log, so following it loses nothing.
function LiveSaved({ view, link }: { view: LiveView; link: boolean }) {
  if (view.status === 'ending' || view.status === 'live' || view.status === 'connecting')
    return <p class="muted" role="status">Saving the jumps counted live…</p>;
  if (view.status === 'failed') return <p class="note">{view.error}</p>;
  const r = view.recording;
  if (!r) return null;
  return (
    <Card title="Jumps counted live" class="ok">
      <p data-testid="after-live">
        {count(r.analysis.jumps, 'jump')}{r.analysis.cadence_per_min > 0 ? ` at ${Math.round(r.analysis.cadence_per_min)} a minute` : ''}.
      </p>
      {link ? <a href={`#/recordings/${r.id}`}>See the recording</a> : <p class="muted small">Saved under Recordings.</p>}
    </Card>
  );
}
