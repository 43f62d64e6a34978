// Motion data for the recordings and live tests: a real labelled recording from the shared
// development set when it is there (never copied into the project), or a jump signal made here.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from './harness';

export const G = 9.80665;
export const motionDir = resolve(repoRoot, '../shared/data/motion');
const realFile = join(motionDir, 'jump_mobifall/JUM_acc_sub02_trial1.csv');

export interface Motion {
  name: string;
  csv: Buffer;
  placement: 'pocket';
  // [t s, x, y, z] in m/s².
  rows: [number, number, number, number][];
  // The labelled landings (real file) or the jumps made (generated).
  expected: number;
  real: boolean;
}

// Standing, then n jumps: about 0.3 s of free fall (near 0 g) and a landing spike, at 120 a minute.
export function jumpSignal(n = 30, hz = 100): [number, number, number, number][] {
  const rows: [number, number, number, number][] = [];
  let t = 0;
  const push = (g: number) => {
    rows.push([Math.round(t * 1e4) / 1e4, 0.05 * g * G, g * G, 0.1 * g * G]);
    t += 1 / hz;
  };
  for (let i = 0; i < hz; i++) push(1);
  const spike = [3.2, 2.8, 2.2, 1.7, 1.4, 1.2];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < 0.3 * hz; i++) push(0.05);
    for (const g of spike) push(g);
    for (let i = 0; i < 0.2 * hz - spike.length; i++) push(1.1);
  }
  for (let i = 0; i < hz; i++) push(1);
  return rows;
}

export function motion(): Motion {
  if (existsSync(realFile)) {
    const text = readFileSync(realFile, 'utf8');
    // t_s,t_ns,ax_m_s2,ay_m_s2,az_m_s2
    const rows = text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').map(Number))
      .map((c) => [c[0], c[2], c[3], c[4]] as [number, number, number, number]);
    const labels = readFileSync(realFile.replace(/\.csv$/, '.labels.csv'), 'utf8');
    const expected = labels.split('\n').filter((l) => l.startsWith('jump,')).length;
    return { name: 'JUM_acc_sub02_trial1.csv', csv: Buffer.from(text), placement: 'pocket', rows, expected, real: true };
  }
  const rows = jumpSignal();
  const csv = 't_s,ax_m_s2,ay_m_s2,az_m_s2\n' + rows.map((r) => r.map((v) => +v.toFixed(4)).join(',')).join('\n') + '\n';
  return { name: 'generated-jumps.csv', csv: Buffer.from(csv), placement: 'pocket', rows, expected: 30, real: false };
}
