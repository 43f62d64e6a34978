// Today: what the person needs now (GET /today): a safety block, the next-morning pain, the
// check-in, or today's plan with its reasons.
import { useEffect, useState } from 'preact/hooks';
import {
  api,
  ApiError,
  localToday,
  offlineCopy,
  queueCheckin,
  type CheckIn,
  type Feel,
  type LegSymptoms,
  type Plan,
  type SessionLog,
  type TodayState,
  type UrgentFlag,
} from '../api';
import { Figure } from '../figures';
import { useApp } from '../state';
import { Card, Choice, ErrorText, Scale, errorMessage } from '../ui';
import { dateWords, dayTypeHint, dayTypeWords, feelWords, legWords, lightWords, skillWords } from '../words';
import { EmergencyCall } from './Screen';
import { todayWords as w } from './Today.words';

// `kept`: no connection, so this is today's answer as last fetched on this device.
type Load = { state: 'loading' } | { state: 'error'; message: string; offline: boolean } | { state: 'ready'; today: TodayState; kept?: boolean };

// One request says what the person needs now; each state has its one card.
export function Today() {
  const { go, account } = useApp();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [queued, setQueued] = useState(false);
  const [recheck, setRecheck] = useState(false);

  async function refresh() {
    try {
      const today = await api.today(localToday());
      if (today.state === 'needs_profile' || today.state === 'needs_screen') {
        go('onboarding');
        return;
      }
      setRecheck(false);
      if (account) offlineCopy.keepToday(account.id, today);
      setLoad({ state: 'ready', today });
    } catch (e) {
      const kept = e instanceof ApiError && e.offline && account ? offlineCopy.today(account.id, localToday()) : null;
      if (kept) setLoad({ state: 'ready', today: kept, kept: true });
      else setLoad({ state: 'error', message: errorMessage(e), offline: e instanceof ApiError && e.offline });
    }
  }

  useEffect(() => {
    void refresh();
    // A check-in queued offline has just been sent: show its plan.
    const onSynced = () => {
      setQueued(false);
      void refresh();
    };
    window.addEventListener('bb:synced', onSynced);
    return () => window.removeEventListener('bb:synced', onSynced);
  }, []);

  const today = load.state === 'ready' ? load.today : null;
  const checkin = today && (today.state === 'needs_checkin' || recheck);
  return (
    <div>
      <h1 class="sr-only">{w.title}</h1>
      {load.state === 'loading' && <p class="muted">{w.loading}</p>}
      {load.state === 'error' && (
        <Card>
          <ErrorText error={load.message} />
          <button onClick={() => void refresh()}>{w.tryAgain}</button>
        </Card>
      )}
      {/* Offline with no plan kept for today: the check-in waits on the device. */}
      {load.state === 'error' && load.offline && !queued && <CheckInForm askUrgent onDone={() => void refresh()} onQueued={() => setQueued(true)} />}
      {load.state === 'ready' && load.kept && (
        <p class="note" role="status" data-testid="kept-today">
          {w.kept}
        </p>
      )}
      {today && (today.state === 'blocked_urgent' || today.state === 'blocked_until_clearance') && <Blocked today={today} onRefresh={() => void refresh()} />}
      {today?.state === 'needs_followup' && today.followup_session_date && <MorningPrompt sessionDate={today.followup_session_date} onDone={() => void refresh()} />}
      {checkin && !queued && (
        <CheckInForm
          askUrgent={today.state === 'needs_checkin' ? today.ask_urgent_questions : today.screen?.date !== today.date}
          onDone={() => void refresh()}
          onQueued={() => setQueued(true)}
        />
      )}
      {queued && (
        <Card title={w.queuedTitle}>
          <p>{w.queuedText}</p>
          <button onClick={() => { setQueued(false); void refresh(); }}>{w.checkAgain}</button>
        </Card>
      )}
      {today && !recheck && (today.state === 'plan_ready' || today.state === 'session_logged') && today.plan && (
        <PlanView plan={today.plan} done={today.session} checkinPain={today.checkin?.pain ?? null} onRecheck={() => setRecheck(true)} />
      )}
    </div>
  );
}

// A red flag, from the screen or a check-in: what to do now, why, and how the block is lifted.
function Blocked({ today, onRefresh }: { today: TodayState; onRefresh: () => void }) {
  const { go } = useApp();
  const [cleared, setCleared] = useState('');
  const [error, setError] = useState<string | null>(null);
  const urgent = today.state === 'blocked_urgent';
  return (
    <Card title={urgent ? w.urgentTitle : w.clearanceTitle} class={urgent ? 'danger' : 'warn'}>
      <p role="alert">{today.advice}</p>
      {urgent && <EmergencyCall />}
      {today.plan && <Reasons plan={today.plan} />}
      {!urgent && (
        <form
          class="row"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            if (!/^\d{4}-\d{2}-\d{2}$/.test(cleared)) return setError(w.needClearanceDate);
            try {
              await api.recordClearance(cleared);
              onRefresh();
            } catch (err) {
              setError(errorMessage(err));
            }
          }}
        >
          <label>
            {w.clearanceDate}
            <input type="date" name="cleared_on" value={cleared} max={localToday()} onInput={(e) => setCleared(e.currentTarget.value)} />
          </label>
          <button type="submit">{w.recordClearance}</button>
        </form>
      )}
      <ErrorText error={error} />
      <button type="button" onClick={() => go('screen')}>
        {w.screenAgain}
      </button>
    </Card>
  );
}

function MorningPrompt({ sessionDate, onDone }: { sessionDate: string; onDone: () => void }) {
  const [pain, setPain] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    if (pain === null) return setError(w.morningNeedPain);
    setBusy(true);
    setError(null);
    try {
      await api.followUp({ session_date: sessionDate, pain });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card prompt" onSubmit={submit} aria-label={w.morningLabel}>
      <h2>{w.morningTitle}</h2>
      <p class="muted">{w.morningIntro(dateWords(sessionDate))}</p>
      <Scale label={w.morningScale} name="morning_pain" value={pain} onChange={setPain} low={w.scaleNoPain} high={w.scaleWorst} />
      <ErrorText error={error} />
      <button class="primary" type="submit" disabled={busy}>{w.morningSave}</button>
    </form>
  );
}

export function CheckInForm({ onDone, onQueued, askUrgent = true }: { onDone: () => void; onQueued: () => void; askUrgent?: boolean }) {
  const { safety } = useApp();
  const [pain, setPain] = useState<number | null>(null);
  const [feel, setFeel] = useState<Feel | null>(null);
  const [legs, setLegs] = useState<LegSymptoms>('none');
  const [flags, setFlags] = useState<UrgentFlag[]>([]);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (f: UrgentFlag) => setFlags((xs) => (xs.includes(f) ? xs.filter((x) => x !== f) : [...xs, f]));

  async function submit(e: Event) {
    e.preventDefault();
    if (pain === null) return setError(w.needPain);
    if (!feel) return setError(w.needFeel);
    const checkin: CheckIn = { pain, feel, leg_symptoms: legs, urgent_flags: flags };
    if (notes.trim()) checkin.notes = notes.trim();
    setBusy(true);
    setError(null);
    try {
      await api.checkIn(checkin, localToday());
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.offline) {
        queueCheckin({ date: localToday(), checkin });
        onQueued();
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit} aria-label={w.checkinLabel}>
      <h2>{w.checkinTitle}</h2>
      <Scale label={w.painNow} name="pain" value={pain} onChange={setPain} low={w.scaleZero} high={w.scaleTen} />
      <Choice label={w.feelQuestion} name="feel" value={feel} options={Object.entries(feelWords) as [Feel, string][]} onChange={setFeel} />
      <Choice label={w.legQuestion} name="legs" value={legs} options={Object.entries(legWords) as [LegSymptoms, string][]} onChange={setLegs} />
      {askUrgent && (
      <fieldset class="checks">
        <legend>{w.newSigns}</legend>
        {safety.length === 0 && <p class="error">{w.safetyFailed}</p>}
        {safety.filter((q) => q.urgent).map(({ id: flagId, question: text }) => {
          const id = flagId as UrgentFlag;
          return (
          <label class={flags.includes(id) ? 'choice-opt on danger-opt' : 'choice-opt'}>
            <input type="checkbox" name="urgent_flags" value={id} checked={flags.includes(id)} onChange={() => toggle(id)} />
            <span>{text}</span>
          </label>
          );
        })}
      </fieldset>
      )}
      <details>
        <summary>{w.addNote}</summary>
        <label>
          {w.note}
          <textarea name="notes" rows={2} maxLength={500} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
        </label>
      </details>
      <ErrorText error={error} />
      <button class="primary big" type="submit" disabled={busy}>
        {busy ? w.saving : w.seePlan}
      </button>
    </form>
  );
}

function PlanView(props: { plan: Plan; done: SessionLog | null; checkinPain: number | null; onRecheck: () => void }) {
  const { plan, done } = props;
  const { go, setActive, catalog } = useApp();

  const items = [...(plan.stretch?.warm_up ?? []), ...(plan.stretch?.main ?? []), ...(plan.stretch?.cool_down ?? [])];
  const list = items.length ? items : plan.stretch?.items ?? [];
  return (
    <div>
      <Card class={'plan day-' + plan.day_type}>
        <p class="eyebrow">{w.eyebrow(dateWords(plan.date))}</p>
        <h2 class="day-type">{dayTypeWords[plan.day_type]}</h2>
        <p>{dayTypeHint[plan.day_type]}</p>
        {plan.traffic_light && (
          <p class={'light light-' + plan.traffic_light}>
            <span class="dot" aria-hidden="true" /> {lightWords[plan.traffic_light]}
          </p>
        )}
        {plan.rope && (
          <p class="dose">
            <strong>{w.ropeDose(plan.rope.minutes)}</strong>
            {w.ropeRounds(plan.rope.rounds, plan.rope.work_seconds, plan.rope.rest_seconds, skillWords[plan.rope.skill] ?? plan.rope.skill, plan.rope.cadence_per_min)}
          </p>
        )}
        {list.length > 0 && (
          <p class="dose">
            <strong>{w.stretchDose(plan.stretch.minutes)}</strong>
            {w.stretchMoves(list.length)}
          </p>
        )}
        {done ? (
          <p class="ok-text" role="status">
            {w.done(done.stopped === 'sharp_pain', done.rope_minutes, done.pain_during_max, done.pain_after)}
          </p>
        ) : plan.day_type === 'rest' ? null : (
          <button
            class="primary big"
            onClick={() => {
              setActive({ plan, checkinPain: props.checkinPain ?? 0 });
              go('session');
            }}
          >
            {w.start}
          </button>
        )}
      </Card>
      <Card title={w.whyTitle}>
        <Reasons plan={plan} />
      </Card>
      {list.length > 0 && (
        <Card title={w.movesTitle}>
          <ul class="moves">
            {list.map((id) => (
              <li>
                <Figure id={id} size={96} motion="still" />
                <span>{catalog.get(id)?.name ?? id.replace(/_/g, ' ')}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {!done && (
        <button class="link" onClick={props.onRecheck}>
          {w.recheck}
        </button>
      )}
    </div>
  );
}

function Reasons({ plan }: { plan: Plan }) {
  if (!plan.reasons?.length) return null;
  return (
    <ul class="reasons">
      {plan.reasons.map((r) => (
        <li>{r}</li>
      ))}
    </ul>
  );
}
