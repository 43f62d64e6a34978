// A small typed client for the Bounceback HTTP API (docs/openapi.yaml). The browser keeps the
// session in an HttpOnly cookie, so no token is handled here.
import { apiWords } from './api.words';

export type Role = 'person' | 'clinician';
export type Feel = 'sensitive' | 'okay' | 'good';
export type LegSymptoms = 'none' | 'above_knee' | 'below_knee';
export type RopeExperience = 'none' | 'some' | 'regular';
export type RopeOwned = 'none' | 'beaded' | 'speed_quarter_lb' | 'pvc_speed' | 'heavy' | 'ropeless';
export type Aggravator = 'sitting' | 'bending' | 'standing' | 'arching' | 'walking' | 'lying';
export type UrgentFlag = 'saddle_numbness' | 'bladder_bowel_change' | 'progressive_leg_weakness';
export type StopReason = 'none' | 'sharp_pain' | 'fatigue' | 'other';
export type Light = 'green' | 'amber' | 'red';
export type DayType = 'rest' | 'restorative' | 'mixed' | 'rope';
export type PlanStatus = 'ok' | 'see_clinician' | 'urgent';
export type ScreenOutcome = 'clear' | 'see_clinician' | 'urgent';

export interface Account { id: number; email: string; role: Role; display_name?: string }
// When the daily session goes into the person's own calendar (the feed of /calendar).
export interface CalendarSettings { time: string; minutes: number; time_zone: string }
export interface CalendarView { time: string; minutes: number; time_zone: string | null; feed: boolean }
export interface SessionOpened { account: Account; token: string; expires_at: number }
export interface Profile {
  birth_year: number;
  height_cm: number;
  rope_experience: RopeExperience;
  rope: RopeOwned;
  aggravated_by?: Aggravator[];
}
export type Screening = Record<string, boolean>;
export interface ScreenSummary {
  date: string;
  outcome: ScreenOutcome;
  urgent: string[];
  see_clinician: string[];
  cleared_on?: string | null;
}
// What the person needs now (GET /today), in the order the server decides it.
export type TodayStep =
  | 'needs_profile'
  | 'needs_screen'
  | 'blocked_urgent'
  | 'blocked_until_clearance'
  | 'needs_followup'
  | 'needs_checkin'
  | 'plan_ready'
  | 'session_logged';
export interface TodayState {
  date: string;
  state: TodayStep;
  screen: ScreenSummary | null;
  ask_urgent_questions: boolean;
  followup_session_date: string | null;
  plan: Plan | null;
  checkin: CheckIn | null;
  session: SessionLog | null;
  advice: string | null;
}
export interface CheckIn {
  pain: number;
  feel: Feel;
  leg_symptoms?: LegSymptoms;
  urgent_flags?: UrgentFlag[];
  notes?: string;
}
export interface DatedCheckIn { date: string; checkin: CheckIn }
export interface SessionLog {
  completed: boolean;
  rope_minutes: number;
  pain_during_max: number;
  pain_after: number;
  stopped?: StopReason;
  effort?: number; // 0-10, how hard it felt
  notes?: string;
  // In answers only: what the session's recordings measured, merged (the engine reads this).
  measured?: Measured;
}
export interface Measured {
  active_seconds: number;
  jumps: number;
  placement: string;
  cadence_per_min?: number;
  height_cm?: number;
  impact_g?: number;
  trips?: number;
  longest_run?: number;
}
export interface DatedSession { date: string; session: SessionLog }
export interface FollowUp { session_date: string; pain: number }
export interface RopeDose {
  minutes: number;
  work_seconds: number;
  rest_seconds: number;
  rounds: number;
  cadence_per_min: number;
  skill: string;
}
export interface StretchDose {
  minutes: number;
  items: string[];
  warm_up: string[];
  main: string[];
  cool_down: string[];
}
// A red-flag question as the engine words it; `advice` is what to do now after a yes.
export interface SafetyQuestion {
  id: string;
  question: string;
  summary: string;
  urgent: boolean;
  advice: string;
}
// One step of the session script the engine writes; the player plays these in order.
export type Side = 'right' | 'left' | null;
export type SessionPart = 'warm_up' | 'main' | 'rope' | 'cool_down';
export type PlanStep =
  | { kind: 'hold'; part: SessionPart; item: string; seconds: number; side: Side }
  | { kind: 'reps'; part: SessionPart; item: string; reps: number; side: Side }
  | { kind: 'rope'; part: SessionPart; item: string; round: number; seconds: number; cadence_per_min: number; skill: string }
  | { kind: 'rest'; part: SessionPart; round: number; seconds: number };
export interface Plan {
  date: string;
  status: PlanStatus;
  day_type: DayType;
  rope: RopeDose | null;
  stretch: StretchDose;
  steps: PlanStep[];
  traffic_light: Light | null;
  ask_urgent_questions: boolean;
  reasons: string[];
  rules: { rule: string; text: string }[];
}
export interface HistoryDay {
  date: string;
  checkin: CheckIn;
  status: PlanStatus;
  day_type: DayType;
  traffic_light: Light | null;
  session?: SessionLog | null;
  next_morning_pain?: number | null;
  // The logged session's rope as work and rest from its start (the plan's rounds when the log
  // shows they ran, else one bout of the rope time); jumps are null: a log counts none.
  bouts?: { kind: 'work' | 'rest'; start_s: number; end_s: number; jumps: number | null }[] | null;
  // What the day's recordings counted, in the server's words ("Counted: 240 jumps in 2 min 40 s
  // ..."); null without a counted jump.
  measured_words?: string | null;
}
export interface Change {
  baseline: number;
  current: number;
  direction: string;
  explanation: string;
}
export interface Peg3 { average_pain: number; enjoyment_interference: number; activity_interference: number }
export interface PsfsActivity { name: string; score: number }
export interface Psfs { activities: PsfsActivity[] }
export interface MeasureResult { date: string; measure: 'peg' | 'psfs'; score: number; change: Change | null }
export interface Progress {
  pain: { date: string; pain: number }[];
  pain_change?: Change | null;
  rope_weeks: { week_start: string; rope_minutes: number; sessions: number }[];
  traffic_lights: { date: string; light: Light }[];
  peg: { date: string; score?: number; [k: string]: unknown }[];
  peg_change?: Change | null;
  psfs: { date: string; score?: number; [k: string]: unknown }[];
  psfs_change?: Change | null;
}
export interface Share {
  person_id: number;
  clinician_id: number;
  person_email: string;
  clinician_email: string;
  person_name?: string; // display names, empty when not set
  clinician_name?: string;
  since: number;
}
export interface Invite { code: string; expires_at: number }
export interface CatalogItem {
  id: string;
  name: string;
  kind: 'stretch' | 'yoga' | 'mobility' | 'rope_drill';
  targets: string[];
  position: 'floor' | 'standing' | 'chair';
  hold_seconds?: number;
  reps?: number;
  each_side?: boolean;
  steps: string[];
  cues: string[];
  breath?: string;
  cautions: string[];
  [k: string]: unknown;
}
export interface RopeAdvice {
  recommended?: string;
  recommendation?: string;
  about_owned?: string;
  avoid?: string[];
  length_cm?: number;
  length_note?: string;
  surface?: string;
  shoes?: string;
  // How the first sessions go, from the rule the engine doses with.
  start?: string;
}

export type Placement = 'pocket' | 'ankle' | 'wrist' | 'chest';
export type PlacementCertainty = 'sure' | 'unsure' | 'no evidence';
export interface JumpEvent { t: number; flight_s: number | null; impact_g: number | null }
export interface Analysis {
  placement: Placement | 'waist';
  placement_guessed?: boolean;
  placement_certainty?: PlacementCertainty | null;
  // The guess's evidence: jumps in rhythm each placement's counter kept; null when given.
  placement_evidence?: { ankle: number; pocket: number; wrist: number } | null;
  // The plausibility gate: how many jump-like events it kept and why it set the others aside
  // (`why` is null when everything was counted).
  gate?: {
    candidates: number; kept: number; short_flight: number; not_turning: number; no_rhythm: number; runs: number; why: string | null;
    set_aside?: { t: number; reason: string }[];
  };
  jumps: number;
  events: JumpEvent[];
  cadence_per_min: number;
  cadence_over_time: { t: number; per_min: number }[];
  jump_height_cm: number | null;
  impact_g: number | null;
  impact_clipped: boolean;
  rhythm_cv: number;
  trips: number;
  rests: number;
  // Work between the rests the server counted, and those rests, in time order (seconds from the
  // recording's start; a work bout from its first landing to its last).
  bouts: { kind: 'work' | 'rest'; start_s: number; end_s: number; jumps: number }[];
  longest_run: number;
  active_seconds: number;
  feedback: string[];
  warnings: string[];
  input: { rows: number; duration_s: number; time_column: string; axis_columns: string[]; units: string; skipped_rows?: number };
  // |a| in g: the lowest and highest reading in each bin from t = 0; null for an empty bin.
  signal: { bin_s: number; low: (number | null)[]; high: (number | null)[] };
}
export interface Recording { id: number; date: string; source: 'upload' | 'live'; name: string; created_at: number; analysis: Analysis }
export interface RecordingItem {
  id: number;
  date: string;
  source: 'upload' | 'live';
  name: string;
  created_at: number;
  placement: string;
  jumps: number;
  cadence_per_min: number;
  jump_height_cm: number | null;
  impact_g: number | null;
  duration_s: number;
  active_seconds?: number;
  trips?: number;
  longest_run?: number;
  feedback: string[];
}
export interface UploadOptions { date?: string; placement?: Placement | 'auto'; name?: string; lenient?: boolean }

// An answer that is not a success, in words a person can act on.
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get offline(): boolean {
    return this.status === 0;
  }
}

const BASE = '/api/v1';

function plainWords(status: number, code: string, message: string): string {
  if (status === 0) return apiWords.offline;
  if (status === 401) return message ? message.charAt(0).toUpperCase() + message.slice(1) : apiWords.logInAgain;
  if (status === 429) return message || apiWords.tooMany;
  if (status >= 500) return apiWords.serverFailed;
  if (message) return message.charAt(0).toUpperCase() + message.slice(1);
  return apiWords.failed(code || String(status));
}

export type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;
let fetcher: Fetcher = (input, init) => fetch(input, init);
export function setFetcher(f: Fetcher): void {
  fetcher = f;
}

// A body that is already a file (Blob) goes as it is, with the given type; anything else as JSON.
async function request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    const raw = typeof Blob !== 'undefined' && body instanceof Blob;
    init.body = raw ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = contentType ?? 'application/json';
  }
  let res: Response;
  try {
    res = await fetcher(BASE + path, init);
  } catch {
    throw new ApiError(plainWords(0, 'offline', ''), 0, 'offline', '');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
    const code = err?.code ?? String(res.status);
    throw new ApiError(plainWords(res.status, code, err?.message ?? ''), res.status, code, err?.field ?? '');
  }
  return data as T;
}

// "76nm 3e82 8nu7" as typed or pasted: the server accepts it too; this only tidies what is sent.
export function tidyShareCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}

const q = (date?: string) => (date ? `?date=${encodeURIComponent(date)}` : '');

export const api = {
  // A clinician account needs the invite code the server's operator made, unless sign-up is open.
  register: (email: string, password: string, role: Role = 'person', invite = '') =>
    request<SessionOpened>('POST', '/auth/register', { email, password, role, ...(role === 'clinician' && invite ? { invite } : {}) }),
  login: (email: string, password: string) => request<SessionOpened>('POST', '/auth/login', { email, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  account: () => request<Account>('GET', '/account'),
  deleteAccount: (password: string) => request<void>('DELETE', '/account', { password }),
  setDisplayName: (display_name: string) => request<Account>('PUT', '/account', { display_name }),

  profile: () => request<Profile>('GET', '/profile'),
  saveProfile: (p: Profile) => request<Profile>('PUT', '/profile', p),
  screening: () => request<ScreenSummary>('GET', '/screening'),
  takeScreen: (s: Screening, date?: string) => request<ScreenSummary>('POST', '/screening' + q(date), s),
  recordClearance: (cleared_on: string) => request<{ cleared_on: string }>('PUT', '/clearance', { cleared_on }),
  checkIn: (c: CheckIn, date?: string) => request<DatedCheckIn>('POST', '/checkins' + q(date), c),
  checkinOn: (date: string) => request<DatedCheckIn>('GET', `/checkins/${date}`),
  todaysPlan: () => request<Plan>('GET', '/plans/today'),
  today: (date: string = localToday()) => request<TodayState>('GET', '/today' + q(date)),
  planOn: (date: string) => request<Plan>('GET', `/plans/${date}`),
  logSession: (s: SessionLog, date?: string) => request<DatedSession>('POST', '/sessions' + q(date), s),
  followUp: (f: FollowUp) => request<FollowUp>('POST', '/followups', f),
  history: (date?: string) => request<{ days: HistoryDay[] }>('GET', '/history' + q(date)),
  progress: (date?: string) => request<Progress>('GET', '/progress' + q(date)),
  measures: () => request<{ peg: unknown[]; psfs: unknown[] }>('GET', '/measures'),
  addPeg: (p: Peg3, date?: string) => request<MeasureResult>('POST', '/measures/peg' + q(date), p),
  addPsfs: (p: Psfs, date?: string) => request<MeasureResult>('POST', '/measures/psfs' + q(date), p),
  ropeAdvice: () => request<RopeAdvice>('GET', '/rope-advice'),

  shares: () => request<{ shares: Share[] }>('GET', '/shares'),
  invite: () => request<Invite>('POST', '/shares/invites'),
  acceptInvite: (code: string) => request<Share>('POST', '/shares/accept', { code: tidyShareCode(code) }),
  revokeShare: (clinicianId: number) => request<void>('DELETE', `/shares/${clinicianId}`),
  calendar: () => request<CalendarView>('GET', '/calendar'),
  saveCalendar: (s: CalendarSettings) => request<CalendarView>('PUT', '/calendar', s),
  // A new secret feed address; an earlier one stops working.
  openCalendarFeed: (s: CalendarSettings) => request<{ url: string }>('POST', '/calendar', s),
  revokeCalendarFeed: () => request<void>('DELETE', '/calendar'),
  personHistory: (id: number) => request<{ days: HistoryDay[] }>('GET', `/people/${id}/history`),
  personProgress: (id: number) => request<Progress>('GET', `/people/${id}/progress`),
  personScreening: (id: number) => request<ScreenSummary>('GET', `/people/${id}/screening`),
  personMeasures: (id: number) => request<{ peg: unknown[]; psfs: unknown[] }>('GET', `/people/${id}/measures`),
  personPlan: (id: number, date: string) => request<Plan>('GET', `/people/${id}/plans/${date}`),

  catalog: () => request<{ items: CatalogItem[] }>('GET', '/catalog'),
  safetyQuestions: () => request<SafetyQuestion[]>('GET', '/safety-questions'),

  // Phone sensor apps name their files .csv but may give them no type or an odd one: always text/csv.
  uploadRecording: (file: Blob, o: UploadOptions = {}) => {
    const params = new URLSearchParams();
    if (o.date) params.set('date', o.date);
    params.set('placement', o.placement ?? 'auto');
    if (o.name) params.set('name', o.name);
    if (o.lenient) params.set('lenient', 'true');
    return request<Recording>('POST', '/recordings?' + params.toString(), file, 'text/csv');
  },
  recordings: () => request<{ recordings: RecordingItem[] }>('GET', '/recordings'),
  recording: (id: number) => request<Recording>('GET', `/recordings/${id}`),
  deleteRecording: (id: number) => request<void>('DELETE', `/recordings/${id}`),
  personRecordings: (person: number) => request<{ recordings: RecordingItem[] }>('GET', `/people/${person}/recordings`),
  personRecording: (person: number, id: number) => request<Recording>('GET', `/people/${person}/recordings/${id}`),
};

export const recordingCsvUrl = (id: number) => `${BASE}/recordings/${id}/csv`;
// The most a recording upload may be (the server refuses more with 413).
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

export const exportUrls = { json: `${BASE}/export`, csv: `${BASE}/export.csv` };
// The FHIR R4 bundle of a person's outcomes, for a clinic's record system (docs/api.md).
export const fhirExportUrl = (person?: number) =>
  person === undefined ? `${BASE}/export/fhir` : `${BASE}/people/${person}/export/fhir`;

// Check-ins and session logs made without a connection wait in local storage and are sent,
// oldest first, when the connection returns (check-ins first: a session belongs to a day's
// check-in). Each keeps the date it was made for.
const QUEUE_KEY = 'bb.pendingCheckins';
const ACCOUNT_KEY = 'bb.account';
const CATALOG_KEY = 'bb.catalog';
const TODAY_KEY = 'bb.today';
const SESSION_QUEUE_KEY = 'bb.pendingSessions';
export interface QueuedCheckIn { date: string; checkin: CheckIn }
export interface QueuedSession { date: string; session: SessionLog }

export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function readList<T>(key: string): T[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export function queuedCheckins(): QueuedCheckIn[] {
  return readList<QueuedCheckIn>(QUEUE_KEY);
}

// Whose the queued items are: the account logged in when they were queued.
const QUEUE_OWNER_KEY = 'bb.queueOwner';
function markOwner(): void {
  const owner = readJson<Account>(ACCOUNT_KEY)?.id;
  if (owner !== undefined) localStorage.setItem(QUEUE_OWNER_KEY, String(owner));
}

export function queueCheckin(item: QueuedCheckIn): void {
  markOwner();
  const rest = queuedCheckins().filter((x) => x.date !== item.date);
  localStorage.setItem(QUEUE_KEY, JSON.stringify([...rest, item]));
}

export function queuedSessions(): QueuedSession[] {
  return readList<QueuedSession>(SESSION_QUEUE_KEY);
}

// One session log a day, as the server keeps it: a later one for the same date replaces it.
export function queueSession(item: QueuedSession): void {
  markOwner();
  const rest = queuedSessions().filter((x) => x.date !== item.date);
  localStorage.setItem(SESSION_QUEUE_KEY, JSON.stringify([...rest, item]));
}

// Sends what one queue holds; stops at the first failure that may pass (no connection, a login
// that expired, too many requests, a server error) and keeps the rest. A refusal of the item
// itself (for example a date the server no longer accepts) drops it, so the queue never blocks.
// Returns how many left the queue.
async function flushQueue<T extends { date: string }>(key: string, send: (item: T) => Promise<unknown>): Promise<{ sent: number; offline: boolean }> {
  let sent = 0;
  for (const item of readList<T>(key)) {
    try {
      await send(item);
    } catch (e) {
      if (e instanceof ApiError && (e.offline || e.status === 401 || e.status === 429 || e.status >= 500)) return { sent, offline: true };
    }
    localStorage.setItem(key, JSON.stringify(readList<T>(key).filter((x) => x.date !== item.date)));
    sent++;
  }
  return { sent, offline: false };
}

export async function flushCheckins(): Promise<number> {
  return (await flushQueue<QueuedCheckIn>(QUEUE_KEY, (i) => api.checkIn(i.checkin, i.date))).sent;
}

// Everything waiting: check-ins, then session logs. Returns how many went. Items queued by
// another account on this device are not this one's to send: they are dropped.
export async function flushPending(accountId?: number): Promise<number> {
  const owner = localStorage.getItem(QUEUE_OWNER_KEY);
  if (accountId !== undefined && owner !== null && owner !== String(accountId)) {
    for (const k of [QUEUE_KEY, SESSION_QUEUE_KEY, QUEUE_OWNER_KEY]) localStorage.removeItem(k);
    return 0;
  }
  const checkins = await flushQueue<QueuedCheckIn>(QUEUE_KEY, (i) => api.checkIn(i.checkin, i.date));
  if (checkins.offline) return checkins.sent;
  const sessions = await flushQueue<QueuedSession>(SESSION_QUEUE_KEY, (i) => api.logSession(i.session, i.date));
  return checkins.sent + sessions.sent;
}

// What the last answers said, kept on the device so the app opens without a connection: who is
// logged in, the catalog, and the last GET /today (the plan to play offline).

function readJson<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}
function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // A full storage only costs the offline copy.
  }
}

export const offlineCopy = {
  account: () => readJson<Account>(ACCOUNT_KEY),
  keepAccount: (a: Account) => writeJson(ACCOUNT_KEY, a),
  catalog: () => readJson<{ items: CatalogItem[] }>(CATALOG_KEY),
  keepCatalog: (c: { items: CatalogItem[] }) => writeJson(CATALOG_KEY, c),
  // The last Today of this account, only when it is for the given date.
  today: (accountId: number, date: string): TodayState | null => {
    const kept = readJson<{ account: number; today: TodayState }>(TODAY_KEY);
    return kept && kept.account === accountId && kept.today.date === date ? kept.today : null;
  },
  keepToday: (accountId: number, today: TodayState) => writeJson(TODAY_KEY, { account: accountId, today }),
  // Logging out or deleting the account leaves nothing of the person on the device.
  forget: () => {
    for (const k of [ACCOUNT_KEY, TODAY_KEY, QUEUE_KEY, SESSION_QUEUE_KEY, QUEUE_OWNER_KEY]) localStorage.removeItem(k);
  },
  // The login expired (401): the app no longer opens offline as this person, but what is queued
  // stays, to be sent once they log in again.
  signedOut: () => {
    for (const k of [ACCOUNT_KEY, TODAY_KEY]) localStorage.removeItem(k);
  },
};

// The browser's IANA time zone ("Europe/Berlin"), which the server needs to place the calendar's
// sessions at the person's local time; UTC when the browser does not say.
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
