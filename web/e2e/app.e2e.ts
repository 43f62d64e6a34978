// The app in Chromium against the real server: onboarding, check-in, plan, a whole session on a
// controlled clock, the log, progress; the red-flag path; the sharp-pain stop; the clinician share.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, axeViolations, cspViolations, desktop, missingPrerequisite, newPage, phone, removeProfiles, shot, shotOf, startServer, type Server } from './harness';
import { jumpSignal } from './motion';

const skip = missingPrerequisite();
if (skip) console.log(`end-to-end tests skipped: ${skip}`);

let server: Server;
const open: BrowserContext[] = [];
async function browserPage(viewport = phone, serviceWorkers: 'allow' | 'block' = 'block'): Promise<{ page: Page }> {
  const { context, page } = await newPage(viewport, serviceWorkers);
  open.push(context);
  return { page };
}
const a11y: string[] = [];
const report: Record<string, unknown> = {};

async function checkA11y(page: Page, screen: string) {
  for (const v of await axeViolations(page)) a11y.push(`${screen}: ${v}`);
}

let n = 0;
const email = (who: string) => `${who}.${Date.now()}.${n++}@example.org`;
const PASSWORD = 'correct horse battery';

let welcomeShot = false;
async function register(page: Page, who: string, role: 'person' | 'clinician' = 'person'): Promise<string> {
  const address = email(who);
  await page.goto(server.url + '/');
  await page.getByRole('heading', { name: /Move a little/ }).waitFor();
  await checkA11y(page, 'welcome');
  if (!welcomeShot) {
    welcomeShot = true;
    await shot(page, 'phone-welcome');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(page, 'welcome, dark');
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await page.getByLabel('Email').fill(address);
  await page.getByLabel('Password').fill(PASSWORD);
  if (role === 'clinician') {
    await page.getByText('A clinician following someone').click();
    await page.getByLabel('Clinician invite code').fill(server.clinicianInvite());
  }
  await page.getByRole('button', { name: 'Create account' }).last().click();
  return address;
}

async function onboard(page: Page, opts: { yesTo?: string[]; shots?: boolean } = {}) {
  await page.getByRole('heading', { name: 'About you' }).waitFor();
  await page.getByLabel('Birth year').fill('1984');
  await page.getByLabel('Height (cm)').fill('172');
  await page.getByText('A little, now and then').click();
  await page.getByText('Beaded rope').click();
  if (opts.shots) await checkA11y(page, 'onboarding profile');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'What makes your back worse?' }).waitFor();
  await page.getByText('Sitting for a while').click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Safety questions' }).waitFor();
  const yes = opts.yesTo ?? [];
  for (const id of ['saddle_numbness', 'bladder_bowel_change', 'progressive_leg_weakness', 'major_trauma', 'fever_unwell', 'cancer_history', 'unexplained_weight_loss', 'constant_night_pain', 'immunosuppression_or_iv_drugs', 'osteoporosis_minor_trauma']) {
    await page.locator(`input[name="flag_${id}"][value="${yes.includes(id) ? 'yes' : 'no'}"]`).check({ force: true });
  }
  if (opts.shots) {
    await checkA11y(page, 'safety screen');
    await shot(page, 'phone-safety-screen');
  }
  await page.getByRole('button', { name: 'See what this means' }).click();
}

async function finishOnboarding(page: Page) {
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Activities that matter to you' }).waitFor();
  const acts = ['Putting on socks', 'Carrying shopping', 'Playing with the kids'];
  for (let i = 0; i < 3; i++) {
    await page.getByLabel(`Activity ${i + 1}`, { exact: true }).fill(acts[i]);
    await page.locator(`input[name="activity_score_${i}"]`).fill(String(4 + i));
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Your rope' }).waitFor();
  await page.getByRole('button', { name: "Go to today's check-in" }).click();
}

async function checkIn(page: Page, pain: number, feel: 'Sensitive' | 'Okay' | 'Good') {
  await page.getByRole('heading', { name: "Today's check-in" }).waitFor();
  await page.locator(`input[name="pain"][value="${pain}"]`).check({ force: true });
  await page.locator('fieldset', { hasText: 'How does your back feel today?' }).getByText(feel, { exact: true }).click();
  await page.getByRole('button', { name: "See today's plan" }).click();
}

// On a small phone, the player's controls are on screen and nothing covers them: each control's
// box lies inside the viewport and overlaps neither the stop button's box nor another control's.
const smallPhone = { width: 360, height: 640 };
async function expectControlsUncovered(page: Page) {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.dock button')].map((b) => {
      const r = b.getBoundingClientRect();
      // What is drawn at the button's centre must be the button itself (or its text).
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { name: b.textContent ?? '', x: r.left, y: r.top, w: r.width, h: r.height, onTop: top !== null && b.contains(top) };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  for (const b of boxes) {
    expect(b.onTop, `${b.name} is covered`).toBe(true);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.h).toBeLessThanOrEqual(smallPhone.height);
    expect(b.h).toBeGreaterThanOrEqual(44);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, c] = [boxes[i], boxes[j]];
      const overlap = a.x < c.x + c.w && c.x < a.x + a.w && a.y < c.y + c.h && c.y < a.y + a.h;
      expect(overlap, `${a.name} overlaps ${c.name}`).toBe(false);
    }
}

describe.skipIf(skip !== null)('the app against the real server', () => {
  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    for (const c of open) await c.close().catch(() => {});
    removeProfiles();
    await server?.stop();
    if (Object.keys(report).length) writeFileSync(join(artifacts, 'report.json'), JSON.stringify(report, null, 2));
  });

  let sharer: { email: string; page: Page } | null = null;

  it('onboards, checks in, plays a whole session on a controlled clock, logs it and shows it in Progress', async () => {
    const { page } = await browserPage(phone);
    await page.clock.install();
    const address = await register(page, 'person');
    await onboard(page, { shots: true });
    await page.getByRole('heading', { name: 'You can start gently' }).waitFor();
    await checkA11y(page, 'screen outcome');
    await finishOnboarding(page);

    await checkIn(page, 2, 'Good');
    await page.locator('.day-type').waitFor();
    await checkA11y(page, 'today plan');
    await shot(page, 'phone-today-plan');
    expect(await page.locator('.reasons li').count()).toBeGreaterThan(0);

    // Time to an interactive Today, measured on a reload with the session cookie (reported only).
    await page.clock.resume();
    const started = Date.now();
    await page.reload();
    await page.getByRole('button', { name: 'Start session' }).waitFor();
    report.time_to_interactive_today_ms = Date.now() - started;
    console.log(`time to an interactive Today (reload to the Start session button): ${report.time_to_interactive_today_ms} ms`);
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('button', { name: 'Begin' }).waitFor();
    await checkA11y(page, 'player ready');
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
    await page.getByRole('button', { name: 'Begin' }).click();
    // The countdown checks need a timed step: tap through any repetition moves before it.
    for (let i = 0; i < 20 && (await page.getByTestId('reps').isVisible()); i++) await page.getByRole('button', { name: 'Done' }).click();
    const first = await page.locator('.step-title').textContent();
    const t0 = await page.getByRole('timer').textContent();
    await page.clock.runFor(5_000);
    const t1 = await page.getByRole('timer').textContent();
    expect(t1).not.toBe(t0);
    await shot(page, 'phone-session-step');
    // Pause holds the countdown.
    await page.getByRole('button', { name: 'Pause' }).click();
    const held = await page.getByRole('timer').textContent();
    await page.clock.runFor(30_000);
    expect(await page.getByRole('timer').textContent()).toBe(held);
    // axe waits on timers, so the page clock runs while it looks (the player itself is paused).
    await page.clock.resume();
    await checkA11y(page, 'player step');
    await shot(page, 'phone-session-paused');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(page, 'player step, dark');
    await shot(page, 'phone-session-paused-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
    expect(await page.getByRole('timer').textContent()).toBe(held);
    await page.getByRole('button', { name: 'Resume' }).click();
    expect(await page.locator('.step-title').textContent()).toBe(first);
    const titles = new Set<string>();
    for (let i = 0; i < 400 && !(await page.getByText('How did it go?').isVisible()); i++) {
      const title = await page.locator('.step-title').textContent().catch(() => null);
      if (title) titles.add(title);
      // A repetition move has no timer: it waits for "Done".
      if (await page.getByTestId('reps').isVisible().catch(() => false)) await page.getByRole('button', { name: 'Done' }).click();
      else await page.clock.runFor(10_000);
    }
    expect(titles.size).toBeGreaterThan(1);
    await page.getByText('How did it go?').waitFor();
    await page.clock.resume();
    await page.locator('input[name="pain_during"][value="3"]').check({ force: true });
    await page.locator('input[name="pain_after"][value="2"]').check({ force: true });
    await checkA11y(page, 'after session');
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { name: 'Session logged' }).waitFor();
    await page.getByRole('button', { name: 'See progress' }).click();
    await page.getByTestId('session-count').waitFor();
    expect(await page.getByTestId('session-count').textContent()).toContain('1 check-in, 1 session logged');
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.locator('.cal-day.done').count()).toBe(1);
    await checkA11y(page, 'progress');
    await shot(page, 'phone-progress');

    await page.setViewportSize(desktop);
    await page.waitForTimeout(200);
    await shot(page, 'desktop-progress');
    await page.goto(server.url + '/#/today');
    await page.getByText('Done for today').waitFor();
    await shot(page, 'desktop-today-done');
    await page.setViewportSize(phone);

    await page.goto(server.url + '/#/library');
    await page.getByText(/of \d+ moves/).waitFor();
    await page.locator('select[name="position"]').selectOption('chair');
    expect(await page.locator('.library .item').count()).toBeGreaterThan(2);
    await checkA11y(page, 'library');
    await shot(page, 'phone-library');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(page, 'library, dark');
    await shot(page, 'phone-library-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('select[name="position"]').selectOption('');

    await page.goto(server.url + '/#/settings');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await checkA11y(page, 'settings');
    await page.getByText('Dark', { exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByText('Same as this device').click();
    // The export links answer with the person's data (the browser sends the session cookie).
    const json = await page.evaluate(async () => (await fetch('/api/v1/export')).json());
    expect(JSON.stringify(json)).toContain('"pain":2');
    const csv = await page.evaluate(async () => (await fetch('/api/v1/export.csv')).text());
    expect(csv.split('\n').length).toBeGreaterThan(1);
    // Beside them, the FHIR bundle for a clinic's record system.
    const fhirHref = await page.getByRole('link', { name: "Download for my clinic's record system (FHIR)" }).getAttribute('href');
    const fhir = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { type: response.headers.get('Content-Type'), bundle: await response.json() };
    }, fhirHref!);
    expect(fhir.type).toBe('application/fhir+json');
    expect(fhir.bundle.resourceType).toBe('Bundle');
    expect(fhir.bundle.entry.some((e: { resource: { code?: { coding: { code: string }[] } } }) => e.resource.code?.coding[0].code === '72514-3')).toBe(true);
    await shotOf(page, 'section.card', 'Your data', 'phone-settings-your-data');
    sharer = { email: address, page };
  });

  it('a red flag in onboarding stops it; every screen shows the block until the screen is retaken', async () => {
    const { page } = await browserPage(phone);
    await register(page, 'redflag');
    await onboard(page, { yesTo: ['saddle_numbness'] });
    await page.getByRole('heading', { name: 'Get medical help now' }).waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/emergency/);
    // The setup ends at this card: nothing leads on to activities or rope buying.
    expect(await page.getByRole('button', { name: 'Next' }).count()).toBe(0);
    await checkA11y(page, 'urgent outcome');
    await shot(page, 'phone-red-flag');

    // Today shows the block, asks for no check-in and offers no session.
    await page.goto(server.url + '/#/today');
    await page.getByRole('heading', { name: 'Get medical help now' }).waitFor();
    expect(await page.getByRole('heading', { name: "Today's check-in" }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start session' }).count()).toBe(0);
    // With the emergency number set in Settings, the block has a call button.
    await page.goto(server.url + '/#/settings');
    await page.getByLabel('Your local emergency number').fill('112');
    await page.getByLabel('Your local emergency number').blur();
    await page.goto(server.url + '/#/library');
    await page.getByText('Get medical help now: plans are paused.').waitFor();
    expect(await page.getByRole('link', { name: 'Call 112' }).getAttribute('href')).toBe('tel:112');
    await shot(page, 'phone-red-flag-banner');
    await page.goto(server.url + '/#/today');
    await page.getByRole('heading', { name: 'Get medical help now' }).waitFor();
    await checkA11y(page, 'today blocked');
    await shot(page, 'phone-today-blocked');

    // Retaking the screen (after a doctor's all-clear) lifts the block.
    await page.getByRole('button', { name: 'Take the safety questions again' }).click();
    await page.getByRole('heading', { name: 'Safety questions' }).waitFor();
    for (const q of await page.locator('input[value="no"]').all()) await q.check({ force: true });
    await page.getByRole('button', { name: 'See what this means' }).click();
    await page.getByRole('heading', { name: 'You can start gently' }).waitFor();
    await page.getByRole('button', { name: 'Go to today' }).click();
    await checkIn(page, 3, 'Okay');
    await page.locator('.day-type').waitFor();
    await page.goto(server.url + '/#/library');
    await page.getByText(/of \d+ moves/).waitFor();
    await expect.poll(() => page.getByText('plans are paused').count()).toBe(0);

    // Deleting the account needs the password and ends at the welcome screen.
    await page.goto(server.url + '/#/settings');
    await page.getByText('Delete my account').click();
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByText('I understand this cannot be undone').click();
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByRole('heading', { name: /Move a little/ }).waitFor();
    await page.context().close();
  });

  it('stops a session for sharp pain, says what to do next and logs the stop', async () => {
    const { page } = await browserPage(phone);
    await register(page, 'sharp');
    await onboard(page);
    await page.getByRole('heading', { name: 'You can start gently' }).waitFor();
    await finishOnboarding(page);
    // This check-in is made with the keyboard only.
    await page.getByRole('heading', { name: "Today's check-in" }).waitFor();
    await page.locator('input[name="pain"][value="0"]').focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="pain"][value="3"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="feel"][value="okay"]').isChecked()).toBe(true);
    await page.getByRole('button', { name: "See today's plan" }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.locator('.step-title').waitFor();
    await page.getByRole('button', { name: 'Stop: sharp pain' }).click();
    await page.getByRole('heading', { name: 'You stopped for sharp pain' }).waitFor();
    expect(await page.locator('.card.danger').textContent()).toMatch(/Get medical help now if/);
    await checkA11y(page, 'sharp-pain stop');
    await shot(page, 'phone-sharp-pain-stop');
    await page.locator('input[name="pain_during"][value="7"]').check({ force: true });
    await page.locator('input[name="pain_after"][value="5"]').check({ force: true });
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { name: 'Session logged' }).waitFor();
    await page.getByRole('button', { name: 'Back to Today' }).click();
    await page.getByText('stopped for sharp pain').waitFor();
    await page.context().close();
  });

  it('plays every plan item as a step when each is tapped through, and logs only the rope seconds spent', async () => {
    const { page } = await browserPage(phone);
    await register(page, 'skipper');
    await onboard(page);
    await page.getByRole('heading', { name: 'You can start gently' }).waitFor();
    await finishOnboarding(page);
    await checkIn(page, 2, 'Good');
    await page.setViewportSize(smallPhone);
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('button', { name: 'Begin' }).click();
    const { plan, names } = await page.evaluate(async () => {
      const plan = await (await fetch('/api/v1/plans/today')).json();
      const catalog = await (await fetch('/api/v1/catalog')).json();
      const names: Record<string, string> = {};
      for (const item of catalog.items) names[item.id] = item.name;
      return { plan, names };
    });
    expect(plan.rope).not.toBeNull();
    const titles: string[] = [];
    for (let i = 0; i < 200 && !(await page.getByText('How did it go?').isVisible()); i++) {
      titles.push((await page.locator('.step-title').textContent()) ?? '');
      await expectControlsUncovered(page);
      if (titles.length === 1) await shot(page, 'phone-small-player');
      const done = page.getByRole('button', { name: 'Done' });
      if (await done.isVisible()) {
        await shot(page, 'phone-reps-step');
        await done.click();
      }
      else await page.getByRole('button', { name: /^(Next step|Finish)$/ }).click();
    }
    await page.getByText('How did it go?').waitFor();
    // Each stretch item was shown, and every rope round.
    for (const id of plan.stretch.items as string[]) expect(titles.some((t) => t.startsWith(names[id]))).toBe(true);
    expect(titles.filter((t) => t.startsWith('Rope round')).length).toBe(plan.rope.rounds);
    const shown = await page.getByTestId('rope-done').textContent();
    expect(shown).toMatch(/^Rope time done: 0(\.1)? of [\d.]+ min, some rounds cut short\.$/);
    await checkA11y(page, 'log after a tapped-through session');
    await shot(page, 'phone-tapped-through-log');
    await page.locator('input[name="pain_during"][value="2"]').check({ force: true });
    await page.locator('input[name="pain_after"][value="2"]').check({ force: true });
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { name: 'Session logged' }).waitFor();
    const history = await page.evaluate(async () => (await fetch('/api/v1/history')).json());
    const session = history.days.find((d: { session?: unknown }) => d.session).session;
    expect(session.completed).toBe(false);
    expect(session.rope_minutes).toBeLessThanOrEqual(0.1);
    await page.context().close();
  });

  it('shares with a clinician, who sees the plans, responses and measures', async () => {
    expect(sharer).not.toBeNull();
    const { page } = sharer!;
    // The person names themself, so the clinician sees a name, not an email.
    await page.getByLabel('Your name, as your clinician sees it').fill('Ada Example');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Make a share code' }).click();
    const code = (await page.getByTestId('invite-code').textContent())!.trim();
    expect(code.length).toBeGreaterThan(3);
    // A recording of the person's, for the clinician to open.
    const csv = 't_s,ax_m_s2,ay_m_s2,az_m_s2\n' + jumpSignal(20).map((r) => r.join(',')).join('\n') + '\n';
    const up = await page.request.post(server.url + '/api/v1/recordings?placement=pocket&name=shared-set.csv', { data: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(up.status()).toBe(201);
    const jumps = ((await up.json()) as { analysis: { jumps: number } }).analysis.jumps;
    // A long file name, as phone sensor apps write them, wraps: the page never scrolls sideways.
    const longName = 'Accelerometer_export_from_a_phone_sensor_app_2026_12_03_14_22_51_session_with_a_very_long_name.csv';
    const long = await page.request.post(server.url + '/api/v1/recordings?placement=pocket&name=' + encodeURIComponent(longName), { data: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(long.status()).toBe(201);
    const longId = ((await long.json()) as { id: number }).id;
    await page.goto(server.url + `/#/recordings/${longId}`);
    await page.locator('dd[data-metric="Jumps"]').waitFor();
    await page.getByRole('heading', { name: 'Other recordings' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The recording shown is not listed again under "Other recordings".
    expect(await page.locator('.rec', { hasText: longName }).count()).toBe(0);
    expect(await page.locator('.rec', { hasText: 'shared-set.csv' }).count()).toBe(1);
    await shot(page, 'phone-recording-long-name');
    await page.goto(server.url + '/#/recordings');
    await page.locator('.rec', { hasText: longName }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const { page: doc } = await browserPage(desktop);
    await register(doc, 'clinician', 'clinician');
    await doc.getByRole('heading', { name: 'People sharing with you' }).waitFor();
    // Typed as read aloud: lower case, in groups.
    const typed = code.replace(/\s+/g, '').toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');
    expect(typed).toMatch(/^[a-z0-9]{4} [a-z0-9]{4} [a-z0-9]{4}$/);
    await doc.getByLabel('Share code').fill(typed);
    await doc.getByRole('button', { name: 'Add person' }).click();
    await doc.getByRole('button', { name: /^Ada Example/ }).click();
    await doc.getByRole('heading', { name: 'Recent days of Ada Example' }).waitFor();
    // The person's FHIR bundle, named as they chose, for the clinician's record system.
    const fhirHref = await doc.getByRole('link', { name: 'Download for your record system (FHIR)' }).getAttribute('href');
    const bundle = await doc.evaluate(async (url) => (await fetch(url)).json(), fhirHref!);
    expect(bundle.entry[0].resource.name[0].text).toBe('Ada Example');
    expect(await doc.locator('table.days tbody tr').count()).toBe(1);
    expect(await doc.getByTestId('screen-status').textContent()).toMatch(/^Clear: no red flag, taken on \d{4}-\d{2}-\d{2}\.$/);
    await doc.getByText('Putting on socks: 4').waitFor();
    expect(await doc.locator('table.days tbody tr td').nth(1).textContent()).toBe('Pain 2, good');
    await doc.locator('.chart canvas').first().waitFor();
    await doc.locator('.rec', { hasText: 'shared-set.csv' }).click();
    await doc.locator('dd[data-metric="Jumps"]').waitFor();
    expect(Number(await doc.locator('dd[data-metric="Jumps"]').textContent())).toBe(jumps);
    expect(await doc.getByRole('button', { name: 'Delete…' }).count()).toBe(0);
    await checkA11y(doc, 'clinician');
    await shot(doc, 'desktop-clinician');
    await doc.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(doc, 'clinician, dark');
    await doc.emulateMedia({ colorScheme: 'light' });
    await doc.context().close();
  });

  it('onboarding has no navigation bar and keeps its answers when the person leaves and comes back', async () => {
    const { page } = await browserPage(phone);
    await register(page, 'wanderer');
    await page.getByRole('heading', { name: 'About you' }).waitFor();
    expect(await page.locator('nav.tabs').count()).toBe(0);
    await page.getByLabel('Birth year').fill('1979');
    await page.getByLabel('Height (cm)').fill('181');
    await page.getByText('Regularly').click();
    await page.getByText('Heavy rope (1 lb or more)').click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'What makes your back worse?' }).waitFor();
    await page.getByText('Bending forward').click();
    // "Next" is not under anything.
    const next = await page.getByRole('button', { name: 'Next' }).boundingBox();
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.textContent, [next!.x + next!.width / 2, next!.y + next!.height / 2])).toBe('Next');
    await shot(page, 'phone-onboarding');

    await page.goto(server.url + '/#/progress');
    await page.getByRole('heading', { name: 'Progress' }).waitFor();
    await page.goto(server.url + '/#/onboarding');
    await page.getByRole('heading', { name: 'What makes your back worse?' }).waitFor();
    expect(await page.locator('input[value="bending"]').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'About you' }).waitFor();
    expect(await page.getByLabel('Birth year').inputValue()).toBe('1979');
    expect(await page.getByLabel('Height (cm)').inputValue()).toBe('181');
    expect(await page.locator('input[name="rope"][value="heavy"]').isChecked()).toBe(true);
    await page.context().close();
  });

  it('offline, a reload shows the signed-in person today\'s plan, plays it, and sends the log when the connection returns', async () => {
    const { page } = await browserPage(phone, 'allow');
    await register(page, 'offline');
    await onboard(page);
    await page.getByRole('heading', { name: 'You can start gently' }).waitFor();
    await finishOnboarding(page);
    await checkIn(page, 2, 'Good');
    await page.getByRole('button', { name: 'Start session' }).waitFor();
    // The service worker has kept the shell once it controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 10_000 }).toBe(true);
    await page.evaluate(async () => {
      const cache = await caches.open('bb-shell-v2');
      for (let i = 0; i < 50 && (await cache.keys()).filter((r) => r.url.includes('/assets/')).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    });

    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('kept-today').waitFor();
    expect(await page.getByRole('button', { name: 'Create account' }).count()).toBe(0);
    expect(await page.locator('.badge.offline').isVisible()).toBe(true);
    await page.locator('.day-type').waitFor();
    await checkA11y(page, 'today offline');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(page, 'today offline, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await shot(page, 'phone-today-offline');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('button', { name: 'Begin' }).click();
    const first = await page.locator('.step-title').textContent();
    const advance = page.getByRole('button', { name: /^(Done|Next step)$/ });
    await advance.first().click();
    await expect.poll(() => page.locator('.step-title').textContent()).not.toBe(first);
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('button', { name: 'Felt enough for today' }).click();
    await page.locator('input[name="pain_during"][value="2"]').check({ force: true });
    await page.locator('input[name="pain_after"][value="1"]').check({ force: true });
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { name: 'Session saved on this device' }).waitFor();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('bb.pendingSessions') ?? '[]').length)).toBe(1);

    await page.context().setOffline(false);
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('bb.pendingSessions') ?? '[]').length), { timeout: 10_000 }).toBe(0);
    const history = await page.evaluate(async () => (await fetch('/api/v1/history')).json());
    const logged = history.days.find((d: { session?: unknown }) => d.session);
    expect(logged.session.pain_after).toBe(1);
    expect(logged.session.stopped).toBe('fatigue');
    await page.context().close();
  });

  it('finds no serious or critical accessibility violation on any screen visited', () => {
    expect(a11y).toEqual([]);
  });

  it('needs nothing the Content-Security-Policy of the server refuses (no inline style or script)', () => {
    expect(cspViolations).toEqual([]);
  });
});
