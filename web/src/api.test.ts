import { beforeEach, describe, expect, it } from 'vitest';
import { api, ApiError, flushCheckins, queueCheckin, queuedCheckins, setFetcher } from './api';

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
