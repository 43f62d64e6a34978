// The signal of a recording: the band between the lowest and highest |a| in each time bin, with a
// mark at each detected landing. Drag across it to zoom in, double-click to zoom out.
import { useEffect, useRef } from 'preact/hooks';
import { useThemeVersion } from './theme';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Analysis } from './api';
import { chartWords as w } from './charts.words';

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export function signalData(a: Analysis): { x: number[]; low: (number | null)[]; high: (number | null)[]; top: number } {
  const { bin_s, low, high } = a.signal;
  const x = low.map((_, i) => Math.round((i + 0.5) * bin_s * 1000) / 1000);
  const top = Math.max(1.5, ...high.filter((v): v is number => v !== null));
  return { x, low, high, top };
}

export function SignalChart({ analysis, height = 220 }: { analysis: Analysis; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeVersion();
  useEffect(() => {
    const el = box.current;
    if (!el || !analysis.signal.low.length) return;
    const { x, low, high, top } = signalData(analysis);
    const fg = cssVar('--fg', '#222');
    const grid = cssVar('--line', '#ddd');
    const accent = cssVar('--accent', '#1f6f5c');
    const mark = cssVar('--mark', '#b3541e');
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    const landings = analysis.events.map((e) => e.t);
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height,
      cursor: { drag: { x: true, y: false } },
      legend: { show: false },
      scales: { x: { time: false }, y: { range: [0, top * 1.08] } },
      axes: [
        { ...axis, values: (_u, ticks) => ticks.map((t) => `${t} s`) },
        { ...axis, size: 44, values: (_u, ticks) => ticks.map((t) => `${t} g`) },
      ],
      series: [
        {},
        { label: w.lowest, stroke: accent, width: 1 },
        { label: w.highest, stroke: accent, width: 1 },
      ],
      bands: [{ series: [2, 1], fill: accent + '55' }],
      hooks: {
        // A thin line and a dot at the top for each landing.
        draw: [
          (u) => {
            const ctx = u.ctx;
            const { left, top: y0, width, height: h } = u.bbox;
            ctx.save();
            ctx.strokeStyle = mark;
            ctx.fillStyle = mark;
            ctx.lineWidth = Math.max(1, devicePixelRatio);
            for (const t of landings) {
              const px = u.valToPos(t, 'x', true);
              if (px < left || px > left + width) continue;
              ctx.globalAlpha = 0.45;
              ctx.beginPath();
              ctx.moveTo(px, y0 + 8 * devicePixelRatio);
              ctx.lineTo(px, y0 + h);
              ctx.stroke();
              ctx.globalAlpha = 1;
              ctx.beginPath();
              ctx.arc(px, y0 + 5 * devicePixelRatio, 3.5 * devicePixelRatio, 0, 2 * Math.PI);
              ctx.fill();
            }
            ctx.restore();
          },
        ],
      },
    };
    const plot = new uPlot(opts, [x, low, high] as uPlot.AlignedData, el);
    const onResize = () => plot.setSize({ width: Math.max(280, el.clientWidth), height });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      plot.destroy();
    };
  }, [analysis, theme]);
  if (!analysis.signal.low.length) return <p class="muted">{w.noSignal}</p>;
  const seconds = Math.round(analysis.input.duration_s);
  return (
    <div
      ref={box}
      class="chart signal"
      role="img"
      aria-label={w.signalLabel(seconds, analysis.events.length)}
    />
  );
}

// Cadence through the set (the server's value for each stretch of time), to show a rhythm that
// drifts or slows with tiredness.
export function CadenceChart({ analysis, height = 140 }: { analysis: Analysis; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeVersion();
  const points = analysis.cadence_over_time.filter((p) => p.per_min > 0);
  useEffect(() => {
    const el = box.current;
    if (!el || points.length < 2) return;
    const fg = cssVar('--fg', '#222');
    const grid = cssVar('--line', '#ddd');
    const color = cssVar('--accent', '#1f6f5c');
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    const top = Math.max(...points.map((p) => p.per_min));
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: { range: [0, Math.ceil((top * 1.15) / 10) * 10] } },
        axes: [
          { ...axis, values: (_u, ticks) => ticks.map((t) => `${t} s`) },
          { ...axis, size: 44 },
        ],
        series: [{}, { label: w.cadenceSeries, stroke: color, width: 2, points: { show: true, size: 6 } }],
      },
      [points.map((p) => p.t), points.map((p) => p.per_min)] as uPlot.AlignedData,
      el,
    );
    const onResize = () => plot.setSize({ width: Math.max(280, el.clientWidth), height });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      plot.destroy();
    };
  }, [analysis, theme]);
  if (points.length < 2) return null;
  const first = Math.round(points[0].per_min);
  const last = Math.round(points[points.length - 1].per_min);
  return (
    <>
      <h3>{w.cadenceTitle}</h3>
      <div ref={box} class="chart" role="img" aria-label={w.cadenceLabel(first, last)} />
    </>
  );
}
