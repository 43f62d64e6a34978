// The figures in Chromium: a contact sheet of every catalog item (start pose, end pose, and the
// still thumbnail the plan shows), the drawings inside their box, moving unless the person asks
// for reduced motion. Needs only Chromium, not the server.
// `npm run figures` writes the sheet to docs/screenshots/figures.png; otherwise it goes to
// build/web-artifacts/.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifacts, newPage, removeProfiles, repoRoot } from './harness';
import { figureSvg } from '../src/figures/svg';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const catalogDir = join(repoRoot, 'data/catalog');
const items: { id: string; name: string; kind: string }[] = readdirSync(catalogDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => (JSON.parse(readFileSync(join(catalogDir, f), 'utf8')) as { items: { id: string; name: string; kind: string }[] }).items);
const order = ['stretch', 'yoga', 'mobility', 'rope_drill'];
items.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
// BB_FIGURE_ONLY=id,id draws only those items, three times as large, to look at them closely.
const only = process.env.BB_FIGURE_ONLY?.split(',').filter(Boolean);
const zoom = only ? 3 : 1;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function sheet(): string {
  const cells = items
    .filter((i) => !only || only.includes(i.id))
    .map(
      (i) => `<figure data-id="${i.id}"><div class="row">
        <div class="big">${figureSvg(i.id, 'start')}</div><div class="big">${figureSvg(i.id, 'end')}</div>
        <div class="thumb">${figureSvg(i.id, 'still')}</div></div>
        <figcaption>${esc(i.name)} <small>${i.id}</small></figcaption></figure>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Figures</title><style>
    body{margin:12px;font:12px system-ui,sans-serif;background:#f7f5f0;color:#1d2521;--accent:#1f6f5c;--mark:#a84a12}
    h1{font-size:15px;margin:0 0 8px}
    main{display:grid;grid-template-columns:repeat(${only ? 1 : 4},1fr);gap:8px}
    figure{margin:0;background:#fff;border-radius:8px;padding:6px}
    .row{display:flex;gap:4px;align-items:flex-end}
    .big svg{width:${128 * zoom}px;height:${96 * zoom}px;display:block}
    .thumb svg{width:64px;height:48px;display:block;border-left:1px solid #ddd;padding-left:4px}
    figcaption{margin-top:2px}small{color:#4f5b55}
  </style></head><body><h1>Every catalog figure: start pose, end pose, and the thumbnail (start faint behind the end)</h1><main>${cells}</main></body></html>`;
}

const skip = !existsSync(chromiumPath);
if (skip) console.log(`figures: skipped, no Chromium at ${chromiumPath}`);

describe.skipIf(skip)('figures in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage({ width: 1240, height: 900 }));
  });
  afterAll(async () => {
    await context?.close();
    removeProfiles();
  });

  it('draws every catalog item inside its box, and keeps a contact sheet', async () => {
    await page.setContent(sheet());
    const out = process.env.BB_FIGURE_SHEET ? resolve(process.env.BB_FIGURE_SHEET) : join(artifacts, 'figures.png');
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: true });
    console.log(`figures: contact sheet of ${items.length} items in ${out}`);
    // Nothing drawn outside the 120 x 90 box (a little margin for round line ends).
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('figure')].flatMap((fig) =>
        [...fig.querySelectorAll('.big svg')].flatMap((svg) => {
          const b = (svg.querySelector('.bb-figure-body') as SVGGElement).getBBox();
          return b.x < -2 || b.y < -2 || b.x + b.width > 122 || b.y + b.height > 92 ? [`${fig.getAttribute('data-id')}: ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`] : [];
        }),
      ),
    );
    expect(outside).toEqual([]);
  });

  it('moves between the two poses, and stands still for reduced motion', async () => {
    const ids = ['cat_cow', 'basic_bounce', 'childs_pose'];
    await page.setContent(`<!doctype html><html lang="en"><head><title>f</title></head><body>${ids.map((id) => figureSvg(id, 'animate')).join('')}</body></html>`);
    const boxes = (t: number) =>
      page.evaluate((time) => {
        return [...document.querySelectorAll('svg')].map((svg) => {
          svg.pauseAnimations();
          svg.setCurrentTime(time);
          const b = (svg.querySelector('.bb-moving') as SVGGElement).getBBox();
          return `${b.x.toFixed(1)},${b.y.toFixed(1)},${b.width.toFixed(1)},${b.height.toFixed(1)}`;
        });
      }, t);
    const first = await boxes(0);
    const later = await boxes(0.4);
    ids.forEach((id, i) => expect(later[i], id).not.toBe(first[i]));
    const shown = () => page.evaluate(() => [...document.querySelectorAll('svg')].map((svg) => [getComputedStyle(svg.querySelector('.bb-moving')!).display, getComputedStyle(svg.querySelector('.bb-still-alt')!).display].join(' ')));
    expect(await shown()).toEqual(ids.map(() => 'inline none'));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await shown()).toEqual(ids.map(() => 'none inline'));
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});
