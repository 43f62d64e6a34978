// A stand-in for `bounceback serve` for working on screens without the C++ server: it keeps one
// in-memory person, answers the API routes the app uses with plausible data, and serves web/dist.
// Plans here are fixed examples, not the engine's. Run: node scripts/mock-api.mjs [port]
import { createServer } from 'node:http';
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
    rope: day_type === 'restorative' || urgent ? null : { minutes: 2, work_seconds: 20, rest_seconds: 40, rounds: 6, cadence_per_min: 100, skill: 'side_swing' },
    stretch: { minutes: 6, items: ['cat_cow', 'pelvic_tilts', 'childs_pose'], warm_up: ['cat_cow'], main: ['pelvic_tilts'], cool_down: ['childs_pose'] },
    traffic_light: null,
    ask_urgent_questions: false,
    reasons: [`Your back feels ${c.feel} today (pain ${c.pain}/10), so today is a ${day_type} day.`, 'This is an example plan from the development stand-in.'],
    rules: [],
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
  const json = body ? JSON.parse(body) : undefined;
  const route = `${req.method} ${path.slice(7)}`;
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
    data.set(a.id, { checkins: new Map(), sessions: new Map(), psfs: [], peg: [] });
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
    case 'GET /shares':
      return send(res, 200, { shares: [] });
    case 'POST /shares/invites':
      return send(res, 201, { code: 'K7Q2-M9XD', expires_at: 0 });
    default:
      return fail(res, 404, 'not_found', `no route ${route} in the stand-in`);
  }
});
server.listen(port, '127.0.0.1', () => console.log(`stand-in API and app on http://127.0.0.1:${port}/`));
