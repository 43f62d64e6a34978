// The words the app shows for the API's ids.
import type { Aggravator, DayType, Feel, LegSymptoms, Light, RopeExperience, RopeOwned, SafetyQuestion } from './api';

export const feelWords: Record<Feel, string> = { sensitive: 'Sensitive', okay: 'Okay', good: 'Good' };
export const legWords: Record<LegSymptoms, string> = {
  none: 'No leg symptoms',
  above_knee: 'Down to above the knee',
  below_knee: 'Below the knee',
};
export const dayTypeWords: Record<DayType, string> = {
  rest: 'Rest day',
  restorative: 'Restorative day',
  mixed: 'Mixed day',
  rope: 'Rope day',
};
export const dayTypeHint: Record<DayType, string> = {
  rest: 'No exercise today: easy walking and comfortable positions only.',
  restorative: 'Gentle stretches and poses only.',
  mixed: 'Gentle stretches with a little rope.',
  rope: 'A short jump-rope session with stretches around it.',
};
export const lightWords: Record<Light, string> = {
  green: 'Green: your back handled the last rope session well',
  amber: 'Amber: your back was a little sore after the last rope session',
  red: 'Red: your back reacted to the last rope session',
};
export const experienceWords: Record<RopeExperience, string> = {
  none: 'Never or not for years',
  some: 'A little, now and then',
  regular: 'Regularly',
};
export const ropeWords: Record<RopeOwned, string> = {
  none: 'No rope yet',
  beaded: 'Beaded rope',
  speed_quarter_lb: 'Weighted speed rope (about 1/4 lb)',
  pvc_speed: 'Thin PVC speed rope',
  heavy: 'Heavy rope (1 lb or more)',
  ropeless: 'Ropeless handles',
};
export const aggravatorWords: Record<Aggravator, string> = {
  sitting: 'Sitting for a while',
  bending: 'Bending forward',
  standing: 'Standing for a while',
  arching: 'Leaning or arching back',
  walking: 'Walking',
  lying: 'Lying down',
};
export const targetWords: Record<string, string> = {
  hip_flexors: 'Front of hips',
  hamstrings: 'Back of thighs',
  glutes: 'Buttocks',
  low_back: 'Low back',
  thoracic_spine: 'Upper back',
  shoulders: 'Shoulders',
  core: 'Trunk',
  calves: 'Calves',
};
export const positionWords: Record<string, string> = { floor: 'On the floor', standing: 'Standing', chair: 'On a chair' };
export const skillWords: Record<string, string> = {
  side_swing: 'side swings (no jumping)',
  basic_bounce: 'basic bounce',
  alternate_foot_step: 'alternate-foot step',
};

// The safety questions, their few-word summaries and the advice after a yes come from the engine
// (GET /api/v1/safety-questions, held in the app state); these only look them up.
export function signWords(ids: string[], safety: SafetyQuestion[]): string {
  return ids.map((id) => safety.find((q) => q.id === id)?.summary ?? id.replace(/_/g, ' ')).join(', ');
}
export function safetyAdvice(urgent: boolean, safety: SafetyQuestion[]): string {
  return safety.find((q) => q.urgent === urgent)?.advice ?? '';
}

// Numbers and plurals go through Intl, so a second language needs only its own words.
export const LOCALE = 'en';
const plurals = new Intl.PluralRules(LOCALE);
const numberFormats = new Map<number, Intl.NumberFormat>();

// A number as the reader writes it: "1,234", "2.5"; at most `digits` decimals.
export function formatNumber(n: number, digits = 0): string {
  let f = numberFormats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits });
    numberFormats.set(digits, f);
  }
  return f.format(n);
}

// "1 jump", "2 jumps", "1,200 jumps": a count with its noun in the right number (the plural adds
// "s" unless given).
export function count(n: number, noun: string, plural = noun + 's', digits = 0): string {
  return `${formatNumber(n, digits)} ${pluralNoun(n, noun, plural)}`;
}

// The noun alone in the number `n` asks for, for a count shown apart from its noun.
export function pluralNoun(n: number, noun: string, plural = noun + 's'): string {
  return plurals.select(n) === 'one' ? noun : plural;
}

// "Thu, 3 Dec 2026" in the person's own language, for a YYYY-MM-DD day.
export function dateWords(date: string): string {
  const d = new Date(date + 'T12:00:00');
  return isNaN(d.getTime()) ? date : d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}
