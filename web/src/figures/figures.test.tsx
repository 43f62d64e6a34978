import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { FLOOR, RANGES, points, solve, type Body } from './body';
import { between, figureLoadsLowBack, arrowPath, type FigureDef } from './draw';
import { Figure, figureSvg, figures, hasFigure } from './index';

// The ids come from the engine's catalog files (embedded into the server, which plans from them),
// so an item added there without a figure fails here.
interface Item { id: string; kind: string; flexion: string; extension: string; skill?: string }
const catalogDir = join(__dirname, '../../../data/catalog');
const items: Item[] = readdirSync(catalogDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(join(catalogDir, f), 'utf8')) as { items: Item[] }).items);
const ids = items.map((i) => i.id);

const framesOf = (def: FigureDef) => [0, 0.25, 0.5, 0.75, 1].map((t) => between(def.start, def.end, t));

describe('figures', () => {
  it('reads the catalog', () => {
    expect(ids.length).toBeGreaterThan(50);
  });

  it('has a figure for every catalog item, rope drills included', () => {
    expect(ids.filter((id) => !hasFigure(id))).toEqual([]);
    expect(items.filter((i) => i.kind === 'rope_drill').length).toBeGreaterThan(5);
  });

  it('has no figure for an item the catalog does not have', () => {
    expect(Object.keys(figures).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('carries its stylesheet into a standalone SVG (the contact sheet has no app around it)', () => {
    expect(figureSvg('cat_cow', 'still')).toContain('.bb-figure .b{fill:none');
  });

  it('draws each figure as well-formed SVG, in every mode', { timeout: 30_000 }, () => {
    for (const id of ids) {
      for (const mode of ['animate', 'still', 'start', 'end'] as const) {
        const svg = figureSvg(id, mode);
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        expect(doc.getElementsByTagName('parsererror').length, `${id} ${mode}`).toBe(0);
        expect(svg, `${id} ${mode}`).not.toMatch(/NaN|undefined|Infinity/);
        expect(doc.querySelectorAll('path.b').length, `${id} ${mode}`).toBeGreaterThanOrEqual(16);
      }
      // A moving figure has an animation for each part that moves, and a still one to fall back on.
      const moving = new DOMParser().parseFromString(figureSvg(id, 'animate'), 'image/svg+xml');
      expect(moving.querySelectorAll('.bb-moving animate').length, id).toBeGreaterThan(2);
      expect(moving.querySelectorAll('.bb-still-alt .ghost').length, id).toBe(1);
    }
  });

  it('gives every item a figure of its own: no two items share their poses and props', () => {
    // Two figures are the same when every point of the body is within 3 units in both key poses
    // and they carry the same props: then a person could not tell them apart.
    const sig = (def: FigureDef) => [def.start, def.end].map((f) => points(solve(f)));
    const props = (def: FigureDef) => JSON.stringify((def.props ?? []).map((p) => p.t).sort()) + (def.ground ?? '');
    const same: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = figures[ids[i]];
        const b = figures[ids[j]];
        if (props(a) !== props(b)) continue;
        const sa = sig(a);
        const sb = sig(b);
        let far = 0;
        for (let k = 0; k < 2; k++) for (const name of Object.keys(sa[k])) far = Math.max(far, Math.hypot(sa[k][name][0] - sb[k][name][0], sa[k][name][1] - sb[k][name][1]));
        if (far < 3) same.push(`${ids[i]} = ${ids[j]}`);
      }
    }
    expect(same).toEqual([]);
    const svgs = new Map<string, string>();
    for (const id of ids) {
      const svg = figureSvg(id, 'still');
      expect(svgs.get(svg), `${id} draws like ${svgs.get(svg)}`).toBeUndefined();
      svgs.set(svg, id);
    }
  });

  it('keeps every joint within the range a person can reach, all the way through the movement', () => {
    const wrong: string[] = [];
    for (const id of ids) {
      const def = figures[id];
      for (const [k, frame] of framesOf(def).entries()) {
        const b: Body = solve(frame);
        const a = b.angles as unknown as Record<string, number | [number, number]>;
        // A front view turns the bends sideways and the out-of-plane angles into the forward ones.
        const front = b.view === 'front';
        for (const [name, value] of Object.entries(a)) {
          let range = RANGES[name];
          if (front && name === 'shoulder') range = RANGES.shoulderOut;
          if (front && name === 'shoulderOut') range = RANGES.shoulder;
          if (front && name === 'hip') range = RANGES.hipOut;
          if (front && name === 'hipOut') range = RANGES.hip;
          if (front && (name === 'lumbar' || name === 'thoracic')) range = [-30, 30];
          for (const [side, v] of (Array.isArray(value) ? value : [value]).entries()) {
            // An arm held mostly out to the side (60 degrees or more out of the picture) shows in
            // the picture's plane as horizontal abduction, which the flexion range does not bound.
            if (!front && name === 'shoulder' && Math.abs(b.angles.shoulderOut[side]) >= 60) continue;
            if (v < range[0] - 0.5 || v > range[1] + 0.5) wrong.push(`${id} @${k / 4}: ${name} ${v.toFixed(0)} outside ${range.join('..')}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the body above the floor', () => {
    const wrong: string[] = [];
    for (const id of ids) {
      const def = figures[id];
      if (def.ground === 'above') continue;
      for (const frame of framesOf(def)) {
        const pts = points(solve(frame));
        for (const [name, p] of Object.entries(pts)) if (name !== 'pelvisFront' && p[1] > FLOOR + 0.5) wrong.push(`${id}: ${name} at y ${p[1].toFixed(1)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('highlights the lower back exactly where the catalog says the item loads it', () => {
    const wrong: string[] = [];
    for (const item of items) {
      const loads = item.flexion !== 'none' || item.extension !== 'none';
      const def = figures[item.id];
      if (figureLoadsLowBack(def) !== loads) wrong.push(`${item.id}: catalog ${item.flexion}/${item.extension}, figure ${figureLoadsLowBack(def) ? 'highlights' : 'does not highlight'}`);
      // In a side view the drawing bends the lower back the way the tags say.
      if ((def.start.view ?? 'side') === 'side' && def.lowBack === undefined) {
        const bends = [def.start.lumbar ?? 0, def.end.lumbar ?? 0];
        if (item.flexion !== 'none' && !bends.some((l) => l >= 8)) wrong.push(`${item.id}: tagged flexion, drawn without it`);
        if (item.extension !== 'none' && !bends.some((l) => l <= -8)) wrong.push(`${item.id}: tagged extension, drawn without it`);
      }
      const svg = figureSvg(item.id, 'end');
      if (svg.includes('class="b low-back"') !== loads) wrong.push(`${item.id}: drawing and tags disagree`);
    }
    expect(wrong).toEqual([]);
  });

  it('draws an arrow for each movement', () => {
    for (const id of ids) expect(arrowPath(figures[id]).length, id).toBeGreaterThanOrEqual(5);
  });

  it('names the figure for screen readers when it has a title, and hides a decorative one', () => {
    const host = document.createElement('div');
    render(<Figure id="cat_cow" title="Cat-cow" />, host);
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Cat-cow');
    render(<Figure id="cat_cow" motion="still" />, host);
    expect(host.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    expect(host.querySelector('animate')).toBeNull();
    render(<Figure id="no_such_item" />, host);
    expect(host.querySelector('svg')).toBeNull();
  });
});
