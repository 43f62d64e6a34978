// Progress: pain over time, rope minutes a week, traffic lights, PEG-3 and PSFS with meaningful
// change, and a calendar of sessions. Also used read-only by the clinician view.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, localToday, type Change, type HistoryDay, type Plan, type Progress as ProgressData, type RecordingItem } from '../api';
import { Calendar, Chart, LightStrip, measureScore, toUnix } from '../charts';
import { Card, ErrorText, Scale, errorMessage } from '../ui';
import { count, dateWords, feelWords } from '../words';

function ChangeNote({ change }: { change?: Change | null }) {
  if (!change) return null;
  const cls = change.direction === 'improved' ? 'ok-text' : change.direction === 'worse' ? 'warn-text' : 'muted';
  const word = change.direction === 'improved' ? 'Meaningful improvement' : change.direction === 'worse' ? 'Meaningfully worse' : 'No meaningful change yet';
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
      jumps: { x, series: [{ label: 'Jumps', values: days.map((d) => d.jumps), bars: true }] },
      cadence: { x, series: [{ label: 'Cadence', values: days.map((d) => d.cadence), color: '#2b6cb0' }] },
    };
  }, [recordings]);
  if (!recordings.length)
    return (
      <p class="muted">
        No recordings yet: they come from a phone, uploaded or counted live under <a href="#/recordings">Recordings</a>.
      </p>
    );
  const last = data.days[data.days.length - 1];
  return (
    <>
      <p class="muted" data-testid="jump-summary">
        {count(recordings.length, 'recording')}; latest day {last.date}: {count(last.jumps, 'jump')}{last.cadence ? `, ${Math.round(last.cadence)} a minute` : ''}.
      </p>
      <h3>Jumps a day</h3>
      <Chart label="Jumps recorded each day" x={data.jumps.x} series={data.jumps.series} />
      <h3>Cadence (jumps a minute)</h3>
      <Chart label="Cadence of the recorded jumps each day, jumps a minute" x={data.cadence.x} series={data.cadence.series} />
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
      height: { x, series: [{ label: 'Jump height (cm)', values: form.map((f) => f.height), color: '#2b6cb0' }, { label: 'Landing peak (g)', values: form.map((f) => f.impact), color: '#b3541e' }] },
      trips: { x, series: [{ label: 'Trips a minute', values: form.map((f) => f.tripsPerMinute), bars: true }] },
    };
  }, [days]);
  if (data.count === 0) return <p class="muted">Sessions with a recording show their jump height, landings and trips here.</p>;
  return (
    <>
      <p class="muted" data-testid="form-count">
        {data.count} {data.count === 1 ? 'session' : 'sessions'} with a recording. The plan after each one says what it changed.
      </p>
      <Chart label="Median jump height in centimetres and landing peak in g, per session" x={data.height.x} series={data.height.series} />
      <h3>Trips a minute of jumping</h3>
      <Chart label="Trips a minute of jumping, per session" x={data.trips.x} series={data.trips.series} />
    </>
  );
}

// One day opened from the calendar: the check-in, the session and what its recordings measured
// against the planned pace, and that day's plan with the reasons the engine gave for it.
export function DayDetail({ day, planFor }: { day: HistoryDay; planFor: (date: string) => Promise<Plan> }) {
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
  return (
    <section class="day-detail" aria-label={`The day ${day.date}`} data-testid="day-detail">
      <h3>{dateWords(day.date)}</h3>
      <p>
        Check-in: pain {day.checkin.pain}/10, {feelWords[day.checkin.feel].toLowerCase()}.
      </p>
      {s ? (
        <p>
          Session: {s.rope_minutes > 0 ? `${s.rope_minutes} min of rope` : 'no rope'}
          {s.stopped === 'sharp_pain' ? ', stopped for sharp pain' : ''}; pain during {s.pain_during_max}/10, after {s.pain_after}/10
          {typeof day.next_morning_pain === 'number' ? `, next morning ${day.next_morning_pain}/10` : ''}.
        </p>
      ) : (
        <p>No session logged.</p>
      )}
      {day.measured_words && <p data-testid="day-measured">{day.measured_words}</p>}
      {plan && (
        <>
          <h4>That day's plan, and why</h4>
          <ul data-testid="day-reasons">
            {plan.reasons.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      )}
      <ErrorText error={error} />
    </section>
  );
}

export function ProgressView({ progress, days, title, recordings, planFor }: { progress: ProgressData; days: HistoryDay[]; title?: string; recordings?: RecordingItem[] | null; planFor?: (date: string) => Promise<Plan> }) {
  const [opened, setOpened] = useState<string | null>(null);
  const openedDay = days.find((d) => d.date === opened);
  const pain = useMemo(
    () => ({ x: progress.pain.map((p) => toUnix(p.date)), series: [{ label: 'Pain', values: progress.pain.map((p) => p.pain) }] }),
    [progress],
  );
  const rope = useMemo(
    () => ({
      x: progress.rope_weeks.map((w) => toUnix(w.week_start)),
      series: [{ label: 'Rope minutes', values: progress.rope_weeks.map((w) => w.rope_minutes), bars: true }],
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
        { label: 'PEG-3 (lower is better)', values: dates.map((d) => at(progress.peg, d)), color: '#b3541e' },
        { label: 'PSFS (higher is better)', values: dates.map((d) => at(progress.psfs, d)), color: '#2b6cb0' },
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
        {count(days.length, 'check-in')}, {count(sessions, 'session')} logged.
      </p>
      <Card title="Pain at check-in">
        <Chart label="Pain at each check-in, 0 to 10" x={pain.x} series={pain.series} yMax={10} />
        <ChangeNote change={progress.pain_change} />
      </Card>
      <Card title="Rope minutes per week">
        <Chart label="Rope minutes each week" x={rope.x} series={rope.series} />
      </Card>
      {recordings && (
        <Card title="Jumps and cadence from recordings">
          <JumpCharts recordings={recordings} />
        </Card>
      )}
      <Card title="Form from recorded sessions">
        <FormCharts days={days} />
      </Card>
      <Card title="How the back responded to rope">
        <LightStrip lights={progress.traffic_lights} />
      </Card>
      <Card title="PEG-3 and activities (PSFS)">
        <Chart label="PEG-3 and PSFS scores, 0 to 10" x={measures.x} series={measures.series} yMax={10} />
        <ChangeNote change={progress.peg_change} />
        <ChangeNote change={progress.psfs_change} />
      </Card>
      <Card title="Calendar">
        <Calendar days={days} month={month} selected={opened} onSelect={planFor ? (d) => setOpened(d === opened ? null : d) : undefined} />
        {planFor && !openedDay && <p class="muted small">Tap a day to see what was done and why that day's plan was what it was.</p>}
        {planFor && openedDay && <DayDetail key={openedDay.date} day={openedDay} planFor={planFor} />}
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
        if (a === null || b === null || c === null) return setError('Answer all three questions.');
        setError(null);
        try {
          const r = await api.addPeg({ average_pain: a, enjoyment_interference: b, activity_interference: c });
          setNote(r.change?.explanation ?? `Recorded: ${r.score.toFixed(1)} (your starting point).`);
          onSaved();
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <h2>Weekly PEG-3</h2>
      <Scale label="Average pain in the past week" name="peg_pain" value={a} onChange={setA} low="0 none" high="10 worst" />
      <Scale label="How much pain got in the way of enjoying life" name="peg_enjoyment" value={b} onChange={setB} low="0 not at all" high="10 completely" />
      <Scale label="How much pain got in the way of your general activity" name="peg_activity" value={c} onChange={setC} low="0 not at all" high="10 completely" />
      <ErrorText error={error} />
      {note && <p role="status">{note}</p>}
      <button type="submit" class="primary">Save PEG-3</button>
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
  if (!acts.length) return <p class="muted">Name your activities during setup (Settings, then update profile) to track them here.</p>;
  return (
    <form
      class="card"
      aria-label="PSFS"
      onSubmit={async (e) => {
        e.preventDefault();
        if (acts.some((a) => a.score === null)) return setError('Rate every activity from 0 to 10.');
        setError(null);
        try {
          const r = await api.addPsfs({ activities: acts.map((a) => ({ name: a.name, score: a.score! })) });
          setNote(r.change?.explanation ?? `Recorded: ${r.score.toFixed(1)}.`);
          onSaved();
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <h2>Your activities (PSFS)</h2>
      {acts.map((a, i) => (
        <Scale
          label={`${a.name}: how well today`}
          name={`psfs_${i}`}
          value={a.score}
          onChange={(v) => setActs((xs) => xs!.map((x, j) => (j === i ? { ...x, score: v } : x)))}
          low="0 unable"
          high="10 as before"
        />
      ))}
      <ErrorText error={error} />
      {note && <p role="status">{note}</p>}
      <button type="submit" class="primary">Save activities</button>
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
      <h1>Progress</h1>
      <ErrorText error={error} />
      {!data && !error && <p class="muted">Loading…</p>}
      {data && <ProgressView progress={data.progress} days={data.days} recordings={data.recordings} planFor={api.planOn} />}
      <details class="card">
        <summary>Record this week's PEG-3</summary>
        <PegForm onSaved={() => void load()} />
      </details>
      <details class="card">
        <summary>Rate your activities again (PSFS)</summary>
        <PsfsForm onSaved={() => void load()} />
      </details>
    </div>
  );
}
