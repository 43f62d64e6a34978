// First run: profile, what aggravates the back, the safety screen and its outcome, PSFS
// activities, and rope advice.
import { useEffect, useState } from 'preact/hooks';
import { api, localToday, type Aggravator, type RopeAdvice, type RopeExperience, type RopeOwned, type ScreenSummary } from '../api';
import { SafetyQuestions, ScreenOutcome, screenAllowsExercise } from './Screen';
import { useApp } from '../state';
import { Card, Choice, ErrorText, errorMessage } from '../ui';
import { aggravatorWords, experienceWords, ropeWords } from '../words';
import { onboardingWords as w } from './Onboarding.words';

const STEPS = w.steps;

// What has been answered so far, kept in the tab's session storage, so leaving for another screen
// (or a reload) and coming back loses nothing. Cleared when the setup is done.
interface Draft {
  step: number;
  birthYear: string;
  height: string;
  experience: RopeExperience | null;
  rope: RopeOwned | null;
  aggravators: Aggravator[];
  summary: ScreenSummary | null;
  // Each score as typed: it is checked, never adjusted (see scoreOf).
  activities: Activity[];
  advice: RopeAdvice | null;
}
interface Activity {
  name: string;
  score: string;
}

// A PSFS score is a whole number from 0 to 10; anything else is refused, not clamped or rounded.
export function scoreOf(typed: string): number | 'missing' | 'invalid' {
  const text = typed.trim();
  if (text === '') return 'missing';
  if (!/^\d{1,2}$/.test(text)) return 'invalid';
  const n = Number(text);
  return n <= 10 ? n : 'invalid';
}

const emptyDraft = (): Draft => ({
  step: 0,
  birthYear: '',
  height: '',
  experience: null,
  rope: null,
  aggravators: [],
  summary: null,
  activities: [
    { name: '', score: '' },
    { name: '', score: '' },
    { name: '', score: '' },
  ],
  advice: null,
});
const draftKey = (accountId: number | undefined) => `bb.onboarding.${accountId ?? 0}`;
function loadDraft(accountId: number | undefined): Draft {
  try {
    const kept = JSON.parse(sessionStorage.getItem(draftKey(accountId)) ?? 'null') as Partial<Draft> | null;
    const draft = { ...emptyDraft(), ...(kept ?? {}) };
    // A draft kept before scores were kept as typed holds numbers or null.
    draft.activities = draft.activities.map((a) => ({ name: String(a.name ?? ''), score: a.score === null || a.score === undefined ? '' : String(a.score) }));
    // A step that needs a server answer not kept falls back to the step that fetches it.
    if (draft.step === 3 && !draft.summary) draft.step = 2;
    return draft;
  } catch {
    return emptyDraft();
  }
}

export function Onboarding() {
  const { go, account } = useApp();
  const [initial] = useState(() => loadDraft(account?.id));
  const [step, setStep] = useState(initial.step);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [birthYear, setBirthYear] = useState(initial.birthYear);
  const [height, setHeight] = useState(initial.height);
  const [experience, setExperience] = useState<RopeExperience | null>(initial.experience);
  const [rope, setRope] = useState<RopeOwned | null>(initial.rope);
  const [aggravators, setAggravators] = useState<Aggravator[]>(initial.aggravators);
  const [summary, setSummary] = useState<ScreenSummary | null>(initial.summary);
  const [activities, setActivities] = useState<Activity[]>(initial.activities);
  const [advice, setAdvice] = useState<RopeAdvice | null>(initial.advice);

  useEffect(() => {
    const draft: Draft = { step, birthYear, height, experience, rope, aggravators, summary, activities, advice };
    try {
      sessionStorage.setItem(draftKey(account?.id), JSON.stringify(draft));
    } catch {
      // Without storage the answers last as long as the screen.
    }
  }, [step, birthYear, height, experience, rope, aggravators, summary, activities, advice]);

  // Resume where the person left off: the profile may be saved and only the screen missing.
  useEffect(() => {
    api
      .today(localToday())
      .then((t) => {
        if (t.state === 'needs_screen') setStep((s) => (s === 0 ? 2 : s));
      })
      .catch(() => {});
  }, []);

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
    if (!experience || !rope) return setError(w.answerRope);
    if (!Number.isInteger(by) || by < 1900) return setError(w.birthYearFormat);
    if (!Number.isInteger(h) || h < 90 || h > 250) return setError(w.heightRange);
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

  function savePsfs(e: Event) {
    e.preventDefault();
    const bad = activities.findIndex((a) => scoreOf(a.score) === 'invalid');
    if (bad >= 0) {
      document.querySelector<HTMLInputElement>(`input[name=activity_score_${bad}]`)?.focus();
      return setError(w.fixScore);
    }
    const filled = activities.filter((a) => a.name.trim());
    if (filled.length < 3) return setError(w.nameThree);
    if (filled.some((a) => scoreOf(a.score) === 'missing')) return setError(w.rateEach);
    void run(async () => {
      await api.addPsfs({ activities: filled.map((a) => ({ name: a.name.trim(), score: scoreOf(a.score) as number })) });
      setAdvice(await api.ropeAdvice().catch(() => null));
      setStep(5);
    });
  }

  const toggle = (a: Aggravator) =>
    setAggravators((xs) => (xs.includes(a) ? xs.filter((x) => x !== a) : [...xs, a]));

  return (
    <div>
      <p class="muted" aria-live="polite">
        {w.stepOf(step + 1, STEPS.length, STEPS[step])}
      </p>
      <progress max={STEPS.length} value={step + 1} aria-label={w.progress} />

      {step === 0 && (
        <form class="card" onSubmit={saveProfile}>
          <h1>{w.aboutTitle}</h1>
          <label>
            {w.birthYear}
            <input name="birth_year" inputMode="numeric" autoComplete="bday-year" value={birthYear} onInput={(e) => setBirthYear(e.currentTarget.value)} />
          </label>
          <label>
            {w.height}
            <input name="height_cm" inputMode="numeric" value={height} onInput={(e) => setHeight(e.currentTarget.value)} />
            <small class="muted">{w.heightHint}</small>
          </label>
          <Choice label={w.ropeBefore} name="experience" value={experience} options={Object.entries(experienceWords) as [RopeExperience, string][]} onChange={setExperience} />
          <Choice label={w.ropeOwned} name="rope" value={rope} options={Object.entries(ropeWords) as [RopeOwned, string][]} onChange={setRope} />
          <ErrorText error={error} />
          <button class="primary big" type="submit">{w.next}</button>
        </form>
      )}

      {step === 1 && (
        <form class="card" onSubmit={saveAggravators}>
          <h1>{w.worseTitle}</h1>
          <p class="muted">{w.worseHint}</p>
          <fieldset class="checks">
            <legend class="sr-only">{w.worseLegend}</legend>
            {(Object.entries(aggravatorWords) as [Aggravator, string][]).map(([id, text]) => (
              <label class={aggravators.includes(id) ? 'choice-opt on' : 'choice-opt'}>
                <input type="checkbox" name="aggravated_by" value={id} checked={aggravators.includes(id)} onChange={() => toggle(id)} />
                <span>{text}</span>
              </label>
            ))}
          </fieldset>
          <ErrorText error={error} />
          <div class="row">
            <button type="button" onClick={() => setStep(0)}>{w.back}</button>
            <button class="primary big" type="submit" disabled={busy}>{w.next}</button>
          </div>
        </form>
      )}

      {step === 2 && (
        <SafetyQuestions
          onBack={() => setStep(1)}
          onTaken={(taken) => {
            setSummary(taken);
            setStep(3);
          }}
        />
      )}

      {step === 3 && summary && (
        <div>
          <ScreenOutcome summary={summary} onChange={setSummary} onRetake={() => setStep(2)} />
          {/* A red flag ends the setup here: an urgent answer for good, a clinician's one until the clearance is recorded. */}
          {screenAllowsExercise(summary) && (
            <button class="primary big" type="button" onClick={() => setStep(4)}>
              {w.next}
            </button>
          )}
        </div>
      )}

      {step === 4 && (
        <form class="card" onSubmit={savePsfs}>
          <h1>{w.activitiesTitle}</h1>
          <p class="muted">{w.activitiesIntro}</p>
          {activities.map((a, i) => {
            const invalid = scoreOf(a.score) === 'invalid';
            return (
              <div class="activity">
                <label>
                  {w.activity(i + 1)}
                  <input name={`activity_${i}`} value={a.name} maxLength={80} onInput={(e) => setActivities((xs) => xs.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))} />
                </label>
                <label>
                  {w.howWell}
                  {/* Text, not type=number: a browser empties a number field it cannot read, so the
                      mistake could not be named. */}
                  <input
                    name={`activity_score_${i}`}
                    inputMode="numeric"
                    value={a.score}
                    aria-invalid={invalid ? 'true' : undefined}
                    aria-describedby={invalid ? `activity_score_${i}_error` : undefined}
                    onInput={(e) => {
                      const v = e.currentTarget.value;
                      setActivities((xs) => xs.map((x, j) => (j === i ? { ...x, score: v } : x)));
                      setError(null);
                    }}
                  />
                </label>
                {invalid && (
                  <p class="error" id={`activity_score_${i}_error`}>
                    {w.scoreWhole}
                  </p>
                )}
              </div>
            );
          })}
          {activities.length < 5 && (
            <button type="button" onClick={() => setActivities((xs) => [...xs, { name: '', score: '' }])}>
              {w.addActivity}
            </button>
          )}
          <ErrorText error={error} />
          <div class="row">
            <button type="button" onClick={() => setStep(3)}>{w.back}</button>
            <button class="primary big" type="submit" disabled={busy}>{w.next}</button>
          </div>
        </form>
      )}

      {step === 5 && (
        <div>
          <Card title={w.ropeTitle}>
            {advice ? <RopeAdviceView advice={advice} /> : <p>{w.ropeLater}</p>}
            {advice?.start && <p data-testid="rope-start">{advice.start}</p>}
          </Card>
          <button
            class="primary big"
            type="button"
            onClick={() => {
              sessionStorage.removeItem(draftKey(account?.id));
              go('today');
            }}
          >
            {w.toCheckin}
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
          <strong>{w.length(advice.length_cm)}</strong>
          {w.lengthTail}
          {advice.length_note}
        </p>
      ) : null}
      {advice.about_owned && <p>{advice.about_owned}</p>}
      {advice.surface && <p>{w.where(advice.surface)}</p>}
      {advice.shoes && <p>{w.shoes(advice.shoes)}</p>}
      {advice.avoid && advice.avoid.length > 0 && (
        <>
        <h3>{w.avoidTitle}</h3>
        <ul class="avoid">
          {advice.avoid.map((a) => (
            <li>{a}</li>
          ))}
        </ul>
        </>
      )}
    </div>
  );
}
