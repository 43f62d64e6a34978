// First run: profile, what aggravates the back, the safety screen and its outcome, PSFS
// activities, and rope advice.
import { useState } from 'preact/hooks';
import { api, localToday, type Aggravator, type RopeAdvice, type RopeExperience, type RopeOwned, type ScreenSummary } from '../api';
import { useApp } from '../state';
import { Card, Choice, ErrorText, errorMessage } from '../ui';
import { aggravatorWords, experienceWords, ropeWords, safetyAdvice, signWords } from '../words';

const STEPS = ['About you', 'What makes it worse', 'Safety questions', 'What the answers mean', 'Activities', 'Your rope'];

export function Onboarding() {
  const { go, safety } = useApp();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [birthYear, setBirthYear] = useState('');
  const [height, setHeight] = useState('');
  const [experience, setExperience] = useState<RopeExperience | null>(null);
  const [rope, setRope] = useState<RopeOwned | null>(null);
  const [aggravators, setAggravators] = useState<Aggravator[]>([]);
  const [answers, setAnswers] = useState<Record<string, boolean | undefined>>({});
  const [summary, setSummary] = useState<ScreenSummary | null>(null);
  const [clearance, setClearance] = useState('');
  const [activities, setActivities] = useState<{ name: string; score: number | null }[]>([
    { name: '', score: null },
    { name: '', score: null },
    { name: '', score: null },
  ]);
  const [advice, setAdvice] = useState<RopeAdvice | null>(null);

  async function run(action: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function saveProfile(e: Event) {
    e.preventDefault();
    const by = Number(birthYear);
    const h = Number(height);
    if (!experience || !rope) return setError('Please answer both rope questions.');
    if (!Number.isInteger(by) || by < 1900) return setError('Enter your birth year as four digits, for example 1984.');
    if (!Number.isInteger(h) || h < 90 || h > 250) return setError('Enter your height in centimetres, from 90 to 250.');
    setError(null);
    setStep(1);
  }

  function saveAggravators(e: Event) {
    e.preventDefault();
    void run(async () => {
      await api.saveProfile({
        birth_year: Number(birthYear),
        height_cm: Number(height),
        rope_experience: experience!,
        rope: rope!,
        aggravated_by: aggravators,
      });
      setStep(2);
    });
  }

  function saveScreen(e: Event) {
    e.preventDefault();
    if (safety.length === 0) return setError('The safety questions could not be loaded. Check your connection and reload the page.');
    const missing = safety.filter((f) => answers[f.id] === undefined);
    if (missing.length) return setError(`Please answer every question (${missing.length} left).`);
    void run(async () => {
      const body: Record<string, boolean> = {};
      for (const f of safety) body[f.id] = answers[f.id] === true;
      setSummary(await api.takeScreen(body));
      setStep(3);
    });
  }

  function saveClearance(e: Event) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(clearance)) return setError('Enter the date the clinician cleared you.');
    void run(async () => {
      const r = await api.recordClearance(clearance);
      setSummary((s) => (s ? { ...s, cleared_on: r.cleared_on ?? clearance } : s));
    });
  }

  function savePsfs(e: Event) {
    e.preventDefault();
    const filled = activities.filter((a) => a.name.trim());
    if (filled.length < 3) return setError('Name at least three activities.');
    if (filled.some((a) => a.score === null)) return setError('Rate each activity from 0 to 10.');
    void run(async () => {
      await api.addPsfs({ activities: filled.map((a) => ({ name: a.name.trim(), score: a.score! })) });
      setAdvice(await api.ropeAdvice().catch(() => null));
      setStep(5);
    });
  }

  const toggle = (a: Aggravator) =>
    setAggravators((xs) => (xs.includes(a) ? xs.filter((x) => x !== a) : [...xs, a]));

  return (
    <div>
      <p class="muted" aria-live="polite">
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </p>
      <progress max={STEPS.length} value={step + 1} aria-label="Setup progress" />

      {step === 0 && (
        <form class="card" onSubmit={saveProfile}>
          <h1>About you</h1>
          <label>
            Birth year
            <input name="birth_year" inputMode="numeric" autoComplete="bday-year" value={birthYear} onInput={(e) => setBirthYear(e.currentTarget.value)} />
          </label>
          <label>
            Height (cm)
            <input name="height_cm" inputMode="numeric" value={height} onInput={(e) => setHeight(e.currentTarget.value)} />
            <small class="muted">Used to size your rope.</small>
          </label>
          <Choice label="Have you skipped rope before?" name="experience" value={experience} options={Object.entries(experienceWords) as [RopeExperience, string][]} onChange={setExperience} />
          <Choice label="Which rope do you have?" name="rope" value={rope} options={Object.entries(ropeWords) as [RopeOwned, string][]} onChange={setRope} />
          <ErrorText error={error} />
          <button class="primary big" type="submit">Next</button>
        </form>
      )}

      {step === 1 && (
        <form class="card" onSubmit={saveAggravators}>
          <h1>What makes your back worse?</h1>
          <p class="muted">Tick any that apply. Plans leave out positions that load what bothers you.</p>
          <fieldset class="checks">
            <legend class="sr-only">Aggravating activities</legend>
            {(Object.entries(aggravatorWords) as [Aggravator, string][]).map(([id, text]) => (
              <label class={aggravators.includes(id) ? 'choice-opt on' : 'choice-opt'}>
                <input type="checkbox" name="aggravated_by" value={id} checked={aggravators.includes(id)} onChange={() => toggle(id)} />
                <span>{text}</span>
              </label>
            ))}
          </fieldset>
          <ErrorText error={error} />
          <div class="row">
            <button type="button" onClick={() => setStep(0)}>Back</button>
            <button class="primary big" type="submit" disabled={busy}>Next</button>
          </div>
        </form>
      )}

      {step === 2 && (
        <form class="card" onSubmit={saveScreen}>
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
            <button type="button" onClick={() => setStep(1)}>Back</button>
            <button class="primary big" type="submit" disabled={busy}>See what this means</button>
          </div>
        </form>
      )}

      {step === 3 && summary && (
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
              <p>Bounceback will not plan any exercise until you take the safety questions again.</p>
            </Card>
          )}
          {summary.outcome === 'see_clinician' && (
            <Card title="See a clinician before exercising" class="warn">
              <p>
                You answered yes to {signWords(summary.see_clinician, safety)}. {safetyAdvice(false, safety)}
              </p>
              <p>Until then, plans are paused. When a clinician says exercise is fine, record the date here:</p>
              {summary.cleared_on ? (
                <p class="ok-text">Clearance recorded for {summary.cleared_on}.</p>
              ) : (
                <form onSubmit={saveClearance} class="row">
                  <label>
                    Date of clearance
                    <input type="date" name="cleared_on" value={clearance} max={localToday()} onInput={(e) => setClearance(e.currentTarget.value)} />
                  </label>
                  <button type="submit" disabled={busy}>Record clearance</button>
                </form>
              )}
            </Card>
          )}
          <ErrorText error={error} />
          <div class="row">
            <button type="button" onClick={() => setStep(2)}>Change answers</button>
            <button class="primary big" type="button" onClick={() => setStep(4)}>Next</button>
          </div>
        </div>
      )}

      {step === 4 && (
        <form class="card" onSubmit={savePsfs}>
          <h1>Activities that matter to you</h1>
          <p class="muted">
            Name three to five everyday activities your back makes hard (for example "putting on socks" or "playing with my kids"), and
            rate how well you can do each today: 0 is unable, 10 is as well as before the pain. We ask again later to see change.
          </p>
          {activities.map((a, i) => (
            <div class="activity">
              <label>
                Activity {i + 1}
                <input name={`activity_${i}`} value={a.name} maxLength={80} onInput={(e) => setActivities((xs) => xs.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))} />
              </label>
              <label>
                How well today (0-10)
                <input
                  type="number"
                  name={`activity_score_${i}`}
                  min={0}
                  max={10}
                  inputMode="numeric"
                  value={a.score ?? ''}
                  onInput={(e) => {
                    const v = e.currentTarget.value;
                    setActivities((xs) => xs.map((x, j) => (j === i ? { ...x, score: v === '' ? null : Math.max(0, Math.min(10, Math.round(Number(v)))) } : x)));
                  }}
                />
              </label>
            </div>
          ))}
          {activities.length < 5 && (
            <button type="button" onClick={() => setActivities((xs) => [...xs, { name: '', score: null }])}>
              Add an activity
            </button>
          )}
          <ErrorText error={error} />
          <div class="row">
            <button type="button" onClick={() => setStep(3)}>Back</button>
            <button class="primary big" type="submit" disabled={busy}>Next</button>
          </div>
        </form>
      )}

      {step === 5 && (
        <div>
          <Card title="Your rope">
            {advice ? <RopeAdviceView advice={advice} /> : <p>Rope advice appears here once your profile is saved.</p>}
          </Card>
          <button class="primary big" type="button" onClick={() => go('today')}>
            Go to today's check-in
          </button>
        </div>
      )}
    </div>
  );
}

export function RopeAdviceView({ advice }: { advice: RopeAdvice }) {
  return (
    <div class="advice">
      {advice.recommendation && <p>{advice.recommendation}</p>}
      {advice.length_cm ? (
        <p>
          <strong>Length: about {advice.length_cm} cm</strong> handle tip to handle tip. {advice.length_note}
        </p>
      ) : null}
      {advice.about_owned && <p>{advice.about_owned}</p>}
      {advice.surface && <p>Where: {advice.surface}</p>}
      {advice.shoes && <p>Shoes: {advice.shoes}</p>}
      {advice.avoid && advice.avoid.length > 0 && (
        <ul>
          {advice.avoid.map((a) => (
            <li>{a}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
