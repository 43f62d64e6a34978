import { beforeEach, describe, expect, it } from 'vitest';
import { api, ApiError, flushCheckins, flushPending, offlineCopy, queueCheckin, queuedCheckins, queuedSessions, queueSession, setFetcher } from './api';

function reply(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('api client', () => {
  beforeEach(() => localStorage.clear());

  it('sends JSON to /api/v1 with the date as a query and returns the parsed body', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    setFetcher(async (url, init) => {
      seen.push({ url, init });
      return reply(201, { date: '2026-03-02', checkin: { pain: 3, feel: 'okay' } });
    });
    const r = await api.checkIn({ pain: 3, feel: 'okay' }, '2026-03-02');
    expect(r.date).toBe('2026-03-02');
    expect(seen[0].url).toBe('/api/v1/checkins?date=2026-03-02');
    expect(seen[0].init?.method).toBe('POST');
    expect(JSON.parse(String(seen[0].init?.body))).toEqual({ pain: 3, feel: 'okay' });
  });

  it('turns an error body into an ApiError with the message and the field', async () => {
    setFetcher(async () => reply(422, { error: { code: 'invalid_argument', message: 'checkin.pain: must be a whole number from 0 to 10', field: 'checkin.pain' } }));
    const e = await api.checkIn({ pain: 11, feel: 'okay' }).catch((x) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(422);
    expect(e.field).toBe('checkin.pain');
    expect(e.message).toMatch(/^Checkin\.pain: must be/);
  });

  it('says in words when there is no connection', async () => {
    setFetcher(async () => {
      throw new TypeError('Failed to fetch');
    });
    const e = await api.profile().catch((x) => x);
    expect(e.offline).toBe(true);
    expect(e.message).toMatch(/No connection/);
  });

  it('starts the server\'s login refusal with a capital', async () => {
    setFetcher(async () => reply(401, { error: { code: 'unauthenticated', message: 'wrong email or password', field: '' } }));
    const e = await api.login('a@example.org', 'x').catch((x) => x);
    expect(e.message).toBe('Wrong email or password');
  });

  it('hides server internals behind a plain sentence', async () => {
    setFetcher(async () => reply(500, { error: { code: 'internal', message: 'sqlite: disk I/O error', field: '' } }));
    const e = await api.profile().catch((x) => x);
    expect(e.message).toMatch(/went wrong on the server/);
    expect(e.message).toMatch(/typed is kept/);
  });

  it('queues check-ins made offline, one per date, and sends them when the connection returns', async () => {
    queueCheckin({ date: '2026-03-01', checkin: { pain: 4, feel: 'sensitive' } });
    queueCheckin({ date: '2026-03-02', checkin: { pain: 3, feel: 'okay' } });
    queueCheckin({ date: '2026-03-02', checkin: { pain: 2, feel: 'good' } });
    expect(queuedCheckins()).toHaveLength(2);

    setFetcher(async () => {
      throw new TypeError('offline');
    });
    expect(await flushCheckins()).toBe(0);
    expect(queuedCheckins()).toHaveLength(2);

    const sent: string[] = [];
    setFetcher(async (url, init) => {
      sent.push(url + ' ' + String(init?.body));
      return reply(201, {});
    });
    expect(await flushCheckins()).toBe(2);
    expect(queuedCheckins()).toHaveLength(0);
    expect(sent).toEqual([
      '/api/v1/checkins?date=2026-03-01 {"pain":4,"feel":"sensitive"}',
      '/api/v1/checkins?date=2026-03-02 {"pain":2,"feel":"good"}',
    ]);
  });

  it('sends the queued check-ins before the queued session logs, and keeps the logs while offline', async () => {
    queueSession({ date: '2026-03-02', session: { completed: false, rope_minutes: 1, pain_during_max: 2, pain_after: 1, stopped: 'fatigue' } });
    queueCheckin({ date: '2026-03-02', checkin: { pain: 2, feel: 'good' } });
    setFetcher(async () => {
      throw new TypeError('offline');
    });
    expect(await flushPending()).toBe(0);
    expect(queuedSessions()).toHaveLength(1);

    const sent: string[] = [];
    setFetcher(async (url) => {
      sent.push(url);
      return reply(201, {});
    });
    expect(await flushPending()).toBe(2);
    expect(sent).toEqual(['/api/v1/checkins?date=2026-03-02', '/api/v1/sessions?date=2026-03-02']);
    expect(queuedSessions()).toHaveLength(0);
  });

  it('drops a queued session log the server refuses, so the queue never blocks', async () => {
    queueSession({ date: '2026-03-01', session: { completed: true, rope_minutes: 1, pain_during_max: 2, pain_after: 1 } });
    queueSession({ date: '2026-03-02', session: { completed: true, rope_minutes: 1, pain_during_max: 2, pain_after: 1 } });
    setFetcher(async (url) => (url.includes('03-01') ? reply(422, { error: { code: 'invalid_argument', message: 'no plan that day' } }) : reply(201, {})));
    expect(await flushPending()).toBe(2);
    expect(queuedSessions()).toHaveLength(0);
  });

  it('keeps the queue through an expired login and a server error, and drops what another account queued', async () => {
    offlineCopy.keepAccount({ id: 7, email: 'a@example.org', role: 'person' });
    queueSession({ date: '2026-03-02', session: { completed: true, rope_minutes: 1, pain_during_max: 2, pain_after: 1 } });
    for (const status of [401, 429, 503]) {
      setFetcher(async () => reply(status, { error: { code: String(status), message: 'not now' } }));
      expect(await flushPending(7)).toBe(0);
      expect(queuedSessions()).toHaveLength(1);
    }
    let calls = 0;
    setFetcher(async () => {
      calls++;
      return reply(201, {});
    });
    expect(await flushPending(8)).toBe(0);
    expect(calls).toBe(0);
    expect(queuedSessions()).toHaveLength(0);
  });

  it('keeps today for the account and date it was fetched for, and forgets everything on logout', () => {
    const today = { date: '2026-03-02', state: 'plan_ready' } as Parameters<typeof offlineCopy.keepToday>[1];
    offlineCopy.keepAccount({ id: 7, email: 'a@example.org', role: 'person' });
    offlineCopy.keepToday(7, today);
    expect(offlineCopy.today(7, '2026-03-02')?.state).toBe('plan_ready');
    expect(offlineCopy.today(8, '2026-03-02')).toBeNull();
    expect(offlineCopy.today(7, '2026-03-03')).toBeNull();
    queueSession({ date: '2026-03-02', session: { completed: true, rope_minutes: 1, pain_during_max: 2, pain_after: 1 } });
    offlineCopy.forget();
    expect(offlineCopy.account()).toBeNull();
    expect(offlineCopy.today(7, '2026-03-02')).toBeNull();
    expect(queuedSessions()).toHaveLength(0);
  });

  it('uploads a recording as the file itself, typed text/csv, with its options in the query', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    setFetcher(async (url, init) => {
      seen.push({ url, init });
      return reply(201, { id: 3 });
    });
    const file = new File(['t,x,y,z\n'], 'my set.csv', { type: 'application/vnd.ms-excel' });
    await api.uploadRecording(file, { date: '2026-03-02', placement: 'pocket', name: file.name });
    expect(seen[0].url).toBe('/api/v1/recordings?date=2026-03-02&placement=pocket&name=my+set.csv');
    expect(seen[0].init?.body).toBe(file);
    expect((seen[0].init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    await api.deleteRecording(3);
    expect(seen[1].url).toBe('/api/v1/recordings/3');
    expect(seen[1].init?.method).toBe('DELETE');
  });
});
