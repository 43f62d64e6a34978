// Charts drawn with uPlot, plus the plain-HTML traffic-light strip and session calendar.
import { useEffect, useRef } from 'preact/hooks';
import { useThemeVersion } from './theme';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { HistoryDay, Light, Progress } from './api';
import { formatNumber } from './words';
import { chartWords as w } from './charts.words';

export function toUnix(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 1000;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export function Chart(props: {
  label: string;
  x: number[];
  series: { label: string; values: (number | null)[]; bars?: boolean; color?: string }[];
  yMax?: number;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeVersion();
  useEffect(() => {
    const el = box.current;
    if (!el || typeof window === 'undefined' || !props.x.length) return;
    const fg = cssVar('--fg', '#222');
    const grid = cssVar('--line', '#ddd');
    const accent = cssVar('--accent', '#1f6f5c');
    const xMin = Math.min(...props.x) - 3.5 * 86400;
    const xMax = Math.max(...props.x) + 3.5 * 86400;
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: props.height ?? 200,
      // With a single point uPlot's legend has nothing to follow ("Time: --"): the key below names the series instead.
      legend: { show: props.series.length > 1 && props.x.length > 1 },
      cursor: { drag: { x: false, y: false } },
      // A little room either side, so a single day or week does not stretch over years.
      scales: { x: { time: true, auto: false, range: [xMin, xMax] }, y: props.yMax !== undefined ? { range: [0, props.yMax] } : { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] } },
      // Days and numbers as the reader writes them ("4 Dec", "0.25"), with room for the widest.
      axes: [
        { ...axis, values: (_u, splits) => splits.map(w.axisDay) },
        { ...axis, size: 44, values: (_u, splits) => splits.map((v) => formatNumber(v, 2)) },
      ],
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label,
          stroke: s.color ?? accent,
          width: 2,
          fill: s.bars ? (s.color ?? accent) + '99' : undefined,
          points: { show: true, size: 6 },
          paths: s.bars ? uPlot.paths.bars!({ size: [0.6, 40] }) : undefined,
        })),
      ],
    };
    const plot = new uPlot(opts, [props.x, ...props.series.map((s) => s.values)] as uPlot.AlignedData, el);
    plot.setScale('x', { min: xMin, max: xMax });
    const onResize = () => plot.setSize({ width: Math.max(280, el.clientWidth), height: props.height ?? 200 });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      plot.destroy();
    };
  }, [props.x, props.series, theme]);
  if (!props.x.length) return <p class="muted">{w.nothingYet}</p>;
  const key = props.series.length > 1 && props.x.length === 1;
  return (
    <>
      <div ref={box} class="chart" role="img" aria-label={props.label} />
      {key && (
        <p class="muted small chart-key" data-testid="chart-key">
          {props.series
            .map((s) => w.onePoint(s.label, s.values[0] ?? null))
            .join(' · ')}
        </p>
      )}
    </>
  );
}

const lightWord = w.light;

export function LightStrip({ lights }: { lights: Progress['traffic_lights'] }) {
  if (!lights.length) return <p class="muted">{w.lightsLater}</p>;
  return (
    <ol class="lights" aria-label={w.lightsLabel}>
      {lights.map((l) => (
        <li class={'light-' + l.light} title={`${l.date}: ${lightWord[l.light]}`}>
          <span class="dot" aria-hidden="true" />
          <span class="sr-only">
            {l.date}: {lightWord[l.light]}
          </span>
          <small aria-hidden="true">{l.date.slice(5)}</small>
        </li>
      ))}
    </ol>
  );
}

// A month grid; days with a session are filled, days with only a check-in are outlined. With
// `onSelect`, a recorded day is a button that opens it.
export function Calendar({ days, month, selected, onSelect }: { days: HistoryDay[]; month: string; selected?: string | null; onSelect?: (date: string) => void }) {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const byDate = new Map(days.map((d) => [d.date, d]));
  const cells = [];
  for (let i = 0; i < lead; i++) cells.push(<span class="cal-empty" />);
  for (let d = 1; d <= count; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    const day = byDate.get(date);
    const cls = day?.session ? (day.session.stopped === 'sharp_pain' ? 'cal-day stopped' : 'cal-day done') : day ? 'cal-day checked' : 'cal-day';
    const what = day?.session ? w.daySession(day.session.rope_minutes) : day ? w.dayCheckinOnly : w.dayNothing;
    const label = (
      <>
        <span aria-hidden="true">{d}</span>
        <span class="sr-only">
          {date}: {what}
        </span>
      </>
    );
    cells.push(
      day && onSelect ? (
        <button type="button" class={cls} title={`${date}: ${what}`} aria-pressed={selected === date} onClick={() => onSelect(date)}>
          {label}
        </button>
      ) : (
        <span class={cls} title={`${date}: ${what}`}>
          {label}
        </span>
      ),
    );
  }
  const name = first.toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <div class="calendar" aria-label={w.monthLabel(name)}>
      <p>
        <strong>{name}</strong>
      </p>
      <div class="cal-grid">
        {w.weekdays.map((d) => (
          <span class="cal-head" aria-hidden="true">
            {d}
          </span>
        ))}
        {cells}
      </div>
      <p class="muted small">
        <span class="cal-key done" /> {w.keySession} <span class="cal-key checked" /> {w.dayCheckinOnly} <span class="cal-key stopped" /> {w.keyStopped}
      </p>
    </div>
  );
}

// The score of a PEG-3 or PSFS entry, whatever shape the server sends it in.
export function measureScore(e: Record<string, unknown>): number | null {
  if (typeof e.score === 'number') return e.score;
  const peg = (e.peg ?? e) as Record<string, unknown>;
  if (typeof peg.average_pain === 'number')
    return ((peg.average_pain as number) + (peg.enjoyment_interference as number) + (peg.activity_interference as number)) / 3;
  const acts = ((e.psfs as Record<string, unknown> | undefined)?.activities ?? e.activities) as { score: number }[] | undefined;
  if (Array.isArray(acts) && acts.length) return acts.reduce((s, a) => s + a.score, 0) / acts.length;
  return null;
}
