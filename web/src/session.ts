// The session player's steps: the engine's script (plan.steps) in order, one for one, with the
// names the player shows. Holds, rope rounds and rests last a number of seconds; a repetition
// move has no timer and waits for the person to say it is done.
import type { CatalogItem, Plan, PlanStep, SessionPart, StopReason } from './api';

export type Step =
  | { kind: 'hold'; id: string; name: string; seconds: number; side?: 'left' | 'right'; phase: string }
  | { kind: 'reps'; id: string; name: string; reps: number; seconds: 0; side?: 'left' | 'right'; phase: string }
  | { kind: 'rope'; id: string; round: number; rounds: number; seconds: number; cadence: number; skill: string }
  | { kind: 'rest'; round: number; rounds: number; seconds: number };

// A repetition move counts this long toward the session's length shown before it starts.
export const SECONDS_PER_REP = 4;

const PART_NAMES: Record<SessionPart, string> = { warm_up: 'Warm-up', main: 'Main', rope: 'Rope', cool_down: 'Cool-down' };

function itemName(id: string, catalog: Map<string, CatalogItem>): string {
  return catalog.get(id)?.name ?? id.replace(/_/g, ' ');
}

export function buildSteps(plan: Plan, catalog: Map<string, CatalogItem>): Step[] {
  const script: PlanStep[] = plan.steps ?? [];
  const rounds = script.filter((st) => st.kind === 'rope').length;
  return script.map((st): Step => {
    switch (st.kind) {
      case 'hold':
        return { kind: 'hold', id: st.item, name: itemName(st.item, catalog), seconds: st.seconds, side: st.side ?? undefined, phase: PART_NAMES[st.part] };
      case 'reps':
        return { kind: 'reps', id: st.item, name: itemName(st.item, catalog), reps: st.reps, seconds: 0, side: st.side ?? undefined, phase: PART_NAMES[st.part] };
      case 'rope':
        return { kind: 'rope', id: st.item, round: st.round, rounds, seconds: st.seconds, cadence: st.cadence_per_min, skill: st.skill };
      case 'rest':
        return { kind: 'rest', round: st.round, rounds, seconds: st.seconds };
    }
  });
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
