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
import { skillWords } from '../words';
import { playerWords as w } from './Player.words';

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
  if (st.kind === 'hold' || st.kind === 'reps') return st.name + (st.side ? w.side(st.side) : '');
  if (st.kind === 'rope') return w.roundTitle(st.round, st.rounds);
  return w.restTitle(st.round);
}

type Phase = 'ready' | 'playing' | 'done';

// Why a session was ended early, other than pain: logged with what was done.
const END_REASONS: { label: string; stopped: Ending }[] = [
  { label: w.endReasons.outOfTime, stopped: 'other' },
  { label: w.endReasons.interrupted, stopped: 'other' },
  { label: w.endReasons.feltEnough, stopped: 'fatigue' },
];

export function Player() {
  const { active, go } = useApp();
  if (!active) {
    return (
      <Card title={w.noSession}>
        <p>{w.startFromToday}</p>
        <button class="primary" onClick={() => go('today')}>{w.goToToday}</button>
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
    note.current = why ? w.endedEarly(why) : '';
    metronome.current?.stop();
    if (live.counting) live.end();
    setPhase('done');
    if (ending === 'sharp_pain') speak(w.sayStop, settings.voice);
    else if (ending === 'finished') speak(w.sayComplete, settings.voice);
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
      {w.stop}
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
        <h1>{w.readyTitle}</h1>
        <p>{w.readyIntro(steps.length, Math.round(total / 60))}</p>
        <label class="toggle">
          <input type="checkbox" checked={beat} onChange={(e) => setBeat(e.currentTarget.checked)} /> {w.beatSetting}
        </label>
        <button
          class="primary huge"
          disabled={!steps.length}
          onClick={() => {
            setPhase('playing');
            begin(0);
          }}
        >
          {w.begin}
        </button>
        <div class="dock">{stopButton}</div>
      </div>
    );
  }

  const remaining = step.seconds - elapsed();
  const item = step.kind === 'hold' || step.kind === 'reps' || step.kind === 'rope' ? catalog.get(step.id) : undefined;
  if (askingWhy) {
    return (
      <div class="player">
        <Card title={w.endTitle}>
          <p>{w.endExplain}</p>
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
            <button onClick={() => setAskingWhy(false)}>{w.backToSession}</button>
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
      {paused ? w.resume : w.pause}
    </button>
  );
  return (
    <div class={'player step-' + step.kind + (paused ? ' paused' : '')}>
      <div class="overall">
        <p class="eyebrow" aria-live="polite">
          {w.stepOf(index + 1, steps.length)}
          {step.kind === 'hold' || step.kind === 'reps' ? ` · ${step.phase}` : ''}
        </p>
        <progress max={100} value={percent} aria-label={w.progressLabel(percent)} data-testid="session-progress" />
      </div>
      <h1 class="step-title">{stepTitle(step)}</h1>
      {paused && (
        <p class="paused-banner" role="status">
          {w.paused}
        </p>
      )}
      {(step.kind === 'hold' || step.kind === 'reps') && <Figure id={step.id} size="fill" title={item?.name} />}
      {step.kind === 'rope' && <Figure id={step.id} size="fill" title={item?.name ?? skillWords[step.skill]} />}
      {step.kind === 'reps' ? (
        <p class="reps-count" data-testid="reps">
          {w.reps(step.reps)}
        </p>
      ) : (
        <div class={step.kind === 'rope' ? 'countdown huge-count' : 'countdown'} role="timer" aria-label={w.timeLeft}>
          {formatSeconds(remaining)}
        </div>
      )}
      {step.kind === 'rope' && (
        <>
          <div class="beat-row">
            {/* Keeps the beat on screen, sound or not; restarted each round so it starts on the first click. */}
            <span key={index} class={paused ? 'beat-dot still' : 'beat-dot'} style={{ animationDuration: `${60 / step.cadence}s` }} aria-hidden="true" data-testid="beat" />
            <button type="button" class="beat-sound" aria-pressed={beat} onClick={toggleBeat}>
              {beat ? w.beatOn : w.beatOff}
            </button>
          </div>
          <p class="cue">
            {w.ropeCue(sentenceCase(skillWords[step.skill] ?? step.skill), step.cadence)}
          </p>
        </>
      )}
      {step.kind === 'rope' && <HoldCues item={item} />}
      {step.kind === 'rest' && <p class="cue">{w.restCue(step.round + 1)}</p>}
      {(step.kind === 'hold' || step.kind === 'reps') && <HoldCues item={item} />}
      {/* Side swings have no jumps to count. */}
      {((step.kind === 'rope' && step.skill !== 'side_swing') || ((step.kind === 'rope' || step.kind === 'rest') && live.view)) && <LivePanel live={live} link={false} target={step.kind === 'rope' ? step.cadence : undefined} />}
      {upcoming && <p class="muted">{w.upNext(stepTitle(upcoming))}</p>}
      <button class="link" onClick={() => setAskingWhy(true)}>
        {w.endSession}
      </button>
      {/* The controls and the stop share one bar at the bottom, so neither ever covers the other. */}
      <div class="dock">
        <div class="controls">
          {/* A repetition move has no timer to hold, so it has no Pause. */}
          {(step.kind !== 'reps' || paused) && pauseButton}
          <button class={step.kind === 'reps' ? 'big primary' : 'big'} onClick={next}>
            {step.kind === 'reps' ? w.done : upcoming ? w.nextStep : w.finish}
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
      {item.breath && <p class="cue">{w.breath(item.breath)}</p>}
      {item.cues?.[0] && <p class="cue">{w.form(item.cues[0])}</p>}
      <details class="how">
        <summary>{w.howTo}</summary>
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
    if (during === null || after === null) return setError(w.choosePain);
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
        <Card title={w.sharpTitle} class="danger">
          <p>{w.sharpIntro}</p>
          <ul>
            {w.sharpAdvice.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </Card>
      )}
      {props.live && <LiveSaved view={props.live} link={saved} />}
      {saved ? (
        <Card title={queued ? w.savedOffline : w.logged} class="ok">
          {queued && <p role="status">{w.offlineNote}</p>}
          <p>{w.thanks}</p>
          <div class="row">
            <button class="primary" onClick={() => go('today')}>{w.backToToday}</button>
            <button onClick={() => go('progress')}>{w.seeProgress}</button>
          </div>
        </Card>
      ) : (
        <form class="card" onSubmit={submit} aria-label={w.logLabel}>
          <h2>{sharpPain ? w.logTitleSharp : w.logTitle}</h2>
          {/* A day without rope (restorative, or a plan whose rope part is empty) has no rope time to report. */}
          {props.plan.rope && props.plan.rope.minutes > 0 && (props.plan.steps ?? []).some((st) => st.kind === 'rope') && (
            <p class="muted" data-testid="rope-done">
              {w.ropeDone(ropeMinutes, props.plan.rope.minutes, roundsPlayed)}
            </p>
          )}
          {counted !== null && (
            <fieldset class="choice" data-testid="counted-choice">
              <legend>{w.ropeToLog}</legend>
              <label class={!logCounted ? 'choice-opt on' : 'choice-opt'}>
                <input type="radio" name="rope_time" value="timed" checked={!logCounted} onChange={() => setLogCounted(false)} />
                <span>{w.timed(ropeMinutes)}</span>
              </label>
              <label class={logCounted ? 'choice-opt on' : 'choice-opt'}>
                <input type="radio" name="rope_time" value="counted" checked={logCounted} onChange={() => setLogCounted(true)} />
                <span>{w.counted(counted)}</span>
              </label>
              <small class="muted">{w.countedNote}</small>
            </fieldset>
          )}
          <Scale label={w.painDuring} name="pain_during" value={during} onChange={setDuring} low={w.scaleNone} high={w.scaleWorst} />
          <Scale label={w.painNow} name="pain_after" value={after} onChange={setAfter} low={w.scaleNone} high={w.scaleWorst} />
          <Scale label={w.effort} name="effort" value={effort} onChange={setEffort} low={w.scaleEasy} high={w.scaleAllOut} />
          <label>
            {w.note}
            <textarea name="session_notes" rows={2} maxLength={500} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
          </label>
          <ErrorText error={error} />
          <button class="primary big" type="submit" disabled={busy}>
            {w.save}
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
    return <p class="muted" role="status">{w.savingLive}</p>;
  if (view.status === 'failed') return <p class="note">{view.error}</p>;
  const r = view.recording;
  if (!r) return null;
  return (
    <Card title={w.liveTitle} class="ok">
      <p data-testid="after-live">
        {w.liveCount(r.analysis.jumps, r.analysis.cadence_per_min)}
      </p>
      {link ? <a href={`#/recordings/${r.id}`}>{w.seeRecording}</a> : <p class="muted small">{w.savedUnder}</p>}
    </Card>
  );
}
