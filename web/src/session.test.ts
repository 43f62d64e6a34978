import { describe, expect, it } from 'vitest';
import type { CatalogItem, Plan } from './api';
import { buildSteps, formatSeconds, ropeMinutesDone, sessionOutcome } from './session';

const item = (id: string, hold: number, each_side = false) =>
  ({ id, name: id, kind: 'stretch', targets: [], position: 'floor', hold_seconds: hold, each_side, steps: [], cues: [], cautions: [] }) as CatalogItem;
const reps = (id: string, n: number, each_side = false) => ({ ...item(id, 0, each_side), hold_seconds: 0, reps: n }) as CatalogItem;
const catalog = new Map([item('a', 30), item('b', 20, true), item('c', 45), reps('r', 10, true)].map((i) => [i.id, i]));

const rope = (round: number) => ({ kind: 'rope' as const, part: 'rope' as const, item: 'basic_bounce', round, seconds: 30, cadence_per_min: 100, skill: 'basic_bounce' });
const rest = (round: number) => ({ kind: 'rest' as const, part: 'rope' as const, round, seconds: 30 });
const plan: Plan = {
  date: '2026-03-02',
  status: 'ok',
  day_type: 'mixed',
  rope: { minutes: 2, work_seconds: 30, rest_seconds: 30, rounds: 4, cadence_per_min: 100, skill: 'basic_bounce' },
  stretch: { minutes: 3, items: ['a', 'b', 'c'], warm_up: ['a'], main: ['b'], cool_down: ['c'] },
  steps: [
    { kind: 'hold', part: 'warm_up', item: 'a', seconds: 30, side: null },
    rope(1), rest(1), rope(2), rest(2), rope(3), rest(3), rope(4),
    { kind: 'hold', part: 'main', item: 'b', seconds: 20, side: 'right' },
    { kind: 'hold', part: 'main', item: 'b', seconds: 20, side: 'left' },
    { kind: 'hold', part: 'cool_down', item: 'c', seconds: 45, side: null },
  ],
  traffic_light: null,
  ask_urgent_questions: false,
  reasons: [],
  rules: [],
};

describe('session steps', () => {
  it('plays the engine script one for one, in its order, with names and round counts', () => {
    const steps = buildSteps(plan, catalog);
    expect(steps.map((s) => (s.kind === 'hold' ? `${s.id}${s.side ? ':' + s.side : ''}` : s.kind))).toEqual([
      'a', 'rope', 'rest', 'rope', 'rest', 'rope', 'rest', 'rope', 'b:right', 'b:left', 'c',
    ]);
    expect(steps[0]).toMatchObject({ name: 'a', phase: 'Warm-up', seconds: 30 });
    expect(steps[1]).toMatchObject({ seconds: 30, cadence: 100, round: 1, rounds: 4 });
    expect(steps[10]).toMatchObject({ phase: 'Cool-down', seconds: 45 });
  });

  it('builds nothing of its own: a plan without a script has no steps', () => {
    expect(buildSteps({ ...plan, steps: [] }, catalog)).toEqual([]);
  });

  it('counts only the rope work actually done, round by round', () => {
    const steps = buildSteps({ ...plan, steps: plan.steps.filter((st) => st.kind === 'rope' || st.kind === 'rest') }, catalog);
    const full = steps.map((st) => st.seconds);
    expect(sessionOutcome(steps, full, 'finished')).toEqual({ stopped: 'none', completed: true, ropeMinutes: 2, roundsPlayed: true });
    expect(sessionOutcome(steps, full, 'other')).toEqual({ stopped: 'other', completed: false, ropeMinutes: 2, roundsPlayed: true });
    // Every round skipped after 3 s: 12 s of rope, not the 2 planned minutes.
    const skipped = steps.map((st) => (st.kind === 'rope' ? 3 : st.seconds));
    expect(sessionOutcome(steps, skipped, 'finished')).toEqual({ stopped: 'none', completed: false, ropeMinutes: 0.2, roundsPlayed: false });
    // Time beyond a round's end (a pause, say) never counts as more rope.
    expect(ropeMinutesDone(steps, steps.map((st) => st.seconds * 3))).toBe(2);
    // Rounds never reached count nothing.
    expect(ropeMinutesDone(steps, [30, 30, 15])).toBe(0.8);
  });

  it('shows a reps step with its count on each side, never as a 0-second hold', () => {
    const steps = buildSteps({ ...plan, rope: null, steps: [
      { kind: 'reps', part: 'warm_up', item: 'r', reps: 10, side: 'right' },
      { kind: 'reps', part: 'warm_up', item: 'r', reps: 10, side: 'left' },
      { kind: 'hold', part: 'cool_down', item: 'a', seconds: 30, side: null },
    ] }, catalog);
    expect(steps).toEqual([
      { kind: 'reps', id: 'r', name: 'r', reps: 10, seconds: 0, side: 'right', phase: 'Warm-up' },
      { kind: 'reps', id: 'r', name: 'r', reps: 10, seconds: 0, side: 'left', phase: 'Warm-up' },
      { kind: 'hold', id: 'a', name: 'a', seconds: 30, side: undefined, phase: 'Cool-down' },
    ]);
  });

  it('formats a countdown', () => {
    expect(formatSeconds(65)).toBe('1:05');
    expect(formatSeconds(0.2)).toBe('0:01');
    expect(formatSeconds(-3)).toBe('0:00');
  });
});

describe('counts in words', () => {
  it('puts the noun in the right number', async () => {
    const { count } = await import('./words');
    expect(count(1, 'jump')).toBe('1 jump');
    expect(count(0, 'jump')).toBe('0 jumps');
    expect(count(2, 'check-in')).toBe('2 check-ins');
  });
});
