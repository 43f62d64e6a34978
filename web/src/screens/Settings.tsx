// Settings: voice, metronome, theme, the calendar feed, sharing with a clinician, export, log
// out, delete account.
import { useEffect, useState } from 'preact/hooks';
import { api, browserTimeZone, exportUrls, fhirExportUrl, type CalendarView, type Share } from '../api';
import { useApp } from '../state';
import { Card, Choice, ErrorText, errorMessage } from '../ui';
import { EMERGENCY_NUMBER } from './Screen';
import { settingsWords as w } from './Settings.words';

// Copies `text` and says how it went; without a clipboard (an insecure origin) it says so at once.
function copyText(text: string, copied: string, failed: string, say: (words: string) => void) {
  if (!navigator.clipboard) return say(failed);
  navigator.clipboard
    .writeText(text)
    .then(() => say(copied))
    .catch(() => say(failed));
}

export function Settings() {
  const { account, settings, setSettings, setAccount, go } = useApp();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shares, setShares] = useState<Share[]>([]);
  const [invite, setInvite] = useState<string | null>(null);
  const [shareError, setShareError] = useState<string | null>(null);
  const isPerson = account?.role === 'person';
  const [number, setNumber] = useState(settings.emergencyNumber ?? '');
  const [numberError, setNumberError] = useState<string | null>(null);
  function saveNumber() {
    const trimmed = number.trim();
    if (trimmed && !EMERGENCY_NUMBER.test(trimmed)) {
      setNumberError(w.numberFormat);
      return;
    }
    setNumberError(null);
    setSettings({ ...settings, emergencyNumber: trimmed });
  }

  useEffect(() => {
    api.shares().then((s) => setShares(s.shares)).catch(() => {});
  }, []);

  return (
    <div>
      <h1>{w.title}</h1>
      <Card title={w.sessionsCard}>
        <label class="toggle">
          <input type="checkbox" name="voice" checked={settings.voice} onChange={(e) => setSettings({ ...settings, voice: e.currentTarget.checked })} /> {w.voice}
        </label>
        <label class="toggle">
          <input type="checkbox" name="beat" checked={settings.beat} onChange={(e) => setSettings({ ...settings, beat: e.currentTarget.checked })} /> {w.beat}
        </label>
      </Card>
      <Card title={w.appearanceCard}>
        <Choice
          label={w.theme}
          name="theme"
          value={settings.theme}
          options={[
            ['system', w.themes.system],
            ['light', w.themes.light],
            ['dark', w.themes.dark],
          ]}
          onChange={(theme) => setSettings({ ...settings, theme })}
        />
      </Card>
      {isPerson && (
        <Card title={w.safetyCard}>
          <label>
            {w.emergencyNumber}
            <input
              name="emergency_number"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder={w.emergencyExample}
              value={number}
              onInput={(e) => setNumber(e.currentTarget.value)}
              onBlur={saveNumber}
            />
            <small class="muted">{w.emergencyHint}</small>
          </label>
          <ErrorText error={numberError} />
          <button type="button" onClick={() => go('screen')}>
            {w.retakeScreen}
          </button>
          <p class="muted">{w.retakeHint}</p>
        </Card>
      )}
      {isPerson && <CalendarCard />}
      {isPerson && (
        <Card title={w.shareCard}>
          <p class="muted">{w.shareIntro}</p>
          <button
            onClick={async () => {
              setShareError(null);
              try {
                setInvite((await api.invite()).code);
              } catch (e) {
                setShareError(errorMessage(e));
              }
            }}
          >
            {w.makeCode}
          </button>
          {invite && <InviteCode code={invite} />}
          {shares.length > 0 && (
            <ul class="shares">
              {shares.map((s) => (
                <li>
                  {s.clinician_email}{' '}
                  <button
                    class="link"
                    onClick={async () => {
                      try {
                        await api.revokeShare(s.clinician_id);
                        setShares((xs) => xs.filter((x) => x.clinician_id !== s.clinician_id));
                      } catch (e) {
                        setShareError(errorMessage(e));
                      }
                    }}
                  >
                    {w.stopSharing}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ErrorText error={shareError} />
        </Card>
      )}
      {isPerson && (
        <Card title={w.dataCard}>
          <p>{w.dataIntro}</p>
          <div class="row">
            <a class="button" href={exportUrls.json} download="bounceback.json">
              {w.exportJson}
            </a>
            <a class="button" href={exportUrls.csv} download="bounceback.csv">
              {w.exportCsv}
            </a>
            <a class="button" href={fhirExportUrl()} download="bounceback-fhir.json">
              {w.exportFhir}
            </a>
          </div>
          <button class="link" onClick={() => go('onboarding')}>
            {w.updateProfile}
          </button>
        </Card>
      )}
      <Card title={w.accountCard}>
        <p class="muted">{w.loggedInAs(account?.email ?? '')}</p>
        {account?.role === 'person' && <DisplayNameForm />}
        <button
          onClick={async () => {
            await api.logout().catch(() => {});
            setAccount(null);
            go('today');
          }}
        >
          {w.logOut}
        </button>
        <details class="danger-zone">
          <summary>{w.deleteOpen}</summary>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setError(null);
              if (!confirm) return setError(w.tickToConfirm);
              try {
                await api.deleteAccount(password);
                setAccount(null);
                go('today');
              } catch (err) {
                setError(errorMessage(err));
              }
            }}
          >
            <p>{w.deleteExplain}</p>
            <label>
              {w.password}
              <input type="password" name="delete_password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </label>
            <label class="toggle">
              <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.currentTarget.checked)} /> {w.understand}
            </label>
            <ErrorText error={error} />
            <button class="danger" type="submit">{w.deleteAccount}</button>
          </form>
        </details>
      </Card>
    </div>
  );
}

// The code in groups of four, easy to read aloud (the server accepts it with or without the
// spaces, in any case), with buttons to copy it or hand it to another app.
function InviteCode({ code }: { code: string }) {
  const [said, setSaid] = useState<string | null>(null);
  const grouped = code.replace(/(.{4})(?=.)/g, '$1 ');
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  return (
    <div class="code">
      <p role="status">
        {w.codeLabel}
        <strong data-testid="invite-code">{grouped}</strong>
        {w.codeValid(7)}
      </p>
      <div class="row">
        <button
          type="button"
          onClick={() => copyText(code, w.copied, w.copyFailed, setSaid)}
        >
          {w.copyCode}
        </button>
        {canShare && (
          <button type="button" onClick={() => void navigator.share({ text: w.shareText(grouped) }).catch(() => {})}>
            {w.share}
          </button>
        )}
      </div>
      {said && (
        <p class="muted small" role="status">
          {said}
        </p>
      )}
    </div>
  );
}

// How the person is shown to the clinicians they share with, instead of their email.
function DisplayNameForm() {
  const { account, setAccount } = useApp();
  const [name, setName] = useState(account?.display_name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <form
      aria-label={w.nameLabel}
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        setSaved(false);
        try {
          setAccount(await api.setDisplayName(name.trim()));
          setSaved(true);
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <label>
        {w.name}
        <input name="display_name" maxLength={60} autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <small class="muted">{w.nameHint}</small>
      </label>
      <button type="submit">{w.saveName}</button>
      {saved && <p role="status">{w.saved}</p>}
      <ErrorText error={error} />
    </form>
  );
}

const CALENDAR_LENGTHS = [10, 15, 20, 30, 45, 60];

// "Add to my calendar": the daily session as a calendar subscription, at a time and length the
// person picks, in this browser's time zone. The address is shown once, with a copy button.
function CalendarCard() {
  const [view, setView] = useState<CalendarView | null>(null);
  const [time, setTime] = useState('07:30');
  const [minutes, setMinutes] = useState(20);
  const [url, setUrl] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const zone = browserTimeZone();

  useEffect(() => {
    api
      .calendar()
      .then((v) => {
        setView(v);
        setTime(v.time);
        setMinutes(v.minutes);
      })
      .catch(() => {});
  }, []);

  const choice = () => ({ time, minutes, time_zone: zone });
  async function run(work: () => Promise<void>) {
    setError(null);
    setSaid(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Card title={w.calendarCard}>
      <p class="muted">{w.calendarIntro}</p>
      <div class="row">
        <label>
          {w.calendarTime}
          <input type="time" name="calendar_time" required value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
        <label>
          {w.calendarLength}
          <select name="calendar_minutes" value={String(minutes)} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
            {CALENDAR_LENGTHS.concat(CALENDAR_LENGTHS.includes(minutes) ? [] : [minutes]).map((m) => (
              <option value={String(m)}>{w.calendarMinutes(m)}</option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted small">{w.calendarZone(zone)}</p>
      <div class="row">
        <button
          type="button"
          onClick={() =>
            run(async () => {
              const opened = await api.openCalendarFeed(choice());
              setUrl(opened.url);
              setView(await api.calendar());
            })
          }
        >
          {view?.feed ? w.calendarRenew : w.calendarAdd}
        </button>
        {view?.feed && (
          <button
            type="button"
            onClick={() =>
              run(async () => {
                setView(await api.saveCalendar(choice()));
                setSaid(w.calendarSaved);
              })
            }
          >
            {w.calendarSave}
          </button>
        )}
      </div>
      {url && <CalendarLink url={url} />}
      {view?.feed && !url && <p class="muted small">{w.calendarActive}</p>}
      {view?.feed && (
        <button
          type="button"
          class="link"
          onClick={() =>
            run(async () => {
              await api.revokeCalendarFeed();
              setUrl(null);
              setView(await api.calendar());
              setSaid(w.calendarStopped);
            })
          }
        >
          {w.calendarStop}
        </button>
      )}
      {said && (
        <p class="muted small" role="status">
          {said}
        </p>
      )}
      <ErrorText error={error} />
    </Card>
  );
}

// The feed address, shown once: copy it into a calendar app's "subscribe by URL", or open it as a
// webcal link, which calendar apps take directly.
function CalendarLink({ url }: { url: string }) {
  const [said, setSaid] = useState<string | null>(null);
  const webcal = url.replace(/^https?:/, 'webcal:');
  return (
    <div class="code">
      <label>
        {w.calendarLinkLabel}
        <input name="calendar_url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div class="row">
        <button
          type="button"
          onClick={() => copyText(url, w.calendarCopied, w.calendarCopyFailed, setSaid)}
        >
          {w.calendarCopy}
        </button>
        <a class="button" href={webcal}>
          {w.calendarOpen}
        </a>
      </div>
      {said && (
        <p class="muted small" role="status">
          {said}
        </p>
      )}
    </div>
  );
}
