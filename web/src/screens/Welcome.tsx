// Create an account or log in.
import { useState } from 'preact/hooks';
import { api, type Role } from '../api';
import { useApp } from '../state';
import { Choice, ErrorText, errorMessage } from '../ui';
import { welcomeWords as w } from './Welcome.words';

export function Welcome() {
  const { setAccount, go } = useApp();
  const [mode, setMode] = useState<'register' | 'login'>('register');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('person');
  const [invite, setInvite] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    if (mode === 'register' && password.length < 10) {
      setError(w.shortPassword);
      return;
    }
    setBusy(true);
    try {
      const opened = mode === 'register' ? await api.register(email.trim(), password, role, invite.trim()) : await api.login(email.trim(), password);
      setAccount(opened.account);
      if (opened.account.role === 'clinician') go('clinician');
      else if (mode === 'register') go('onboarding');
      else go('today');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="welcome">
      <h1>{w.headline}</h1>
      <p class="lead">{w.lead}</p>
      {/* Two tabs over one form; arrow keys move between them, as in any tab list. */}
      <div
        class="segmented"
        role="tablist"
        aria-label={w.tabs}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          const next = mode === 'register' ? 'login' : 'register';
          setMode(next);
          (e.currentTarget.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus();
        }}
      >
        <button id="tab-register" role="tab" type="button" aria-selected={mode === 'register'} aria-controls="account-form" tabIndex={mode === 'register' ? 0 : -1} onClick={() => setMode('register')}>
          {w.register}
        </button>
        <button id="tab-login" role="tab" type="button" aria-selected={mode === 'login'} aria-controls="account-form" tabIndex={mode === 'login' ? 0 : -1} onClick={() => setMode('login')}>
          {w.login}
        </button>
      </div>
      <form id="account-form" class="card" onSubmit={submit} aria-label={mode === 'register' ? w.register : w.login}>
        <label>
          {w.email}
          <input type="email" name="email" autoComplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          {w.password}
          <input
            type="password"
            name="password"
            autoComplete={mode === 'register' ? 'new-password' : 'current-password'}
            required
            minLength={mode === 'register' ? 10 : undefined}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          {mode === 'register' && <small class="muted">{w.passwordHint}</small>}
        </label>
        {mode === 'register' && (
          <Choice
            label={w.iAm}
            name="role"
            value={role}
            options={[
              ['person', w.person],
              ['clinician', w.clinician],
            ]}
            onChange={setRole}
          />
        )}
        {mode === 'register' && role === 'clinician' && (
          <label>
            {w.invite}
            <input name="invite" autocomplete="off" autocapitalize="characters" value={invite} onInput={(e) => setInvite(e.currentTarget.value)} />
            <small class="muted">{w.inviteHint}</small>
          </label>
        )}
        <ErrorText error={error} />
        <button class="primary big" type="submit" disabled={busy}>
          {mode === 'register' ? w.register : w.login}
        </button>
      </form>
    </div>
  );
}
