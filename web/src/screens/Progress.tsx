// Progress: pain over time, rope minutes a week, traffic lights, PEG-3 and PSFS with meaningful
// change, and a calendar of sessions. Also used read-only by the clinician view.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, localToday, type Change, type HistoryDay, type Plan, type Progress as ProgressData, type Recording, type RecordingItem } from '../api';
import { Calendar, Chart, LightStrip, measureScore, toUnix } from '../charts';
import { fitWords } from '../fit.words';
import { FitButton } from '../fitButton';
import { Card, ErrorText, Scale, errorMessage } from '../ui';
import { dateWords, feelWords } from '../words';
import { progressWords as w } from './Progress.words';

function ChangeNote({ change }: { change?: Change | null }) {
  if (!change) return null;
  const cls = change.direction === 'improved' ? 'ok-text' : change.direction === 'worse' ? 'warn-text' : 'muted';
  const word = change.direction === 'improved' ? w.change.improved : change.direction === 'worse' ? w.change.worse : w.change.none;
  return (
    <p class={'change ' + cls}>
      <strong>{word}</strong>
      {change.explanation ? `: ${change.explanation}` : ''}
    </p>
  );
}

// Jumps a day (all recordings of the day together) and the day's cadence, weighted by jumps.
export function jumpDays(recordings: RecordingItem[]): { date: string; jumps: number; cadence: number | null }[] {
  const by = new Map<string, { jumps: number; weighted: number; counted: number }>();
  for (const r of recordings) {
    const d = by.get(r.date) ?? { jumps: 0, weighted: 0, counted: 0 };
    d.jumps += r.jumps;
    if (r.cadence_per_min > 0 && r.jumps > 0) {
      d.weighted += r.cadence_per_min * r.jumps;
      d.counted += r.jumps;
    }
    by.set(r.date, d);
  }
  return [...by]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, d]) => ({ date, jumps: d.jumps, cadence: d.counted ? Math.round((d.weighted / d.counted) * 10) / 10 : null }));
}

function JumpCharts({ recordings }: { recordings: RecordingItem[] }) {
  const data = useMemo(() => {
    const days = jumpDays(recordings);
    const x = days.map((d) => toUnix(d.date));
    return {
      days,
      jumps: { x, series: [{ label: w.jumpsSeries, values: days.map((d) => d.jumps), bars: true }] },
      cadence: { x, series: [{ label: w.cadenceSeries, values: days.map((d) => d.cadence), color: '#2b6cb0' }] },
    };
  }, [recordings]);
  if (!recordings.length)
    return (
      <p class="muted">
        {w.noRecordingsBefore}
        <a href="#/recordings">{w.recordingsLink}</a>
        {w.noRecordingsAfter}
      </p>
    );
  const last = data.days[data.days.length - 1];
  return (
    <>
      <p class="muted" data-testid="jump-summary">
        {w.jumpSummary(recordings.length, dateWords(last.date), last.jumps, last.cadence)}
      </p>
      <h3>{w.jumpsTitle}</h3>
      <Chart label={w.jumpsLabel} x={data.jumps.x} series={data.jumps.series} />
      <h3>{w.cadenceTitle}</h3>
      <Chart label={w.cadenceLabel} x={data.cadence.x} series={data.cadence.series} />
    </>
  );
}

// Form over time from what each session's recordings measured, as the engine read it: height,
// landing peak and trips a minute of jumping, one point per session with a recording.
export function formDays(days: HistoryDay[]): { date: string; height: number | null; impact: number | null; tripsPerMinute: number | null; cadence: number | null }[] {
  return days
    .filter((d) => d.session?.measured && d.session.measured.jumps > 0)
    .map((d) => {
      const m = d.session!.measured!;
      const round1 = (v: number) => Math.round(v * 10) / 10;
      return {
        date: d.date,
        height: m.height_cm ?? null,
        impact: m.impact_g ?? null,
        tripsPerMinute: m.trips !== undefined && m.active_seconds > 0 ? round1(m.trips / (m.active_seconds / 60)) : null,
        cadence: m.cadence_per_min ?? null,
      };
    });
}

function FormCharts({ days }: { days: HistoryDay[] }) {
  const data = useMemo(() => {
    const form = formDays(days);
    const x = form.map((f) => toUnix(f.date));
    return {
      count: form.length,
      height: { x, series: [{ label: w.heightSeries, values: form.map((f) => f.height), color: '#2b6cb0' }, { label: w.impactSeries, values: form.map((f) => f.impact), color: '#b3541e' }] },
      trips: { x, series: [{ label: w.tripsSeries, values: form.map((f) => f.tripsPerMinute), bars: true }] },
    };
  }, [days]);
  if (data.count === 0) return <p class="muted">{w.noForm}</p>;
  return (
    <>
      <p class="muted" data-testid="form-count">
        {w.formCount(data.count)}
      </p>
      <Chart label={w.heightLabel} x={data.height.x} series={data.height.series} />
      <h3>{w.tripsTitle}</h3>
      <Chart label={w.tripsLabel} x={data.trips.x} series={data.trips.series} />
    </>
  );
}

// One day opened from the calendar: the check-in, the session and what its recordings measured
// against the planned pace, and that day's plan with the reasons the engine gave for it.
// With `recordingFor` (the person's own view) the day's rope session can be exported to FIT.
export function DayDetail({ day, planFor, recordings, recordingFor }: { day: HistoryDay; planFor: (date: string) => Promise<Plan>; recordings?: RecordingItem[] | null; recordingFor?: (id: number) => Promise<Recording> }) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setPlan(null);
    setError(null);
    planFor(day.date).then(
      (p) => current && setPlan(p),
      (e) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [day.date]);
  const s = day.session;
  const recorded = (recordings ?? []).filter((r) => r.date === day.date && r.jumps > 0);
  const exportable = recordingFor && ((s && s.rope_minutes > 0) || recorded.length > 0);
  return (
    <section class="day-detail" aria-label={w.dayLabel(day.date)} data-testid="day-detail">
      <h3>{dateWords(day.date)}</h3>
      <p>{w.dayCheckin(day.checkin.pain, feelWords[day.checkin.feel])}</p>
      {s ? (
        <p>{w.daySession(s.rope_minutes, s.stopped === 'sharp_pain', s.pain_during_max, s.pain_after, typeof day.next_morning_pain === 'number' ? day.next_morning_pain : null)}</p>
      ) : (
        <p>{w.noSession}</p>
      )}
      {day.measured_words && <p data-testid="day-measured">{day.measured_words}</p>}
      {plan && (
        <>
          <h4>{w.dayPlanTitle}</h4>
          <ul data-testid="day-reasons">
            {plan.reasons.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      )}
      {exportable && (
        <FitButton
          activity={async (fit) => fit.activityFromSession(day, await Promise.all(recorded.map((r) => recordingFor!(r.id))))}
          fileName={fitWords.sessionFile(day.date)}
        />
      )}
      <ErrorText error={error} />
    </section>
  );
}

export function ProgressView({ progress, days, title, recordings, planFor, recordingFor }: { progress: ProgressData; days: HistoryDay[]; title?: string; recordings?: RecordingItem[] | null; planFor?: (date: string) => Promise<Plan>; recordingFor?: (id: number) => Promise<Recording> }) {
  const [opened, setOpened] = useState<string | null>(null);
  const openedDay = days.find((d) => d.date === opened);
  const pain = useMemo(
    () => ({ x: progress.pain.map((p) => toUnix(p.date)), series: [{ label: w.painSeries, values: progress.pain.map((p) => p.pain) }] }),
    [progress],
  );
  const rope = useMemo(
    () => ({
      x: progress.rope_weeks.map((w) => toUnix(w.week_start)),
      series: [{ label: w.ropeSeries, values: progress.rope_weeks.map((w) => w.rope_minutes), bars: true }],
    }),
    [progress],
  );
  const measures = useMemo(() => {
    const dates = [...new Set([...progress.peg.map((e) => e.date), ...progress.psfs.map((e) => e.date)])].sort();
    const at = (list: { date: string }[], d: string) => {
      const e = list.find((x) => x.date === d);
      return e ? measureScore(e as Record<string, unknown>) : null;
    };
    return {
      x: dates.map(toUnix),
      series: [
        { label: w.pegSeries, values: dates.map((d) => at(progress.peg, d)), color: '#b3541e' },
        { label: w.psfsSeries, values: dates.map((d) => at(progress.psfs, d)), color: '#2b6cb0' },
      ],
    };
  }, [progress]);
  const months = [...new Set(days.map((d) => d.date.slice(0, 7)))].sort();
  const month = months[months.length - 1] ?? new Date().toISOString().slice(0, 7);
  const sessions = days.filter((d) => d.session).length;

  return (
    <div class="progress">
      {title && <h2>{title}</h2>}
      <p class="muted" data-testid="session-count">
        {w.sessionCount(days.length, sessions)}
      </p>
      <Card title={w.painCard}>
        <Chart label={w.painLabel} x={pain.x} series={pain.series} yMax={10} />
        <ChangeNote change={progress.pain_change} />
      </Card>
      <Card title={w.ropeCard}>
        <Chart label={w.ropeLabel} x={rope.x} series={rope.series} />
      </Card>
      {recordings && (
        <Card title={w.jumpsCard}>
          <JumpCharts recordings={recordings} />
        </Card>
      )}
      <Card title={w.formCard}>
        <FormCharts days={days} />
      </Card>
      <Card title={w.lightsCard}>
        <LightStrip lights={progress.traffic_lights} />
      </Card>
      <Card title={w.measuresCard}>
        <Chart label={w.measuresLabel} x={measures.x} series={measures.series} yMax={10} />
        <ChangeNote change={progress.peg_change} />
        <ChangeNote change={progress.psfs_change} />
      </Card>
      <Card title={w.calendarCard}>
        <Calendar days={days} month={month} selected={opened} onSelect={planFor ? (d) => setOpened(d === opened ? null : d) : undefined} />
        {planFor && !openedDay && <p class="muted small">{w.tapADay}</p>}
        {planFor && openedDay && <DayDetail key={openedDay.date} day={openedDay} planFor={planFor} recordings={recordings} recordingFor={recordingFor} />}
      </Card>
    </div>
  );
}

function PegForm({ onSaved }: { onSaved: () => void }) {
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  const [c, setC] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  return (
    <form
      class="card"
      aria-label="PEG-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (a === null || b === null || c === null) return setError(w.pegAnswerAll);
        setError(null);
        try {
          const r = await api.addPeg({ average_pain: a, enjoyment_interference: b, activity_interference: c });
          setNote(r.change?.explanation ?? w.pegFirst(r.score));
          onSaved();
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <h2>{w.pegTitle}</h2>
      <Scale label={w.pegPain} name="peg_pain" value={a} onChange={setA} low={w.scaleNone} high={w.scaleWorst} />
      <Scale label={w.pegEnjoyment} name="peg_enjoyment" value={b} onChange={setB} low={w.scaleNotAtAll} high={w.scaleCompletely} />
      <Scale label={w.pegActivity} name="peg_activity" value={c} onChange={setC} low={w.scaleNotAtAll} high={w.scaleCompletely} />
      <ErrorText error={error} />
      {note && <p role="status">{note}</p>}
      <button type="submit" class="primary">{w.pegSave}</button>
    </form>
  );
}

// Re-rate the PSFS activities named at the start (the latest entry's names), to see change.
function PsfsForm({ onSaved }: { onSaved: () => void }) {
  const [acts, setActs] = useState<{ name: string; score: number | null }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    api
      .measures()
      .then((m) => {
        const last = m.psfs[m.psfs.length - 1] as { psfs?: { activities?: { name: string }[] }; activities?: { name: string }[] } | undefined;
        const names = (last?.psfs?.activities ?? last?.activities ?? []).map((a) => a.name);
        setActs(names.map((name) => ({ name, score: null })));
      })
      .catch((e) => setError(errorMessage(e)));
  }, []);
  if (!acts) return <ErrorText error={error} />;
  if (!acts.length) return <p class="muted">{w.psfsNoActivities}</p>;
  return (
    <form
      class="card"
      aria-label="PSFS"
      onSubmit={async (e) => {
        e.preventDefault();
        if (acts.some((a) => a.score === null)) return setError(w.psfsRateAll);
        setError(null);
        try {
          const r = await api.addPsfs({ activities: acts.map((a) => ({ name: a.name, score: a.score! })) });
          setNote(r.change?.explanation ?? w.psfsRecorded(r.score));
          onSaved();
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <h2>{w.psfsTitle}</h2>
      {acts.map((a, i) => (
        <Scale
          label={w.psfsHowWell(a.name)}
          name={`psfs_${i}`}
          value={a.score}
          onChange={(v) => setActs((xs) => xs!.map((x, j) => (j === i ? { ...x, score: v } : x)))}
          low={w.scaleUnable}
          high={w.scaleAsBefore}
        />
      ))}
      <ErrorText error={error} />
      {note && <p role="status">{note}</p>}
      <button type="submit" class="primary">{w.psfsSave}</button>
    </form>
  );
}

export default function Progress() {
  const [data, setData] = useState<{ progress: ProgressData; days: HistoryDay[]; recordings: RecordingItem[] | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    // Recordings are extra: the rest of Progress shows even when they cannot be loaded.
    Promise.all([api.progress(localToday()), api.history(localToday()), api.recordings().then((r) => r.recordings, () => null)])
      .then(([progress, h, recordings]) => setData({ progress, days: h.days, recordings }))
      .catch((e) => setError(errorMessage(e)));
  useEffect(() => {
    void load();
  }, []);
  return (
    <div>
      <h1>{w.title}</h1>
      <ErrorText error={error} />
      {!data && !error && <p class="muted">{w.loading}</p>}
      {data && <ProgressView progress={data.progress} days={data.days} recordings={data.recordings} planFor={api.planOn} recordingFor={api.recording} />}
      <details class="card">
        <summary>{w.pegOpen}</summary>
        <PegForm onSaved={() => void load()} />
      </details>
      <details class="card">
        <summary>{w.psfsOpen}</summary>
        <PsfsForm onSaved={() => void load()} />
      </details>
    </div>
  );
}
