// "Add to my calendar" in Chromium against the real server: the person picks a time and length
// in Settings, in a browser whose time zone is Asia/Kolkata; the link shown is fetched with no
// credentials, as a calendar app subscribes, and parsed with ical.js: 14 daily events at 06:45
// Kolkata time, each with its reminder, today's plan summarized. Revoking answers 404.
import ICAL from 'ical.js';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, cspViolations, missingPrerequisite, newPage, phone, removeProfiles, shotOf, startServer, type Server } from './harness';

const skip = missingPrerequisite();
if (skip) console.log(`end-to-end calendar tests skipped: ${skip}`);

const ZONE = 'Asia/Kolkata'; // UTC+05:30 all year, no daylight saving
const CLEAR = Object.fromEntries(
  ['saddle_numbness', 'bladder_bowel_change', 'progressive_leg_weakness', 'major_trauma', 'fever_unwell', 'cancer_history', 'unexplained_weight_loss', 'constant_night_pain', 'immunosuppression_or_iv_drugs', 'osteoporosis_minor_trauma'].map((k) => [k, false]),
);
const todayIn = (zone: string, plusDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(Date.now() + plusDays * 86_400_000));

let server: Server;
const open: BrowserContext[] = [];

describe.skipIf(skip !== null)('the calendar feed from Settings', () => {
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const c of open) await c.close().catch(() => {});
    removeProfiles();
    await server?.stop();
  });

  it('makes a link in Settings that a calendar app can subscribe to, and revokes it', async () => {
    const { context, page } = await newPage(phone);
    open.push(context);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: ZONE });
    const email = `cal.${Date.now()}@example.org`;
    expect((await page.request.post(server.url + '/api/v1/auth/register', { data: { email, password: 'correct horse battery', role: 'person' } })).status()).toBe(201);
    expect((await page.request.put(server.url + '/api/v1/profile', { data: { birth_year: 1985, height_cm: 172, rope_experience: 'some', rope: 'beaded' } })).status()).toBe(200);
    expect((await page.request.post(server.url + '/api/v1/screening', { data: CLEAR })).status()).toBe(200);
    const today = todayIn(ZONE);
    expect((await page.request.post(server.url + `/api/v1/checkins?date=${today}`, { data: { pain: 2, feel: 'good' } })).status()).toBe(201);

    await page.goto(server.url + '/#/settings');
    const card = page.locator('section.card', { hasText: 'Add to my calendar' }).first();
    // Chromium names the zone by its older alias, Asia/Calcutta, which the server must know too.
    await card.getByText(/Time zone: Asia\/(Kolkata|Calcutta) /).waitFor();
    await card.getByLabel('Time', { exact: true }).fill('06:45');
    await card.getByLabel('Length').selectOption('30');
    await card.getByRole('button', { name: 'Add to my calendar' }).click();
    const link = card.getByLabel(/Your calendar link/);
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/api/v1/calendar/feeds/[0-9a-f]{64}\\.ics$`));
    expect(await card.getByRole('link', { name: 'Open in calendar app' }).getAttribute('href')).toBe(url.replace(/^http:/, 'webcal:'));
    await card.getByRole('button', { name: 'Copy link' }).click();
    await card.getByText(/^(Copied|Could not copy)/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shotOf(page, 'section.card', 'Add to my calendar', 'phone-settings-calendar');

    // A calendar app: no cookie, no token, only the address.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await feed.text();
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(14);
    events.forEach((event, i) => {
      // 06:45 in Kolkata is 01:15 UTC.
      expect(event.startDate.toJSDate().toISOString()).toBe(`${todayIn(ZONE, i)}T01:15:00.000Z`);
      expect(event.duration.toSeconds()).toBe(30 * 60);
      const alarms = event.component.getAllSubcomponents('valarm');
      expect(alarms).toHaveLength(1);
      expect(alarms[0].getFirstPropertyValue('action')).toBe('DISPLAY');
      expect((alarms[0].getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-600);
      expect(event.component.getFirstPropertyValue('url')).toBe(server.url + '/#/today');
    });
    expect(new Set(events.map((e) => e.uid)).size).toBe(14);
    expect(events[0].summary).toMatch(/^Bounceback: (Rope|Mixed|Gentle) day: .*min of/);
    expect(events[1].summary).toBe('Bounceback: daily practice');

    // Settings now knows a link is live; stopping it makes the address a 404.
    await page.reload();
    await card.getByRole('button', { name: 'Make a new calendar link' }).waitFor();
    expect(await card.getByLabel('Time', { exact: true }).inputValue()).toBe('06:45');
    await card.getByRole('button', { name: 'Stop the calendar link' }).click();
    await card.getByText('The calendar link no longer works.').waitFor();
    expect((await fetch(url)).status).toBe(404);
    await card.getByRole('button', { name: 'Add to my calendar' }).waitFor();
    expect(cspViolations).toEqual([]);
  });
});
