// The app shell: who is logged in, which screen is showing (the hash), and the navigation bar.
import type { ComponentType } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, flushPending, localToday, offlineCopy, type Account, type CatalogItem, type Plan, type SafetyQuestion, type TodayState } from './api';
import { realClock, type Clock } from './clock';
import { AppContext, applyTheme, loadSettings, storeSettings, useApp, type AppState, type Settings } from './state';
import { Welcome } from './screens/Welcome';
import { Onboarding } from './screens/Onboarding';
import { EmergencyCall, RetakeScreen } from './screens/Screen';
import { Today } from './screens/Today';
import { Player } from './screens/Player';
import { Settings as SettingsScreen } from './screens/Settings';
import { appWords as w } from './app.words';

// Screens with charts or many figures load on first visit, to keep the first load small.
function lazy<P extends object = object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let Loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [, setReady] = useState(false);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (!Loaded)
        load()
          .then((m) => {
            Loaded = m.default;
            setReady(true);
          })
          .catch(() => setFailed(true));
    }, []);
    if (failed) return <p class="error" role="alert">{w.screenFailed}</p>;
    return Loaded ? <Loaded {...props} /> : <p class="muted">{w.loading}</p>;
  };
}
const Progress = lazy(() => import('./screens/Progress'));
const Library = lazy(() => import('./screens/Library'));
const Clinician = lazy(() => import('./screens/Clinician'));
const Recordings = lazy<{ id?: number }>(() => import('./screens/Recordings'));
const Live = lazy(() => import('./screens/Live'));

function currentRoute(): string {
  return location.hash.replace(/^#\/?/, '') || 'today';
}

const personNav: [string, string][] = [
  ['today', w.nav.today],
  ['progress', w.nav.progress],
  ['recordings', w.nav.recordings],
  ['library', w.nav.library],
  ['settings', w.nav.settings],
];
const clinicianNav: [string, string][] = [
  ['clinician', w.nav.clinician],
  ['library', w.nav.library],
  ['settings', w.nav.settings],
];

const SAFETY_KEY = 'bb.safety-questions';

// While a red flag blocks plans, every screen says so (Today, onboarding and the screen itself
// show the full card): asked again on each change of screen (not of a recording or a person
// within one), so a lifted block goes at once.
function SafetyBanner({ route }: { route: string }) {
  const { go } = useApp();
  const [blocked, setBlocked] = useState<TodayState['state'] | null>(null);
  const page = route.split('/')[0];
  const own = page === '' || page === 'today' || page === 'onboarding' || page === 'screen';
  useEffect(() => {
    setBlocked(null);  // a stale answer from the last screen must not show here
    if (own) return;
    api
      .today(localToday())
      .then((t) => setBlocked(t.state === 'blocked_urgent' || t.state === 'blocked_until_clearance' ? t.state : null))
      .catch(() => {});
  }, [page]);
  if (own || !blocked) return null;
  const urgent = blocked === 'blocked_urgent';
  return (
    <div class={'card block-banner ' + (urgent ? 'danger' : 'warn')} role="status">
      <strong>{urgent ? w.urgentBanner : w.clearanceBanner}</strong>
      {urgent && <EmergencyCall />}
      <button type="button" onClick={() => go('today')}>
        {w.whatToDo}
      </button>
    </div>
  );
}

export function App(props: { clock?: Clock }) {
  const [route, setRoute] = useState(currentRoute());
  const [account, setAccount] = useState<Account | null>(null);
  const [booted, setBooted] = useState(false);
  const [bootError, setBootError] = useState<string | null>(null);
  // The last catalog fetched, so the plan and the player name and draw the moves offline too.
  const [catalog, setCatalog] = useState<Map<string, CatalogItem>>(() => new Map((offlineCopy.catalog()?.items ?? []).map((i) => [i.id, i])));
  // Kept from the last load, so the check-in asks the urgent questions offline too.
  const [safety, setSafety] = useState<SafetyQuestion[]>(() => {
    try {
      return JSON.parse(localStorage.getItem(SAFETY_KEY) ?? '[]') as SafetyQuestion[];
    } catch {
      return [];
    }
  });
  const [settings, setSettingsState] = useState<Settings>(loadSettings());
  const [active, setActive] = useState<{ plan: Plan; checkinPain: number } | null>(null);
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);

  useEffect(() => {
    applyTheme(settings.theme);
    const onHash = () => setRoute(currentRoute());
    const onOnline = () => {
      setOnline(true);
      // Opened offline, the app trusted the account kept on the device: ask the server again.
      api
        .account()
        .then((a) => flushPending(a.id))
        .then((n) => n > 0 && window.dispatchEvent(new Event('bb:synced')))
        .catch((e) => {
          if (e instanceof ApiError && e.status === 401) {
            offlineCopy.signedOut();
            setAccount(null);
          }
        });
    };
    const onOffline = () => setOnline(false);
    window.addEventListener('hashchange', onHash);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    api
      .account()
      .then((a) => {
        setAccount(a);
        offlineCopy.keepAccount(a);
        flushPending(a.id)
          .then((n) => n > 0 && window.dispatchEvent(new Event('bb:synced')))
          .catch(() => {});
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) offlineCopy.signedOut();
        else if (e instanceof ApiError && e.offline && offlineCopy.account()) {
          // Without a connection the person is still who last logged in on this device: the
          // cookie stays with the browser, and the server checks it again once it is reachable.
          setAccount(offlineCopy.account());
          setOnline(false);
        } else setBootError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => setBooted(true));
    api
      .safetyQuestions()
      .then((questions) => {
        setSafety(questions);
        localStorage.setItem(SAFETY_KEY, JSON.stringify(questions));
      })
      .catch(() => {});
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, []);

  // The catalog is for signed-in screens: the welcome screen does not fetch it.
  const signedIn = account !== null;
  useEffect(() => {
    if (!signedIn) return;
    api
      .catalog()
      .then((c) => {
        setCatalog(new Map(c.items.map((i) => [i.id, i])));
        offlineCopy.keepCatalog(c);
      })
      .catch(() => {});
  }, [signedIn]);

  const state: AppState = useMemo(
    () => ({
      account,
      setAccount: (a: Account | null) => {
        if (a) {
          offlineCopy.keepAccount(a);
          // Logged in again after the login expired: what waited is sent now.
          flushPending(a.id).catch(() => {});
        } else offlineCopy.forget();
        setAccount(a);
      },
      catalog,
      safety,
      settings,
      setSettings: (s: Settings) => {
        storeSettings(s);
        setSettingsState(s);
      },
      go: (r: string) => {
        if (currentRoute() === r) setRoute(r);
        else location.hash = '#/' + r;
        window.scrollTo?.(0, 0);
      },
      clock: props.clock ?? realClock,
      active,
      setActive,
    }),
    [account, catalog, safety, settings, active, props.clock],
  );

  if (!booted) return <main class="shell"><p class="muted">{w.loading}</p></main>;

  // A route may carry an id: recordings/7.
  const [page, param] = route.split('/');
  const id = param && /^\d+$/.test(param) ? Number(param) : undefined;
  let screen;
  if (!account) {
    screen = <Welcome />;
  } else if (account.role === 'clinician') {
    screen = route === 'library' ? <Library /> : route === 'settings' ? <SettingsScreen /> : <Clinician />;
  } else {
    switch (page) {
      case 'onboarding':
        screen = <Onboarding />;
        break;
      case 'screen':
        screen = <RetakeScreen />;
        break;
      case 'session':
        screen = <Player />;
        break;
      case 'progress':
        screen = <Progress />;
        break;
      case 'recordings':
        screen = <Recordings id={id} />;
        break;
      case 'live':
        screen = <Live />;
        break;
      case 'library':
        screen = <Library />;
        break;
      case 'settings':
        screen = <SettingsScreen />;
        break;
      default:
        screen = <Today />;
    }
  }
  const nav = account ? (account.role === 'clinician' ? clinicianNav : personNav) : [];
  // The session and the first-run setup have the screen to themselves: no navigation bar.
  const focused = account && (route === 'session' || page === 'onboarding');
  // Live belongs with Recordings in the navigation; anything unknown shows Today.
  const current = page === 'live' ? 'recordings' : nav.some(([x]) => x === page) ? page : nav[0]?.[0];

  return (
    <AppContext.Provider value={state}>
      <a class="skip" href="#main">{w.skip}</a>
      <header class="top">
        <span class="brand" aria-label={w.brand}>
          <svg viewBox="0 0 96 96" width="28" height="28" aria-hidden="true">
            <rect width="96" height="96" rx="20" fill="currentColor" />
            <g fill="none" stroke="var(--bg)" stroke-width="6" stroke-linecap="round">
              <circle cx="48" cy="22" r="7" />
              <path d="M48 30v24M48 54l-9 18M48 54l9 18M48 36l-14 10M48 36l14 10" />
            </g>
          </svg>
          {w.brand}
        </span>
        {!online && <span class="badge offline">{w.offline}</span>}
      </header>
      {bootError && <p class="error" role="alert">{bootError}</p>}
      <main id="main" class="shell" tabIndex={-1}>
        {account?.role === 'person' && <SafetyBanner route={route} />}
        {screen}
      </main>
      {nav.length > 0 && !focused && (
        <nav class="tabs" aria-label={w.mainNav}>
          {nav.map(([r, label]) => (
            <a href={'#/' + r} aria-current={current === r ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      )}
    </AppContext.Provider>
  );
}
