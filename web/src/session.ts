// Turns a plan into the steps of the session player: warm-up, rope rounds, main stretches and
// cool-down. Holds, rope rounds and rests last a number of seconds; a repetition move has no
// timer and waits for the person to say it is done.
import type { CatalogItem, Plan, StopReason } from './api';

export type Step =
  | { kind: 'hold'; id: string; name: string; seconds: number; side?: 'left' | 'right'; phase: string }
  | { kind: 'reps'; id: string; name: string; reps: number; seconds: 0; side?: 'left' | 'right'; phase: string }
  | { kind: 'rope'; round: number; rounds: number; seconds: number; cadence: number; skill: string }
  | { kind: 'rest'; round: number; rounds: number; seconds: number };

const DEFAULT_HOLD = 30;
// A repetition move counts this long toward the session's length shown before it starts.
export const SECONDS_PER_REP = 4;

function moves(ids: string[], catalog: Map<string, CatalogItem>, phase: string): Step[] {
  const out: Step[] = [];
  for (const id of ids) {
    const item = catalog.get(id);
    const name = item?.name ?? id.replace(/_/g, ' ');
    const reps = item?.reps ?? 0;
    const hold = item?.hold_seconds ?? 0;
    const make = (side?: 'left' | 'right'): Step =>
      reps > 0 && hold <= 0
        ? { kind: 'reps', id, name, reps, seconds: 0, side, phase }
        : { kind: 'hold', id, name, seconds: hold > 0 ? hold : DEFAULT_HOLD, side, phase };
    if (item?.each_side) out.push(make('right'), make('left'));
    else out.push(make());
  }
  return out;
}

export function buildSteps(plan: Plan, catalog: Map<string, CatalogItem>): Step[] {
  const s = plan.stretch ?? { warm_up: [], main: [], cool_down: [], items: [], minutes: 0 };
  const sorted = (s.warm_up?.length ?? 0) + (s.main?.length ?? 0) + (s.cool_down?.length ?? 0) > 0;
  const steps: Step[] = [...moves(sorted ? s.warm_up ?? [] : [], catalog, 'Warm-up')];
  const rope = plan.rope;
  if (rope && rope.rounds > 0) {
    for (let r = 1; r <= rope.rounds; r++) {
      steps.push({ kind: 'rope', round: r, rounds: rope.rounds, seconds: rope.work_seconds, cadence: rope.cadence_per_min, skill: rope.skill });
      if (r < rope.rounds && rope.rest_seconds > 0) steps.push({ kind: 'rest', round: r, rounds: rope.rounds, seconds: rope.rest_seconds });
    }
  }
  steps.push(...moves(sorted ? s.main ?? [] : s.items ?? [], catalog, 'Main'));
  steps.push(...moves(sorted ? s.cool_down ?? [] : [], catalog, 'Cool-down'));
  return steps;
}

// The expected length of a step in seconds, for the overview before the session starts.
export function expectedSeconds(st: Step): number {
  return st.kind === 'reps' ? st.reps * SECONDS_PER_REP : st.seconds;
}

// Rope work actually done, in minutes: each round counts the seconds spent in it (a round skipped
// after 3 s counts 3 s), never more than the round's length. `spent[i]` is the time in step i.
export function ropeMinutesDone(steps: Step[], spent: number[]): number {
  let secs = 0;
  steps.forEach((st, i) => {
    if (st.kind === 'rope') secs += Math.min(st.seconds, Math.max(0, spent[i] ?? 0));
  });
  return Math.round((secs / 60) * 10) / 10;
}

// How a session ended, as the log records it: a sharp-pain stop, ended early for another reason
// (stopped as 'other' or 'fatigue'), or played to the last step.
export type Ending = 'finished' | 'sharp_pain' | Exclude<StopReason, 'none' | 'sharp_pain'>;

export interface Outcome {
  stopped: StopReason;
  // True only when the last step was reached and every rope round ran to its end, so a session
  // tapped through is never taken for the planned dose.
  completed: boolean;
  ropeMinutes: number;
  roundsPlayed: boolean; // every rope round ran to its end
}

export function sessionOutcome(steps: Step[], spent: number[], ending: Ending): Outcome {
  const roundsPlayed = steps.every((st, i) => st.kind !== 'rope' || (spent[i] ?? 0) >= st.seconds - 0.5);
  return {
    stopped: ending === 'finished' ? 'none' : ending,
    completed: ending === 'finished' && roundsPlayed,
    ropeMinutes: ropeMinutesDone(steps, spent),
    roundsPlayed,
  };
}

export function formatSeconds(total: number): string {
  const t = Math.max(0, Math.ceil(total));
  const m = Math.floor(t / 60);
  const s = t % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
