// Settings: voice, metronome, theme, sharing with a clinician, export, log out, delete account.
import { useEffect, useState } from 'preact/hooks';
import { api, exportUrls, fhirExportUrl, type Share } from '../api';
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
            <a class="button" href={fhirExportUrl()} download="bounceback-fhir.json">
              Download for my clinic's record system (FHIR)
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
