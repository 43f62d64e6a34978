// Recordings and live counting in Chromium against the real server: a CSV upload with its errors,
// the jump count shown against the server's and the labels, Progress, deleting; live counting
// from synthetic devicemotion events on the Live screen and in a session's rope round.
import { Decoder, Stream } from '@garmin/fitsdk';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, cspViolations, desktop, missingPrerequisite, newPage, phone, removeProfiles, shot, shotOf, startServer, type Server } from './harness';
import { jumpSignal, motion, motionDir } from './motion';

const skip = missingPrerequisite();
if (skip) console.log(`end-to-end recordings tests skipped: ${skip}`);
const data = motion();
if (!data.real) console.log(`no labelled recordings at ${motionDir}: the recordings tests use a generated jump signal and skip the comparison with labels`);

let server: Server;
const open: BrowserContext[] = [];
const a11y: string[] = [];
async function check(page: Page, screen: string) {
  for (const v of await axeViolations(page)) a11y.push(`${screen}: ${v}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const v of await axeViolations(page)) a11y.push(`${screen}, dark: ${v}`);
  await page.emulateMedia({ colorScheme: 'light' });
}

let n = 0;
async function person(viewport = phone): Promise<Page> {
  const { context, page } = await newPage(viewport);
  open.push(context);
  // The context's requests share its cookies, so the app opens logged in.
  const email = `rec.${Date.now()}.${n++}@example.org`;
  const res = await page.request.post(server.url + '/api/v1/auth/register', { data: { email, password: 'correct horse battery', role: 'person' } });
  expect(res.status()).toBe(201);
  return page;
}

// Plays the rows as devicemotion events, each with the gap since the one before as its interval.
async function playMotion(page: Page, rows: [number, number, number, number][]) {
  for (let i = 0; i < rows.length; i += 250) {
    const chunk = rows.slice(i, i + 250).map((r, j) => [r[1], r[2], r[3], i + j === 0 ? 10 : (r[0] - rows[i + j - 1][0]) * 1000]);
    await page.evaluate((c) => {
      for (const [x, y, z, interval] of c)
        window.dispatchEvent(new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: { x, y, z }, interval }));
    }, chunk);
    await page.waitForTimeout(20);
  }
}

// Presses "Export to FIT" and reads the downloaded file back with the FIT SDK's decoder: a valid
// file (header and CRC), no decoding error, the laps' and the session's jump counts.
type Mesg = Record<string, unknown>;
async function exportedFit(page: Page, button: Locator): Promise<{ name: string; laps: Mesg[]; session: Mesg; records: Mesg[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = readFileSync(await download.path());
  const decoder = new Decoder(Stream.fromByteArray(Array.from(bytes)));
  expect(decoder.isFIT()).toBe(true);
  expect(decoder.checkIntegrity()).toBe(true);
  const { messages, errors } = decoder.read();
  expect(errors).toEqual([]);
  const m = messages as unknown as { lapMesgs: Mesg[]; sessionMesgs: Mesg[]; recordMesgs?: Mesg[]; fileIdMesgs: Mesg[]; activityMesgs: Mesg[] };
  expect(m.fileIdMesgs[0].type).toBe('activity');
  expect(m.activityMesgs).toHaveLength(1);
  expect(m.sessionMesgs).toHaveLength(1);
  expect(m.sessionMesgs[0].sport).toBe('jumpRope');
  return { name: download.suggestedFilename(), laps: m.lapMesgs, session: m.sessionMesgs[0], records: m.recordMesgs ?? [] };
}
const lapJumps = (laps: Mesg[]) => laps.reduce((n, l) => n + (l.jumpCount as number), 0);

const within = (shown: number, expected: number, share: number) => Math.abs(shown - expected) <= Math.max(1, share * expected);

describe.skipIf(skip !== null)('recordings and live counting against the real server', () => {
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const c of open) await c.close().catch(() => {});
    removeProfiles();
    await server?.stop();
  });

  it('uploads a recording, shows the jumps the server found, keeps the file on an error, charts it in Progress and deletes it', async () => {
    const page = await person(phone);
    await page.goto(server.url + '/#/recordings');
    await page.getByRole('heading', { name: 'Add a recording' }).waitFor();
    await page.getByText('No recordings yet.').waitFor();
    await check(page, 'recordings, empty');

    // A CSV with a bad row: the line is named and the chosen file stays chosen.
    await page.getByLabel('CSV file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('t_s,ax_g,ay_g,az_g\n0,0,1,0\n0.01,abc,1,0\n') });
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/could not be read: line 3/i);
    expect(await alert.textContent()).not.toMatch(/--lenient/);
    expect(await page.getByLabel('CSV file').evaluate((i: HTMLInputElement) => i.files?.[0]?.name)).toBe('broken.csv');
    await page.getByRole('button', { name: 'Skip the rows that cannot be read and try again' }).waitFor();
    await check(page, 'recordings, upload error');
    await shot(page, 'phone-recordings-error');

    await page.getByLabel('CSV file').setInputFiles({ name: data.name, mimeType: 'text/csv', buffer: data.csv });
    await page.getByLabel('Where the phone was').selectOption(data.placement);
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/recordings?') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    const res = await answer;
    expect(res.status()).toBe(201);
    const rec = (await res.json()) as { id: number; analysis: { jumps: number; events: unknown[] } };
    await page.waitForURL(`**/#/recordings/${rec.id}`);
    const jumps = page.locator('dd[data-metric="Jumps"]');
    await jumps.waitFor();
    const shown = Number(await jumps.textContent());
    expect(shown).toBe(rec.analysis.jumps);
    expect(rec.analysis.events).toHaveLength(shown);
    // Within a few percent of the labelled landings (or of the jumps generated).
    expect(within(shown, data.expected, 0.05)).toBe(true);
    console.log(`upload: ${shown} jumps shown, ${data.expected} ${data.real ? 'labelled' : 'generated'}`);
    await page.locator('.signal canvas').first().waitFor();
    if (data.real) await page.getByRole('img', { name: /^Cadence through the set/ }).locator('canvas').waitFor();
    expect(await page.locator('dd[data-metric="Cadence"]').textContent()).toMatch(/^\d+\/min$/);
    // Exported to FIT: one lap for each bout the server returned (work between the rests it
    // counted, and the rests), together the jumps it counted, a record a second.
    const upload = (await (await page.request.get(server.url + `/api/v1/recordings/${rec.id}`)).json()) as { date: string; analysis: { jumps: number; rests: number; bouts: { kind: string; jumps: number }[]; input: { duration_s: number } } };
    const fit = await exportedFit(page, page.getByRole('button', { name: 'Export to FIT' }));
    expect(fit.name).toBe(`bounceback-recording-${upload.date}-${rec.id}.fit`);
    expect(fit.laps).toHaveLength(upload.analysis.bouts.length);
    expect(fit.laps.filter((l) => l.intensity === 'active')).toHaveLength(upload.analysis.rests + 1);
    expect(fit.laps.map((l) => l.jumpCount)).toEqual(upload.analysis.bouts.map((b) => b.jumps));
    expect(lapJumps(fit.laps)).toBe(shown);
    expect(fit.session.jumpCount).toBe(shown);
    expect(fit.records).toHaveLength(Math.ceil(upload.analysis.input.duration_s) + 1);
    expect(fit.records[fit.records.length - 1].totalCycles).toBe(shown);
    await page.getByRole('status').filter({ hasText: `Saved ${fit.name}.` }).waitFor();
    await shotOf(page, '.card.row', 'Export to FIT', 'phone-recording-actions');
    console.log(`FIT export of the upload: ${fit.laps.length} laps, ${lapJumps(fit.laps)} jumps, ${fit.records.length} records`);
    await check(page, 'recording');
    await shot(page, 'phone-recording');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'phone-recording-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(desktop);
    await page.waitForTimeout(200);
    await shot(page, 'desktop-recording');

    // The list, newest first, opens it again.
    await page.getByRole('link', { name: '← All recordings' }).click();
    await page.locator('.rec').first().waitFor();
    expect(await page.locator('.rec').count()).toBe(1);
    expect(await page.locator('.rec').first().textContent()).toContain(`${shown} jumps`);
    await shot(page, 'desktop-recordings');
    await page.setViewportSize(phone);

    // Progress charts the jumps of the day.
    await page.goto(server.url + '/#/progress');
    await page.getByTestId('jump-summary').waitFor();
    expect(await page.getByTestId('jump-summary').textContent()).toContain(`${shown} jumps`);
    await page.getByRole('img', { name: 'Jumps recorded each day' }).locator('canvas').waitFor();

    // Deleting asks first.
    await page.goto(server.url + `/#/recordings/${rec.id}`);
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByText('Delete this recording? This cannot be undone.').waitFor();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete recording' }).click();
    await page.getByText('No recordings yet.').waitFor();
    const gone = await page.evaluate(async (id) => (await fetch(`/api/v1/recordings/${id}`)).status, rec.id);
    expect(gone).toBe(404);
  });

  it('counts jumps live on the Live screen from motion events and saves the set', async () => {
    const page = await person(phone);
    await page.goto(server.url + '/#/live');
    await page.getByRole('heading', { name: 'Count jumps live' }).waitFor();
    await page.getByLabel('Where the phone is').selectOption('pocket');
    await check(page, 'live, ready');
    await page.getByRole('button', { name: 'Start counting' }).click();
    await page.getByText(/^Counting/).waitFor();
    await playMotion(page, data.rows);
    // The last batch goes out on the flush timer; the count settles on the server's.
    await page.waitForFunction(
      (min) => Number(document.querySelector('[data-testid=live-count]')?.textContent) >= min,
      Math.floor(data.expected * 0.9),
    );
    await page.waitForTimeout(600);
    const live = Number(await page.getByTestId('live-count').textContent());
    expect(within(live, data.expected, 0.05)).toBe(true);
    expect(Number(await page.getByTestId('live-cadence').textContent())).toBeGreaterThan(60);
    await check(page, 'live, counting');
    await shot(page, 'phone-live-counting');

    await page.getByRole('button', { name: 'Stop counting' }).click();
    await page.getByTestId('live-saved').waitFor();
    const saved = (await page.getByTestId('live-saved').textContent())!;
    const savedJumps = Number(/Saved: (\d+) jumps/.exec(saved)?.[1]);
    expect(within(savedJumps, live, 0.05)).toBe(true);
    console.log(`live: ${live} counted while streaming, ${savedJumps} saved, ${data.expected} ${data.real ? 'labelled' : 'generated'}`);
    await check(page, 'live, saved');
    await page.setViewportSize(desktop);
    await shot(page, 'desktop-live-saved');
    await page.setViewportSize(phone);
    await page.getByRole('link', { name: 'See the recording' }).click();
    await page.locator('dd[data-metric="Jumps"]').waitFor();
    expect(Number(await page.locator('dd[data-metric="Jumps"]').textContent())).toBe(savedJumps);
    expect(await page.getByRole('heading', { name: 'Counted live' }).count()).toBe(1);
    const list = await page.evaluate(async () => (await (await fetch('/api/v1/recordings')).json()) as { recordings: { source: string; jumps: number }[] });
    expect(list.recordings).toEqual([expect.objectContaining({ source: 'live', jumps: savedJumps })]);
  });

  it('counts jumps live in a rope round of the session player, offers the count for the log, and the next plan cites it', async () => {
    const page = await person(phone);
    // A person with a plan that has rope rounds: profile, a clear screen and a good check-in.
    await page.goto(server.url + '/#/settings');
    const ok = await page.evaluate(async () => {
      const send = (method: string, path: string, body: unknown) =>
        fetch('/api/v1' + path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);
      const flags = ['saddle_numbness', 'bladder_bowel_change', 'progressive_leg_weakness', 'major_trauma', 'fever_unwell', 'cancer_history', 'unexplained_weight_loss', 'constant_night_pain', 'immunosuppression_or_iv_drugs', 'osteoporosis_minor_trauma'];
      return [
        await send('PUT', '/profile', { birth_year: 1984, height_cm: 172, rope_experience: 'regular', rope: 'beaded', aggravated_by: ['sitting'] }),
        await send('POST', '/screening', Object.fromEntries(flags.map((f) => [f, false]))),
        await send('POST', '/checkins', { pain: 1, feel: 'good', leg_symptoms: 'none', urgent_flags: [] }),
      ];
    });
    expect(ok.every((s) => s < 300)).toBe(true);
    await page.goto(server.url + '/#/today');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByRole('button', { name: 'Begin' }).click();
    for (let i = 0; i < 30 && !(await page.locator('.step-title', { hasText: /Rope round/ }).isVisible()); i++)
      await page.getByRole('button', { name: /^(Next step|Done)$/ }).click();
    await page.locator('.step-title', { hasText: 'Rope round 1' }).waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await check(page, 'player, live offer');
    await shot(page, 'phone-session-live-offer');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Count my jumps with this phone' }).click();
    await page.getByText(/^Counting/).waitFor();
    await playMotion(page, jumpSignal(30));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=live-count]')?.textContent) >= 25);
    await check(page, 'player, live count');
    await shot(page, 'phone-session-live-count');
    // Past the rope part the count ends and is saved; the session goes on to the end.
    for (let i = 0; i < 40 && (await page.locator('.step-title', { hasText: /Rope round|Rest after/ }).isVisible()); i++)
      await page.getByRole('button', { name: /^(Next step|Finish)$/ }).click();
    expect(await page.getByTestId('live-count').count()).toBe(0);
    for (let i = 0; i < 60 && !(await page.getByText('How did it go?').isVisible()); i++)
      await page.getByRole('button', { name: /^(Next step|Finish|Done)$/ }).click();
    await page.getByTestId('after-live').waitFor();
    expect(await page.getByTestId('after-live').textContent()).toMatch(/^(2[7-9]|3[0-2]) jumps/);
    // The log offers the counted jumping time beside the timed rounds; the person takes it.
    await page.getByTestId('counted-choice').waitFor();
    await page.getByText(/min of jumping, counted by your phone/).click();
    await page.locator('input[name="pain_during"][value="2"]').check({ force: true });
    await page.locator('input[name="pain_after"][value="2"]').check({ force: true });
    await check(page, 'session log with the count');
    await shot(page, 'phone-log-counted');
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { name: 'Session logged' }).waitFor();
    // The next morning: pain on waking, a check-in, and the plan cites what the phone counted.
    const next = await page.evaluate(async () => {
      const send = (method: string, path: string, body?: unknown) =>
        fetch('/api/v1' + path, { method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      const today = (await (await send('GET', '/today')).json()) as { date: string };
      const next = new Date(today.date + 'T12:00:00Z');
      next.setUTCDate(next.getUTCDate() + 1);
      const tomorrow = next.toISOString().slice(0, 10);
      await send('POST', '/followups', { session_date: today.date, pain: 2 });
      await send('POST', `/checkins?date=${tomorrow}`, { pain: 1, feel: 'good', leg_symptoms: 'none', urgent_flags: [] });
      const reasons = ((await (await send('GET', `/plans/${tomorrow}`)).json()) as { reasons: string[] }).reasons;
      return { reasons, today: today.date, tomorrow };
    });
    // The synthetic jumps have 0.3 s of flight, about 10 cm: the plan names it and asks for lower jumps.
    expect(next.reasons.join(" ")).toMatch(/Your jumps averaged \d+(\.\d)? cm; about 2-3 cm clears the rope/);
    // Progress shows the session's form, from what the engine read. It is the next day now, so
    // the calendar holds that day's check-in too (Progress asks for the person's own day).
    await page.clock.setFixedTime(new Date(next.tomorrow + 'T12:00:00'));
    await page.goto(server.url + '/#/progress');
    await page.getByTestId('form-count').waitFor();
    expect(await page.getByTestId('form-count').textContent()).toMatch(/^1 session with a recording/);
    await page.getByTestId('form-count').scrollIntoViewIfNeeded();
    await check(page, 'progress with form');
    await shotOf(page, '.card', 'Form from recorded sessions', 'phone-progress-form');
    // Tapping a day in the calendar opens it: the session day shows what was counted, the next
    // day the plan's reasons, in the engine's words.
    await page.locator(`button.cal-day[title^="${next.today}"]`).click();
    await page.getByTestId('day-measured').waitFor();
    expect(await page.getByTestId('day-measured').textContent()).toMatch(/^Counted: \d+ jumps in \d+ s/);
    // The session day exported to FIT: the jumps its live recording counted, in laps.
    const live = ((await (await page.request.get(server.url + '/api/v1/recordings')).json()) as { recordings: { date: string; jumps: number }[] }).recordings.filter((r) => r.date === next.today);
    const session = await exportedFit(page, page.getByTestId('day-detail').getByRole('button', { name: 'Export to FIT' }));
    expect(session.name).toBe(`bounceback-rope-${next.today}.fit`);
    expect(session.laps.length).toBeGreaterThanOrEqual(1);
    expect(lapJumps(session.laps)).toBe(live.reduce((n, r) => n + r.jumps, 0));
    expect(session.session.jumpCount).toBe(lapJumps(session.laps));
    await shotOf(page, '.card', 'Calendar', 'phone-progress-day-fit');
    console.log(`FIT export of the session day: ${session.laps.length} laps, ${lapJumps(session.laps)} jumps`);
    await page.locator(`button.cal-day[title^="${next.tomorrow}"]`).click();
    // The opened day is drawn afresh (no reasons of the day before linger while its plan loads).
    await page.getByTestId('day-reasons').filter({ hasText: /Your jumps averaged \d+(\.\d)? cm/ }).waitFor();
    await check(page, 'progress, a day opened');
    await shotOf(page, '.card', 'Calendar', 'phone-progress-day');
  });

  it('exports a session logged without a recording as the rounds and rests the server gives for its log', async () => {
    const page = await person(phone);
    await page.goto(server.url + '/#/settings');
    const logged = await page.evaluate(async () => {
      const send = (method: string, path: string, body?: unknown) =>
        fetch('/api/v1' + path, { method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      const flags = ['saddle_numbness', 'bladder_bowel_change', 'progressive_leg_weakness', 'major_trauma', 'fever_unwell', 'cancer_history', 'unexplained_weight_loss', 'constant_night_pain', 'immunosuppression_or_iv_drugs', 'osteoporosis_minor_trauma'];
      await send('PUT', '/profile', { birth_year: 1984, height_cm: 172, rope_experience: 'regular', rope: 'beaded' });
      await send('POST', '/screening', Object.fromEntries(flags.map((f) => [f, false])));
      await send('POST', '/checkins', { pain: 1, feel: 'good', leg_symptoms: 'none', urgent_flags: [] });
      const plan = (await (await send('GET', '/plans/today')).json()) as { date: string; rope: { minutes: number; rounds: number } | null };
      // Every round run to its end: what the player logs.
      const status = (await send('POST', '/sessions', { completed: true, rope_minutes: plan.rope?.minutes ?? 0, pain_during_max: 1, pain_after: 1 })).status;
      const history = (await (await send('GET', '/history')).json()) as { days: { date: string; bouts: { kind: string; start_s: number; end_s: number }[] | null }[] };
      return { status, rounds: plan.rope?.rounds ?? 0, date: plan.date, bouts: history.days.find((d) => d.date === plan.date)?.bouts ?? [] };
    });
    expect(logged.status).toBe(201);
    expect(logged.rounds).toBeGreaterThan(1);
    expect(logged.bouts).toHaveLength(2 * logged.rounds - 1);
    await page.clock.setFixedTime(new Date(logged.date + 'T12:00:00'));
    await page.goto(server.url + '/#/progress');
    await page.locator(`button.cal-day[title^="${logged.date}"]`).click();
    const fit = await exportedFit(page, page.getByTestId('day-detail').getByRole('button', { name: 'Export to FIT' }));
    expect(fit.name).toBe(`bounceback-rope-${logged.date}.fit`);
    expect(fit.laps.map((l) => l.intensity)).toEqual(logged.bouts.map((b) => (b.kind === 'rest' ? 'rest' : 'active')));
    expect(fit.laps.map((l) => l.totalTimerTime)).toEqual(logged.bouts.map((b) => b.end_s - b.start_s));
    expect(fit.laps.every((l) => l.jumpCount === undefined)).toBe(true); // a log counts no jumps
    console.log(`FIT export of a logged day without a recording: ${fit.laps.length} laps for ${logged.rounds} rounds`);
  });

  it('finds no serious or critical accessibility violation on the new screens, light and dark', () => {
    expect(a11y).toEqual([]);
  });

  it('needs nothing the Content-Security-Policy of the server refuses (no inline style or script)', () => {
    expect(cspViolations).toEqual([]);
  });
});
