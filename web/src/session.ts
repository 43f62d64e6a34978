// Turns a plan into the steps of the session player: warm-up, rope rounds, main stretches and
// cool-down, each with its length in seconds.
import type { CatalogItem, Plan } from './api';

export type Step =
  | { kind: 'hold'; id: string; name: string; seconds: number; side?: 'left' | 'right'; phase: string }
  | { kind: 'rope'; round: number; rounds: number; seconds: number; cadence: number; skill: string }
  | { kind: 'rest'; round: number; rounds: number; seconds: number };

const DEFAULT_HOLD = 30;

function holds(ids: string[], catalog: Map<string, CatalogItem>, phase: string): Step[] {
  const out: Step[] = [];
  for (const id of ids) {
    const item = catalog.get(id);
    const seconds = item?.hold_seconds ?? DEFAULT_HOLD;
    const name = item?.name ?? id.replace(/_/g, ' ');
    if (item?.each_side) {
      out.push({ kind: 'hold', id, name, seconds, side: 'right', phase });
      out.push({ kind: 'hold', id, name, seconds, side: 'left', phase });
    } else {
      out.push({ kind: 'hold', id, name, seconds, phase });
    }
  }
  return out;
}

export function buildSteps(plan: Plan, catalog: Map<string, CatalogItem>): Step[] {
  const s = plan.stretch ?? { warm_up: [], main: [], cool_down: [], items: [], minutes: 0 };
  const sorted = (s.warm_up?.length ?? 0) + (s.main?.length ?? 0) + (s.cool_down?.length ?? 0) > 0;
  const steps: Step[] = [...holds(sorted ? s.warm_up ?? [] : [], catalog, 'Warm-up')];
  const rope = plan.rope;
  if (rope && rope.rounds > 0) {
    for (let r = 1; r <= rope.rounds; r++) {
      steps.push({ kind: 'rope', round: r, rounds: rope.rounds, seconds: rope.work_seconds, cadence: rope.cadence_per_min, skill: rope.skill });
      if (r < rope.rounds && rope.rest_seconds > 0) steps.push({ kind: 'rest', round: r, rounds: rope.rounds, seconds: rope.rest_seconds });
    }
  }
  steps.push(...holds(sorted ? s.main ?? [] : s.items ?? [], catalog, 'Main'));
  steps.push(...holds(sorted ? s.cool_down ?? [] : [], catalog, 'Cool-down'));
  return steps;
}

// Rope time done (work only) in minutes, given the index of the step reached and the seconds spent
// in it.
export function ropeMinutesDone(steps: Step[], index: number, secondsInStep: number): number {
  let secs = 0;
  steps.forEach((st, i) => {
    if (st.kind !== 'rope') return;
    if (i < index) secs += st.seconds;
    else if (i === index) secs += Math.min(st.seconds, secondsInStep);
  });
  return Math.round((secs / 60) * 10) / 10;
}

export function formatSeconds(total: number): string {
  const t = Math.max(0, Math.ceil(total));
  const m = Math.floor(t / 60);
  const s = t % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
