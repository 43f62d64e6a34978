import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureSvg, hasFigure, poses } from './index';

const catalogDir = join(__dirname, '../../../data/catalog');
const ids: string[] = readdirSync(catalogDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(join(catalogDir, f), 'utf8')) as { items: { id: string }[] }).items.map((i) => i.id));

describe('figures', () => {
  it('reads the catalog', () => {
    expect(ids.length).toBeGreaterThan(50);
  });

  it('has a figure for every catalog item', () => {
    expect(ids.filter((id) => !hasFigure(id))).toEqual([]);
  });

  it('has no figure for an item the catalog does not have', () => {
    expect(Object.keys(poses).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('draws each figure as well-formed SVG with a head, a body and the floor', () => {
    for (const id of ids) {
      const svg = figureSvg(id);
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.getElementsByTagName('parsererror').length, id).toBe(0);
      expect(doc.querySelectorAll('circle').length, id).toBeGreaterThan(0);
      expect(doc.querySelectorAll('path').length, id).toBeGreaterThanOrEqual(4);
      expect(svg, id).not.toMatch(/NaN|undefined/);
    }
  });

  it('gives different items different drawings', () => {
    const seen = new Map<string, string>();
    for (const id of ids) {
      const svg = figureSvg(id);
      expect(seen.get(svg), `${id} looks like ${seen.get(svg)}`).toBeUndefined();
      seen.set(svg, id);
    }
  });
});
