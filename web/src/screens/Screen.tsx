// The safety screen: the engine's ten questions and what the answers mean. Onboarding and
// "Take the safety questions again" both use it. An urgent answer ends the flow at its card.
import { useState } from 'preact/hooks';
import { api, localToday, type ScreenSummary } from '../api';
import { useApp } from '../state';
import { Card, ErrorText, errorMessage } from '../ui';
import { dateWords, safetyAdvice, signWords } from '../words';
import { screenWords as w } from './Screen.words';

// A phone number as people write it: digits, spaces, dashes, a leading +.
export const EMERGENCY_NUMBER = /^\+?[0-9][0-9 -]{1,14}$/;

// The call button for the number set in Settings, or a pointer to where to set it.
export function EmergencyCall() {
  const { settings, go } = useApp();
  const number = settings.emergencyNumber?.trim();
  if (number && EMERGENCY_NUMBER.test(number)) {
    return (
      <a class="button big danger call" href={`tel:${number.replace(/[ -]/g, '')}`}>
        {w.call(number)}
      </a>
    );
  }
  return (
    <p class="muted">
      {w.setNumberBefore}{' '}
      <button type="button" class="link" onClick={() => go('settings')}>
        {w.settings}
      </button>{' '}
      {w.setNumberAfter}
    </p>
  );
}

export function SafetyQuestions(props: { onTaken: (summary: ScreenSummary) => void; onBack?: () => void }) {
  const { safety } = useApp();
  const [answers, setAnswers] = useState<Record<string, boolean | undefined>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (safety.length === 0) return setError(w.notLoaded);
    const missing = safety.filter((f) => answers[f.id] === undefined);
    if (missing.length) return setError(w.answerAll(missing.length));
    const body: Record<string, boolean> = {};
    for (const f of safety) body[f.id] = answers[f.id] === true;
    setBusy(true);
    setError(null);
    try {
      props.onTaken(await api.takeScreen(body, localToday()));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit}>
      <h1>{w.title}</h1>
      <p class="muted">{w.intro(safety.length || 10)}</p>
      {safety.length === 0 && <p class="error">{w.notLoaded}</p>}
      {safety.map((f, i) => (
        <fieldset class="yesno">
          <legend>
            {i + 1}. {f.question}
          </legend>
          <label class={answers[f.id] === false ? 'choice-opt on' : 'choice-opt'}>
            <input type="radio" name={'flag_' + f.id} value="no" checked={answers[f.id] === false} onChange={() => setAnswers((a) => ({ ...a, [f.id]: false }))} />
            <span>{w.no}</span>
          </label>
          <label class={answers[f.id] === true ? 'choice-opt on' : 'choice-opt'}>
            <input type="radio" name={'flag_' + f.id} value="yes" checked={answers[f.id] === true} onChange={() => setAnswers((a) => ({ ...a, [f.id]: true }))} />
            <span>{w.yes}</span>
          </label>
        </fieldset>
      ))}
      <ErrorText error={error} />
      <div class="row">
        {props.onBack && (
          <button type="button" onClick={props.onBack}>
            {w.back}
          </button>
        )}
        <button class="primary big" type="submit" disabled={busy}>
          {w.seeMeaning}
        </button>
      </div>
    </form>
  );
}

// True when the answers let plans include exercise: no red flag, or a recorded clearance for the
// see-a-clinician ones. An urgent answer is never lifted by a clearance, only by a new screen.
export function screenAllowsExercise(summary: ScreenSummary): boolean {
  return summary.outcome === 'clear' || (summary.outcome === 'see_clinician' && !!summary.cleared_on);
}

export function ScreenOutcome(props: { summary: ScreenSummary; onChange: (summary: ScreenSummary) => void; onRetake: () => void }) {
  const { safety } = useApp();
  const { summary } = props;
  const [clearance, setClearance] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function saveClearance(e: Event) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(clearance)) return setError(w.needDate);
    setBusy(true);
    setError(null);
    try {
      const r = await api.recordClearance(clearance);
      props.onChange({ ...summary, cleared_on: r.cleared_on ?? clearance });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      {summary.outcome === 'clear' && (
        <Card title={w.clearTitle} class="ok">
          <p>{w.clearText}</p>
          <p class="muted">{w.clearLater}</p>
        </Card>
      )}
      {summary.outcome === 'urgent' && (
        <Card title={w.urgentTitle} class="danger">
          <p role="alert">
            {w.answeredYes(signWords(summary.urgent, safety))} {safetyAdvice(true, safety)}
          </p>
          <EmergencyCall />
        </Card>
      )}
      {summary.outcome === 'see_clinician' && (
        <Card title={w.clinicianTitle} class="warn">
          <p>
            {w.answeredYes(signWords(summary.see_clinician, safety))} {safetyAdvice(false, safety)}
          </p>
          {summary.cleared_on ? (
            <p class="ok-text">{w.clearanceRecorded(dateWords(summary.cleared_on))}</p>
          ) : (
            <form onSubmit={saveClearance}>
              <p>{w.recordDate}</p>
              <div class="row">
                <label>
                  {w.clearanceDate}
                  <input type="date" name="cleared_on" value={clearance} max={localToday()} onInput={(e) => setClearance(e.currentTarget.value)} />
                </label>
                <button type="submit" disabled={busy}>
                  {w.recordClearance}
                </button>
              </div>
            </form>
          )}
          <ErrorText error={error} />
        </Card>
      )}
      <button type="button" onClick={props.onRetake}>
        {summary.outcome === 'clear' ? w.changeAnswers : w.retake}
      </button>
    </div>
  );
}

// The route "screen": take the questions again (after a doctor's visit, or to correct a tap),
// then back to Today once the answers allow exercise.
export function RetakeScreen() {
  const { go } = useApp();
  const [summary, setSummary] = useState<ScreenSummary | null>(null);
  if (!summary) return <SafetyQuestions onTaken={setSummary} onBack={() => go('today')} />;
  return (
    <div>
      <ScreenOutcome summary={summary} onChange={setSummary} onRetake={() => setSummary(null)} />
      {screenAllowsExercise(summary) && (
        <button class="primary big" type="button" onClick={() => go('today')}>
          {w.goToday}
        </button>
      )}
    </div>
  );
}
