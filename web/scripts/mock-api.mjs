// A stand-in for `bounceback serve` for working on screens without the C++ server: it keeps one
// in-memory person, answers the API routes the app uses with plausible data, and serves web/dist.
// Plans here are fixed examples, not the engine's. Run: node scripts/mock-api.mjs [port]
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const catalogDir = join(root, '../data/catalog');
const items = readdirSync(catalogDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(catalogDir, f), 'utf8')).items);
const port = Number(process.argv[2] ?? 8080);
const today = new Date().toISOString().slice(0, 10);

const accounts = new Map(); // token -> account
const data = new Map(); // account id -> person data
let nextId = 1;

const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
const fail = (res, status, code, message, field = '') => send(res, status, { error: { code, message, field } });

function plan(d) {
  const c = d.checkins.get(today);
  const urgent = d.screen?.outcome === 'urgent' || (c?.urgent_flags?.length ?? 0) > 0;
  const day_type = c.pain >= 6 || c.feel === 'sensitive' ? 'restorative' : c.feel === 'good' ? 'rope' : 'mixed';
  return {
    date: today,
    status: urgent ? 'urgent' : d.screen?.outcome === 'see_clinician' && !d.screen.cleared_on ? 'see_clinician' : 'ok',
    day_type: urgent ? 'rest' : day_type,
    rope: day_type === 'restorative' || urgent ? null : { minutes: 2, work_seconds: 20, rest_seconds: 40, rounds: 6, cadence_per_min: 100, skill: day_type === 'rope' ? 'basic_bounce' : 'side_swing' },
    stretch: { minutes: 6, items: ['cat_cow', 'pelvic_tilts', 'childs_pose'], warm_up: ['cat_cow'], main: ['pelvic_tilts'], cool_down: ['childs_pose'] },
    traffic_light: null,
    ask_urgent_questions: false,
    reasons: [`Your back feels ${c.feel} today (pain ${c.pain}/10), so today is a ${day_type} day.`, 'This is an example plan from the development stand-in.'],
    rules: [],
  };
}

// Recordings: a rough landing detector (free fall below 0.5 g, then a peak above 1.8 g), enough
// to show the screens; the server's analysis is `bounceback analyze`.
let nextRecording = 1;
const withoutCsv = ({ csv, ...r }) => r;
const listItem = (r) => ({
  id: r.id, date: r.date, source: r.source, name: r.name, created_at: r.created_at, placement: r.analysis.placement,
  jumps: r.analysis.jumps, cadence_per_min: r.analysis.cadence_per_min, jump_height_cm: r.analysis.jump_height_cm,
  impact_g: r.analysis.impact_g, duration_s: r.analysis.input.duration_s, feedback: r.analysis.feedback,
});
function analyse(csv, placement, lenient) {
  const lines = csv.split(/\r?\n/);
  const header = lines[0]?.split(',') ?? [];
  if (!csv.trim()) return { error: 'the file is empty' };
  const rows = [];
  let skipped = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const c = lines[i].split(',').map(Number);
    if (c.length < 4 || c.some((v) => !Number.isFinite(v))) {
      if (lenient) { skipped++; continue; }
      return { error: `line ${i + 1}: a value is not a number (use --lenient to skip such rows)` };
    }
    rows.push([c[0], ...c.slice(-3)]);
  }
  if (rows.length < 10) return { error: 'too few rows to analyse (at least 10)' };
  return analyseRows(rows, placement, header, skipped);
}

function analyseRows(rows, placement, header, skipped = 0) {
  const t0 = rows[0][0];
  const mag = rows.map((r) => Math.hypot(r[1], r[2], r[3]));
  const ms2 = mag.slice().sort((a, b) => a - b)[mag.length >> 1] > 4;
  const g = mag.map((m) => (ms2 ? m / 9.80665 : m));
  const ts = rows.map((r) => r[0] - t0);
  const duration = ts[ts.length - 1];
  const events = [];
  let fell = -1;
  for (let i = 1; i < g.length - 1; i++) {
    if (g[i] < 0.5) fell = ts[i];
    if (fell >= 0 && g[i] > 1.8 && g[i] >= g[i - 1] && g[i] >= g[i + 1] && ts[i] - fell < 0.5) {
      events.push({ t: Math.round(ts[i] * 1000) / 1000, flight_s: null, impact_g: Math.round(g[i] * 100) / 100 });
      fell = -1;
    }
  }
  const gaps = events.slice(1).map((e, i) => e.t - events[i].t);
  const mean = gaps.length ? gaps.reduce((s, x) => s + x, 0) / gaps.length : 0;
  const cv = gaps.length > 1 ? Math.sqrt(gaps.reduce((s, x) => s + (x - mean) ** 2, 0) / gaps.length) / mean : 0;
  const bin = Math.max(0.05, duration / 1500);
  const bins = Math.ceil(duration / bin) + 1;
  const low = Array(bins).fill(null);
  const high = Array(bins).fill(null);
  ts.forEach((t, i) => {
    const b = Math.floor(t / bin);
    low[b] = low[b] === null ? g[i] : Math.min(low[b], g[i]);
    high[b] = high[b] === null ? g[i] : Math.max(high[b], g[i]);
  });
  // Jumps a minute in each 10 s of the set.
  const cadence_over_time = [];
  for (let w = 0; w < duration; w += 10) {
    const inside = events.filter((e) => e.t >= w && e.t < w + 10);
    if (inside.length > 1) cadence_over_time.push({ t: w, per_min: Math.round((600 * (inside.length - 1)) / (inside[inside.length - 1].t - inside[0].t)) / 10 });
  }
  const noJumps = 'no jumps counted: the stand-in found no landing in this file';
  const impact = events.length ? events.reduce((s, e) => s + e.impact_g, 0) / events.length : null;
  return {
    placement: placement === 'auto' ? 'pocket' : placement, placement_guessed: placement === 'auto', jumps: events.length, events,
    cadence_per_min: mean ? Math.round(600 / mean) / 10 : 0, cadence_over_time, jump_height_cm: null, impact_g: impact && Math.round(impact * 100) / 100,
    impact_clipped: false, rhythm_cv: Math.round(cv * 1000) / 1000, trips: 0, rests: 0, longest_run: events.length,
    active_seconds: events.length > 1 ? Math.round((events[events.length - 1].t - events[0].t) * 10) / 10 : 0,
    feedback: events.length ? ['This is an example analysis from the development stand-in.'] : [],
    warnings: [
      ...(placement === 'auto' ? ['placement guessed from the signal: pocket (the stand-in always guesses pocket)'] : []),
      ...(events.length ? [] : [noJumps]),
    ],
    placement_certainty: placement === 'auto' ? (events.length ? 'unsure' : 'no evidence') : null,
    placement_evidence: placement === 'auto' ? { ankle: 0, pocket: events.length, wrist: 0 } : null,
    // The stand-in has no plausibility gate: it keeps every landing it finds.
    gate: { candidates: events.length, kept: events.length, short_flight: 0, not_turning: 0, no_rhythm: 0, runs: events.length ? 1 : 0, why: events.length ? null : noJumps, set_aside: [] },
    input: { rows: rows.length, duration_s: Math.round(duration * 1000) / 1000, time_column: header[0] ?? 't', axis_columns: header.slice(-3), units: ms2 ? 'm/s^2' : 'g', skipped_rows: skipped },
    signal: { bin_s: bin, low, high },
  };
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname;
  if (!path.startsWith('/api/v1')) {
    const file = join(root, 'dist', path === '/' ? 'index.html' : path);
    if (!existsSync(file)) return send(res, 404, { error: { code: 'not_found', message: 'not found', field: '' } });
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    return res.end(readFileSync(file));
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  const type = (req.headers['content-type'] ?? '').split(';')[0];
  const json = body && type === 'application/json' ? JSON.parse(body) : undefined;
  const route = `${req.method} ${path.slice(7).replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
  const ids = [...path.matchAll(/\/(\d+)(?=\/|$)/g)].map((m) => Number(m[1]));
  const token = /bb_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const account = token ? accounts.get(token) : undefined;
  const open = (a, status) => {
    const t = String(Math.random()).slice(2);
    accounts.set(t, a);
    send(res, status, { account: a, token: t, expires_at: 0 }, { 'Set-Cookie': `bb_session=${t}; HttpOnly; SameSite=Strict; Path=/` });
  };
  if (route === 'GET /catalog') return send(res, 200, { items });
  if (route === 'POST /auth/register') {
    const a = { id: nextId++, email: json.email, role: json.role ?? 'person' };
    data.set(a.id, { checkins: new Map(), sessions: new Map(), psfs: [], peg: [], recordings: [] });
    return open(a, 201);
  }
  if (route === 'POST /auth/login') {
    const a = [...accounts.values()].find((x) => x.email === json.email);
    return a ? open(a, 200) : fail(res, 401, 'unauthenticated', 'wrong email or password');
  }
  if (!account) return fail(res, 401, 'unauthenticated', 'please log in');
  const d = data.get(account.id);
  switch (route) {
    case 'GET /account':
      return send(res, 200, account);
    case 'POST /auth/logout':
      return send(res, 204);
    case 'GET /profile':
      return d.profile ? send(res, 200, d.profile) : fail(res, 404, 'not_found', 'no profile yet');
    case 'PUT /profile':
      d.profile = json;
      return send(res, 200, json);
    case 'GET /screening':
      return d.screen ? send(res, 200, d.screen) : fail(res, 404, 'not_found', 'no screen yet');
    case 'POST /screening': {
      const urgent = ['saddle_numbness', 'bladder_bowel_change', 'progressive_leg_weakness'].filter((k) => json[k]);
      const see = Object.keys(json).filter((k) => json[k] && !urgent.includes(k));
      d.screen = { date: today, outcome: urgent.length ? 'urgent' : see.length ? 'see_clinician' : 'clear', urgent, see_clinician: see, cleared_on: null };
      return send(res, 200, d.screen);
    }
    case 'PUT /clearance':
      if (d.screen) d.screen.cleared_on = json.cleared_on;
      return send(res, 200, json);
    case 'POST /checkins':
      if (json.pain > 10) return fail(res, 422, 'invalid_argument', 'checkin.pain: must be a whole number from 0 to 10', 'checkin.pain');
      d.checkins.set(today, json);
      return send(res, 201, { date: today, checkin: json });
    case 'GET /plans/today':
      if (!d.screen || !d.checkins.has(today)) return fail(res, 404, 'not_found', 'no check-in for today');
      return send(res, 200, plan(d));
    case 'POST /sessions':
      d.sessions.set(today, json);
      return send(res, 201, { date: today, session: json });
    case 'GET /history':
      return send(res, 200, {
        days: [...d.checkins].map(([date, checkin]) => ({ date, checkin, status: 'ok', day_type: 'mixed', traffic_light: null, session: d.sessions.get(date) ?? null, next_morning_pain: null })),
      });
    case 'GET /progress':
      return send(res, 200, {
        pain: [...d.checkins].map(([date, c]) => ({ date, pain: c.pain })),
        rope_weeks: [{ week_start: today, rope_minutes: [...d.sessions.values()].reduce((s, x) => s + x.rope_minutes, 0), sessions: d.sessions.size }],
        traffic_lights: [],
        peg: d.peg,
        psfs: d.psfs,
      });
    case 'POST /measures/psfs':
      d.psfs.push({ date: today, psfs: json });
      return send(res, 201, { date: today, measure: 'psfs', score: 5, change: null });
    case 'POST /measures/peg':
      d.peg.push({ date: today, peg: json });
      return send(res, 201, { date: today, measure: 'peg', score: 5, change: null });
    case 'GET /rope-advice':
      return send(res, 200, { recommendation: 'A beaded rope turns slowly and is easy to see.', length_cm: 275, length_note: 'Handles reach your armpits when you stand on the middle.', surface: 'a wooden floor or a rubber mat', shoes: 'cushioned trainers', avoid: ['concrete'] });
    case 'POST /recordings': {
      if (!['text/csv', 'text/plain', 'application/octet-stream'].includes(type)) return fail(res, 415, 'unsupported_media_type', 'send the recording as Content-Type: text/csv');
      if (body.length > 16 * 1024 * 1024) return fail(res, 413, 'payload_too_large', 'the body is larger than 16777216 bytes');
      const placement = url.searchParams.get('placement') ?? 'auto';
      const a = analyse(body, placement, url.searchParams.get('lenient') === 'true');
      if (a.error) return fail(res, 422, 'invalid_argument', a.error, 'csv');
      const r = { id: nextRecording++, date: url.searchParams.get('date') ?? today, source: 'upload', name: url.searchParams.get('name') ?? 'recording.csv', created_at: Math.floor(Date.now() / 1000), analysis: a, csv: body };
      d.recordings.push(r);
      return send(res, 201, withoutCsv(r));
    }
    case 'GET /recordings':
      return send(res, 200, { recordings: [...d.recordings].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id)).map(listItem) });
    case 'GET /recordings/{id}':
    case 'GET /recordings/{id}/csv':
    case 'DELETE /recordings/{id}': {
      const r = d.recordings.find((x) => x.id === ids[0]);
      if (!r) return fail(res, 404, 'not_found', 'no such recording');
      if (req.method === 'DELETE') {
        d.recordings = d.recordings.filter((x) => x !== r);
        return send(res, 204);
      }
      if (path.endsWith('/csv')) {
        res.writeHead(200, { 'Content-Type': 'text/csv' });
        return res.end(r.csv);
      }
      return send(res, 200, withoutCsv(r));
    }
    case 'GET /shares':
      return send(res, 200, { shares: [] });
    case 'POST /shares/invites':
      return send(res, 201, { code: 'K7Q2-M9XD', expires_at: 0 });
    default:
      return fail(res, 404, 'not_found', `no route ${route} in the stand-in`);
  }
});
// The live WebSocket, enough for the app: text frames of JSON, a count after each batch from the
// same rough detector, the recording saved on "end" or when the connection drops.
server.on('upgrade', (req, socket) => {
  const url = new URL(req.url, 'http://x');
  const token = /bb_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const account = token ? accounts.get(token) : undefined;
  const refuse = (status, text, code, message, field = '') => {
    const body = JSON.stringify({ error: { code, message, field } });
    socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  };
  if (url.pathname !== '/api/v1/live') return refuse(404, 'Not Found', 'not_found', 'no such route');
  if (!account) return refuse(401, 'Unauthorized', 'unauthenticated', 'please log in');
  const placement = url.searchParams.get('placement');
  if (!['pocket', 'ankle', 'wrist', 'chest'].includes(placement)) return refuse(422, 'Unprocessable Entity', 'invalid_argument', 'placement: must be pocket, ankle, wrist or chest', 'placement');
  const units = url.searchParams.get('units') ?? 'ms2';
  const accept = createHash('sha1').update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  const frame = (opcode, payload) => {
    const n = payload.length;
    const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 255]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; })()]);
    if (!socket.destroyed) socket.write(Buffer.concat([head, payload]));
  };
  const say = (m) => frame(1, Buffer.from(JSON.stringify(m)));
  const rows = [];
  let saved = false;
  const save = () => {
    saved = true;
    if (!rows.length) return null;
    const r = { id: nextRecording++, date: url.searchParams.get('date') ?? today, source: 'live', name: `live-${placement}`, created_at: Math.floor(Date.now() / 1000), analysis: analyseRows(rows, placement, ['t_s', 'x', 'y', 'z']), csv: 't_s,x,y,z\n' + rows.map((r) => r.join(',')).join('\n') + '\n' };
    data.get(account.id).recordings.push(r);
    return r;
  };
  say({ type: 'ready', placement, units, max_samples: 360000 });
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (pending.length < 2) return;
      const opcode = pending[0] & 15;
      let len = pending[1] & 127;
      let at = 2;
      if (len === 126) (len = pending.readUInt16BE(2)), (at = 4);
      else if (len === 127) (len = Number(pending.readBigUInt64BE(2))), (at = 10);
      const masked = pending[1] & 128;
      if (pending.length < at + (masked ? 4 : 0) + len) return;
      const mask = masked ? pending.subarray(at, at + 4) : null;
      at += masked ? 4 : 0;
      const payload = Buffer.from(pending.subarray(at, at + len));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      pending = pending.subarray(at + len);
      if (opcode === 8) return frame(8, Buffer.from([0x03, 0xe8])), socket.end();
      if (opcode === 9) { frame(10, payload); continue; }
      if (opcode !== 1) continue;
      let m;
      try { m = JSON.parse(payload.toString()); } catch { say({ type: 'error', error: { code: 'invalid_argument', message: 'a message is not JSON', field: '' } }); continue; }
      if (m.type === 'samples') {
        const batch = Array.isArray(m.samples) ? m.samples : [];
        const last = rows.length ? rows[rows.length - 1][0] : -Infinity;
        if (!batch.length || batch.length > 2000 || batch.some((r, i) => !Array.isArray(r) || r.length !== 4 || r.some((v) => !Number.isFinite(v)) || r[0] <= (i ? batch[i - 1][0] : last))) {
          say({ type: 'error', error: { code: 'invalid_argument', message: 'samples: each is [t, x, y, z] with t increasing, at most 2000 a frame', field: 'samples' } });
          continue;
        }
        const before = rows.length >= 10 ? analyseRows(rows, placement, []).jumps : 0;
        rows.push(...batch.map((r) => (units === 'g' ? r : [r[0], r[1] / 9.80665, r[2] / 9.80665, r[3] / 9.80665])));
        const a = rows.length >= 10 ? analyseRows(rows, placement, []) : { jumps: 0, cadence_per_min: 0, events: [], feedback: [] };
        say({ type: 'count', jumps: a.jumps, cadence_per_min: a.cadence_per_min, elapsed_s: rows[rows.length - 1][0], new_jumps: a.events.slice(before), cues: a.jumps > before ? a.feedback : [] });
      } else if (m.type === 'end') {
        const r = save();
        say({ type: 'saved', recording: r && withoutCsv(r) });
        frame(8, Buffer.from([0x03, 0xe8]));
        socket.end();
      }
    }
  });
  socket.on('close', () => saved || save());
  socket.on('error', () => {});
});

server.listen(port, '127.0.0.1', () => console.log(`stand-in API and app on http://127.0.0.1:${port}/`));
