// Settings: voice, metronome, theme, the calendar feed, sharing with a clinician, export, log
// out, delete account.
import { useEffect, useState } from 'preact/hooks';
import { api, browserTimeZone, exportUrls, type CalendarView, type Share } from '../api';
import { useApp } from '../state';
import { Card, Choice, ErrorText, errorMessage } from '../ui';
import { EMERGENCY_NUMBER } from './Screen';

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
      setNumberError('Enter the number with digits only (a leading + and spaces are fine).');
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
      <h1>Settings</h1>
      <Card title="During sessions">
        <label class="toggle">
          <input type="checkbox" name="voice" checked={settings.voice} onChange={(e) => setSettings({ ...settings, voice: e.currentTarget.checked })} /> Spoken cues
          (your device's voice reads each step)
        </label>
        <label class="toggle">
          <input type="checkbox" name="beat" checked={settings.beat} onChange={(e) => setSettings({ ...settings, beat: e.currentTarget.checked })} /> Metronome beat
          during rope rounds
        </label>
      </Card>
      <Card title="Appearance">
        <Choice
          label="Theme"
          name="theme"
          value={settings.theme}
          options={[
            ['system', 'Same as this device'],
            ['light', 'Light'],
            ['dark', 'Dark'],
          ]}
          onChange={(theme) => setSettings({ ...settings, theme })}
        />
      </Card>
      {isPerson && (
        <Card title="Safety">
          <label>
            Your local emergency number
            <input
              name="emergency_number"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder="for example 112, 911 or 999"
              value={number}
              onInput={(e) => setNumber(e.currentTarget.value)}
              onBlur={saveNumber}
            />
            <small class="muted">An urgent warning then shows a button that calls it. Kept on this device only.</small>
          </label>
          <ErrorText error={numberError} />
          <button type="button" onClick={() => go('screen')}>
            Take the safety questions again
          </button>
          <p class="muted">After a doctor has checked you, or if an answer has changed.</p>
        </Card>
      )}
      {isPerson && <CalendarCard />}
      {isPerson && (
        <Card title="Share with a clinician">
          <p class="muted">Make a one-time code and give it to your clinician. They can then see your plans, responses and measures, but change nothing.</p>
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
            Make a share code
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
                    Stop sharing
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ErrorText error={shareError} />
        </Card>
      )}
      {isPerson && (
        <Card title="Your data">
          <p>Download everything Bounceback holds about you.</p>
          <div class="row">
            <a class="button" href={exportUrls.json} download="bounceback.json">
              Export JSON
            </a>
            <a class="button" href={exportUrls.csv} download="bounceback.csv">
              Export CSV
            </a>
          </div>
          <button class="link" onClick={() => go('onboarding')}>
            Update profile or take the safety questions again
          </button>
        </Card>
      )}
      <Card title="Account">
        <p class="muted">Logged in as {account?.email}</p>
        {account?.role === 'person' && <DisplayNameForm />}
        <button
          onClick={async () => {
            await api.logout().catch(() => {});
            setAccount(null);
            go('today');
          }}
        >
          Log out
        </button>
        <details class="danger-zone">
          <summary>Delete my account</summary>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setError(null);
              if (!confirm) return setError('Tick the box to confirm.');
              try {
                await api.deleteAccount(password);
                setAccount(null);
                go('today');
              } catch (err) {
                setError(errorMessage(err));
              }
            }}
          >
            <p>This deletes your account and everything recorded in it, for good.</p>
            <label>
              Password
              <input type="password" name="delete_password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </label>
            <label class="toggle">
              <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.currentTarget.checked)} /> I understand this cannot be undone
            </label>
            <ErrorText error={error} />
            <button class="danger" type="submit">Delete account</button>
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
        Code: <strong data-testid="invite-code">{grouped}</strong> (valid for 7 days, works once)
      </p>
      <div class="row">
        <button
          type="button"
          onClick={() => {
            navigator.clipboard
              ?.writeText(code)
              .then(() => setSaid('Copied.'))
              .catch(() => setSaid('Could not copy: select the code and copy it by hand.'));
            if (!navigator.clipboard) setSaid('Could not copy: select the code and copy it by hand.');
          }}
        >
          Copy code
        </button>
        {canShare && (
          <button type="button" onClick={() => void navigator.share({ text: `My Bounceback share code: ${grouped}` }).catch(() => {})}>
            Share…
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
      aria-label="Display name"
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
        Your name, as your clinician sees it
        <input name="display_name" maxLength={60} autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <small class="muted">Shown instead of your email to clinicians you share with. Leave it empty to show your email.</small>
      </label>
      <button type="submit">Save name</button>
      {saved && <p role="status">Saved.</p>}
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
    <Card title="Add to my calendar">
      <p class="muted">
        Your daily session in your own calendar app for the next two weeks, with a reminder 10 minutes before. Once you check in, the day shows its plan. While a warning sign pauses
        your plans, the calendar shows no sessions.
      </p>
      <div class="row">
        <label>
          Time
          <input type="time" name="calendar_time" required value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
        <label>
          Length
          <select name="calendar_minutes" value={String(minutes)} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
            {CALENDAR_LENGTHS.concat(CALENDAR_LENGTHS.includes(minutes) ? [] : [minutes]).map((m) => (
              <option value={String(m)}>{m} minutes</option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted small">Time zone: {zone} (this device's).</p>
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
          {view?.feed ? 'Make a new calendar link' : 'Add to my calendar'}
        </button>
        {view?.feed && (
          <button
            type="button"
            onClick={() =>
              run(async () => {
                setView(await api.saveCalendar(choice()));
                setSaid('Saved. Your calendar shows the new time at its next refresh.');
              })
            }
          >
            Save time
          </button>
        )}
      </div>
      {url && <CalendarLink url={url} />}
      {view?.feed && !url && <p class="muted small">A calendar link is active. A new link stops the old one.</p>}
      {view?.feed && (
        <button
          type="button"
          class="link"
          onClick={() =>
            run(async () => {
              await api.revokeCalendarFeed();
              setUrl(null);
              setView(await api.calendar());
              setSaid('The calendar link no longer works.');
            })
          }
        >
          Stop the calendar link
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
        Your calendar link (keep it private: it opens your calendar without a password)
        <input name="calendar_url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div class="row">
        <button
          type="button"
          onClick={() => {
            if (!navigator.clipboard) return setSaid('Could not copy: select the link and copy it by hand.');
            navigator.clipboard
              .writeText(url)
              .then(() => setSaid('Copied. In your calendar app, add a calendar "from URL" or "by subscription" and paste it.'))
              .catch(() => setSaid('Could not copy: select the link and copy it by hand.'));
          }}
        >
          Copy link
        </button>
        <a class="button" href={webcal}>
          Open in calendar app
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
