// App-wide state: the logged-in account, the catalog, the person's settings, and navigation.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Account, CatalogItem, Plan, SafetyQuestion } from './api';
import { realClock, type Clock } from './clock';

export interface Settings {
  voice: boolean;
  beat: boolean;
  theme: 'system' | 'light' | 'dark';
  // The local emergency number, for the call button on an urgent warning; empty until set.
  emergencyNumber?: string;
}

const SETTINGS_KEY = 'bb.settings';
export function loadSettings(): Settings {
  const base: Settings = { voice: false, beat: true, theme: 'system' };
  try {
    return { ...base, ...(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<Settings>) };
  } catch {
    return base;
  }
}
export function storeSettings(s: Settings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  applyTheme(s.theme);
}
export function applyTheme(theme: Settings['theme']): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export interface AppState {
  account: Account | null;
  setAccount: (a: Account | null) => void;
  catalog: Map<string, CatalogItem>;
  // The safety questions served by the engine, in screen order; empty until loaded.
  safety: SafetyQuestion[];
  settings: Settings;
  setSettings: (s: Settings) => void;
  go: (route: string) => void;
  clock: Clock;
  // The plan being played and its check-in pain, handed from Today to the player.
  active: { plan: Plan; checkinPain: number } | null;
  setActive: (a: { plan: Plan; checkinPain: number } | null) => void;
}

export const AppContext = createContext<AppState>({
  account: null,
  setAccount: () => {},
  catalog: new Map(),
  safety: [],
  settings: { voice: false, beat: true, theme: 'system' },
  setSettings: () => {},
  go: () => {},
  clock: realClock,
  active: null,
  setActive: () => {},
});

export const useApp = () => useContext(AppContext);
