// Plural and number mistakes across every screen's words: each word function is called with
// every argument set to 1, then to 2 and 1,234, and what it says is checked for a count
// whose noun is in the wrong number ("1 jumps", "2 jump", "trip(s)").
import { describe, expect, it } from 'vitest';
import { apiWords } from './api.words';
import { appWords } from './app.words';
import { chartWords } from './charts.words';
import { livePanelWords } from './livePanel.words';
import { clinicianWords } from './screens/Clinician.words';
import { onboardingWords } from './screens/Onboarding.words';
import { libraryWords } from './screens/Library.words';
import { playerWords } from './screens/Player.words';
import { progressWords } from './screens/Progress.words';
import { liveWords } from './screens/Live.words';
import { recordingsWords } from './screens/Recordings.words';
import { screenWords } from './screens/Screen.words';
import { settingsWords } from './screens/Settings.words';
import { welcomeWords } from './screens/Welcome.words';
import { todayWords } from './screens/Today.words';

const catalogues: Record<string, unknown> = {
  api: apiWords,
  app: appWords,
  charts: chartWords,
  livePanel: livePanelWords,
  onboarding: onboardingWords,
  clinician: clinicianWords,
  library: libraryWords,
  player: playerWords,
  progress: progressWords,
  live: liveWords,
  recordings: recordingsWords,
  screen: screenWords,
  settings: settingsWords,
  welcome: welcomeWords,
  today: todayWords,
};

// The nouns the screens count, in the singular; a catalogue that counts a new one adds it here.
const counted = ['jump', 'trip', 'check-in', 'session', 'step', 'minute', 'round', 'move', 'recording', 'time', 'day', 'activity', 'landing', 'stop', 'row', 'question', 'second'];
const pluralOf = (noun: string) => (noun.endsWith('y') ? noun.slice(0, -1) + 'ies' : noun + 's');

// An argument that reads as the number `n` wherever a word function takes a number, and as the
// text "n" where it takes a word, so every function can be called without knowing its types.
function anyArgument(n: number): unknown {
  return new Proxy(new Number(n), {
    get(target, prop) {
      if (prop === Symbol.toPrimitive) return (hint: string) => (hint === 'string' ? String(n) : n);
      if (prop === 'valueOf') return () => n;
      if (prop === 'toString') return () => String(n);
      const text = String(n) as unknown as Record<string | symbol, unknown>;
      const member = text[prop];
      return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(String(n)) : member ?? Reflect.get(target, prop);
    },
  });
}

// Every text a catalogue can say: plain strings, and each function called with `n` for every
// argument, then with each argument in turn false and true.
function texts(value: unknown, n: number, path: string, out: [string, string][]) {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    const call = value as (...a: unknown[]) => unknown;
    const args = Array.from({ length: Math.max(value.length, 1) }, () => anyArgument(n));
    out.push([path, String(call(...args))]);
    // Any argument may be a flag: try each as false and true; a call that throws took a word there.
    for (let i = 0; i < args.length; i++) {
      for (const flag of [false, true]) {
        try {
          out.push([path, String(call(...args.map((a, j) => (j === i ? flag : a))))]);
        } catch {
          // not a flag
        }
      }
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => texts(v, n, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, n, `${path}.${k}`, out);
}

describe('every catalogue of words', () => {
  it('has catalogues to check', () => {
    const out: [string, string][] = [];
    for (const [name, c] of Object.entries(catalogues)) texts(c, 1, name, out);
    expect(out.length).toBeGreaterThan(200);
  });

  it('never counts one thing with a plural noun', () => {
    const out: [string, string][] = [];
    for (const [name, c] of Object.entries(catalogues)) texts(c, 1, name, out);
    const wrong = out.filter(([, t]) => counted.some((noun) => new RegExp(`(^|[^\\d.,])1 ${pluralOf(noun)}\\b`).test(t)));
    expect(wrong).toEqual([]);
  });

  it('never counts two or more things with a singular noun', () => {
    for (const n of [2, 1234]) {
      const out: [string, string][] = [];
      for (const [name, c] of Object.entries(catalogues)) texts(c, n, name, out);
      const shown = n.toLocaleString('en');
      const wrong = out.filter(([, t]) => counted.some((noun) => new RegExp(`(^|[^\\d.,])${shown} ${noun}\\b(?!-)`).test(t)));
      expect(wrong).toEqual([]);
    }
  });

  it('never leaves a plural to the reader', () => {
    const out: [string, string][] = [];
    for (const n of [1, 2]) for (const [name, c] of Object.entries(catalogues)) texts(c, n, name, out);
    expect(out.filter(([, t]) => /\w\((s|es)\)/.test(t))).toEqual([]);
  });
});
