// Units are stored as integers (g, mg, mW); they become readable text only here, at the edge.

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

export const formatNumber = (n: number) => number.format(n);

export function formatGrams(g: number | null): string | null {
  if (g == null) return null;
  return g >= 1000 ? `${number.format(g / 1000)} kg` : `${number.format(g)} g`;
}

export function formatMilligrams(mg: number): string {
  return mg >= 1000 ? `${number.format(mg / 1000)} g` : `${number.format(mg)} mg`;
}

export function formatMilliwatts(mw: number | null): string | null {
  if (mw == null) return null;
  return mw >= 1000 ? `${number.format(mw / 1000)} W` : `${number.format(mw)} mW`;
}

/** "in_development" → "In development". */
export function label(value: string): string {
  const words = value.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const BODIES: Record<string, string> = { moon: 'Moon', mars: 'Mars', earth_orbit: 'Earth orbit', sun: 'Sun' };
export const bodyLabel = (body: string) => BODIES[body] ?? label(body);

/** "-50 … +70 °C", with a true minus sign. */
export function formatTempRange(min: number, max: number): string {
  const signed = (t: number) => (t > 0 ? `+${t}` : t < 0 ? `\u2212${-t}` : '0');
  return `${signed(min)} … ${signed(max)} °C`;
}

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** The counts as the agency reports them: "10 projects · 11 countries and regions · 1 international organisation". */
export function reportedCounts(c: { projects: number; countriesAndRegions: number; organisations: number }): string {
  const parts = [
    plural(c.projects, 'project', 'projects'),
    plural(c.countriesAndRegions, 'country or region', 'countries and regions'),
  ];
  if (c.organisations > 0) parts.push(plural(c.organisations, 'international organisation', 'international organisations'));
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

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** "12 Mar 2026, 14:05" in the reader's time zone, from an ISO timestamp in UTC. */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => dateOnly.format(new Date(iso));
