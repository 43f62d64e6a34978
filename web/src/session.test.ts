import { describe, expect, it } from 'vitest';
import type { CatalogItem, Plan } from './api';
import { buildSteps, formatSeconds, ropeMinutesDone } from './session';

const item = (id: string, hold: number, each_side = false) =>
  ({ id, name: id, kind: 'stretch', targets: [], position: 'floor', hold_seconds: hold, each_side, steps: [], cues: [], cautions: [] }) as CatalogItem;
const catalog = new Map([item('a', 30), item('b', 20, true), item('c', 45)].map((i) => [i.id, i]));

const plan: Plan = {
  date: '2026-03-02',
  status: 'ok',
  day_type: 'mixed',
  rope: { minutes: 2, work_seconds: 30, rest_seconds: 30, rounds: 4, cadence_per_min: 100, skill: 'basic_bounce' },
  stretch: { minutes: 3, items: ['a', 'b', 'c'], warm_up: ['a'], main: ['b'], cool_down: ['c'] },
  traffic_light: null,
  ask_urgent_questions: false,
  reasons: [],
  rules: [],
};

describe('session steps', () => {
  it('orders warm-up, rope rounds with rests between, main and cool-down; each-side holds twice', () => {
    const steps = buildSteps(plan, catalog);
    expect(steps.map((s) => (s.kind === 'hold' ? `${s.id}${s.side ? ':' + s.side : ''}` : s.kind))).toEqual([
      'a', 'rope', 'rest', 'rope', 'rest', 'rope', 'rest', 'rope', 'b:right', 'b:left', 'c',
    ]);
    expect(steps[1]).toMatchObject({ seconds: 30, cadence: 100 });
  });

  it('counts only rope work toward rope minutes', () => {
    const steps = buildSteps(plan, catalog);
    expect(ropeMinutesDone(steps, steps.length, 0)).toBe(2);
    expect(ropeMinutesDone(steps, 3, 15)).toBe(0.8); // one round and a half
  });

  it('has no rope steps on a restorative day', () => {
    const steps = buildSteps({ ...plan, day_type: 'restorative', rope: null }, catalog);
    expect(steps.some((s) => s.kind !== 'hold')).toBe(false);
  });

  it('formats a countdown', () => {
    expect(formatSeconds(65)).toBe('1:05');
    expect(formatSeconds(0.2)).toBe('0:01');
    expect(formatSeconds(-3)).toBe('0:00');
  });
});
