import { currentLocale, i18n } from './i18n/index.js';

// Units are stored as integers (g, mg, mW); they become readable text only here, at the edge, in the
// reader's language: numbers through Intl, unit words and enumeration labels through the catalogue.

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'common', ...options });

export const formatNumber = (n: number) => new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 3 }).format(n);

/** "12 kg", "12 千克": a number with its unit word from the catalogue (`unit.<key>`). */
export const withUnit = (n: number, unit: string) => t(`unit.${unit}`, { n: formatNumber(n) });

export function formatGrams(g: number | null): string | null {
  if (g == null) return null;
  return g >= 1000 ? withUnit(g / 1000, 'kg') : withUnit(g, 'g');
}

export function formatMilligrams(mg: number): string {
  return mg >= 1000 ? withUnit(mg / 1000, 'g') : withUnit(mg, 'mg');
}

export function formatMilliwatts(mw: number | null): string | null {
  if (mw == null) return null;
  return mw >= 1000 ? withUnit(mw / 1000, 'W') : withUnit(mw, 'mW');
}

/** "in_development" → "In development" (the English fallback for a value the catalogue lacks). */
function words(value: string): string {
  const spaced = value.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The label of an enumeration value ("in_development" → "In development", "研制中"), from `enum.<value>`. */
export function label(value: string): string {
  return t(`enum.${value}`, { defaultValue: words(value) });
}

export const bodyLabel = (body: string) => label(body);

/** "-50 … +70 °C", with a true minus sign. */
export function formatTempRange(min: number, max: number): string {
  const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `\u2212${formatNumber(-n)}` : '0');
  return `${signed(min)} … ${signed(max)} °C`;
}

/** "3 projects", "3 个项目": `count.<noun>` with i18next's plural forms (`_one`, `_other`). */
export function counted(n: number, noun: string): string {
  return t(`count.${noun}`, { count: n, n: formatNumber(n) });
}

/** English only: kept for pages not yet on the catalogue; new code uses `counted`. */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** The counts as the agency reports them: "10 projects · 11 countries and regions · 1 international organisation". */
export function reportedCounts(c: { projects: number; countriesAndRegions: number; organisations: number }): string {
  const parts = [counted(c.projects, 'project'), counted(c.countriesAndRegions, 'countryOrRegion')];
  if (c.organisations > 0) parts.push(counted(c.organisations, 'organisation'));
  return parts.join(' · ');
}

/** A best guess at the language of a native name, so the browser picks a fitting font. */
export function scriptLang(text: string): string | undefined {
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  if (/[\u0e00-\u0e7f]/.test(text)) return 'th';
  if (/[\u0600-\u06ff]/.test(text)) return 'ar';
  return undefined;
}

/** "12 Mar 2026, 14:05" (or "2026年3月12日 14:05") in the reader's time zone, from an ISO timestamp in UTC. */
export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(new Date(iso));
