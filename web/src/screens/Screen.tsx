// The safety screen: the engine's ten questions and what the answers mean. Onboarding and
// "Take the safety questions again" both use it. An urgent answer ends the flow at its card.
import { useState } from 'preact/hooks';
import { api, localToday, type ScreenSummary } from '../api';
import { useApp } from '../state';
import { Card, ErrorText, errorMessage } from '../ui';
import { safetyAdvice, signWords } from '../words';

// A phone number as people write it: digits, spaces, dashes, a leading +.
export const EMERGENCY_NUMBER = /^\+?[0-9][0-9 -]{1,14}$/;

// The call button for the number set in Settings, or a pointer to where to set it.
export function EmergencyCall() {
  const { settings, go } = useApp();
  const number = settings.emergencyNumber?.trim();
  if (number && EMERGENCY_NUMBER.test(number)) {
    return (
      <a class="button big danger call" href={`tel:${number.replace(/[ -]/g, '')}`}>
        Call {number}
      </a>
    );
  }
  return (
    <p class="muted">
      Set your local emergency number in{' '}
      <button type="button" class="link" onClick={() => go('settings')}>
        Settings
      </button>{' '}
      to get a call button here.
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
    if (safety.length === 0) return setError('The safety questions could not be loaded. Check your connection and reload the page.');
    const missing = safety.filter((f) => answers[f.id] === undefined);
    if (missing.length) return setError(`Please answer every question (${missing.length} left).`);
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
      <h1>Safety questions</h1>
      <p class="muted">Ten questions about signs that need a doctor before exercise. Most people answer no to all.</p>
      {safety.length === 0 && <p class="error">The safety questions could not be loaded. Check your connection and reload the page.</p>}
      {safety.map((f, i) => (
        <fieldset class="yesno">
          <legend>
            {i + 1}. {f.question}
          </legend>
          <label class={answers[f.id] === false ? 'choice-opt on' : 'choice-opt'}>
            <input type="radio" name={'flag_' + f.id} value="no" checked={answers[f.id] === false} onChange={() => setAnswers((a) => ({ ...a, [f.id]: false }))} />
            <span>No</span>
          </label>
          <label class={answers[f.id] === true ? 'choice-opt on' : 'choice-opt'}>
            <input type="radio" name={'flag_' + f.id} value="yes" checked={answers[f.id] === true} onChange={() => setAnswers((a) => ({ ...a, [f.id]: true }))} />
            <span>Yes</span>
          </label>
        </fieldset>
      ))}
      <ErrorText error={error} />
      <div class="row">
        {props.onBack && (
          <button type="button" onClick={props.onBack}>
            Back
          </button>
        )}
        <button class="primary big" type="submit" disabled={busy}>
          See what this means
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
    if (!/^\d{4}-\d{2}-\d{2}$/.test(clearance)) return setError('Enter the date the clinician cleared you.');
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
        <Card title="You can start gently" class="ok">
          <p>None of the warning signs. Plans will include exercise, starting small and growing only as your back allows.</p>
          <p class="muted">If any of these signs appear later, the daily check-in asks again and pauses plans.</p>
        </Card>
      )}
      {summary.outcome === 'urgent' && (
        <Card title="Get medical help now" class="danger">
          <p role="alert">
            You answered yes to {signWords(summary.urgent, safety)}. {safetyAdvice(true, safety)}
          </p>
          <EmergencyCall />
        </Card>
      )}
      {summary.outcome === 'see_clinician' && (
        <Card title="See a clinician before exercising" class="warn">
          <p>
            You answered yes to {signWords(summary.see_clinician, safety)}. {safetyAdvice(false, safety)}
          </p>
          {summary.cleared_on ? (
            <p class="ok-text">Clearance recorded for {summary.cleared_on}.</p>
          ) : (
            <form onSubmit={saveClearance}>
              <p>When a clinician says exercise is fine, record the date:</p>
              <div class="row">
                <label>
                  Date of clearance
                  <input type="date" name="cleared_on" value={clearance} max={localToday()} onInput={(e) => setClearance(e.currentTarget.value)} />
                </label>
                <button type="submit" disabled={busy}>
                  Record clearance
                </button>
              </div>
            </form>
          )}
          <ErrorText error={error} />
        </Card>
      )}
      <button type="button" onClick={props.onRetake}>
        {summary.outcome === 'clear' ? 'Change answers' : 'Take the safety questions again'}
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
          Go to today
        </button>
      )}
    </div>
  );
}
