import type { Eligibility, ModuleOffer } from './calls-api.js';
import { formatGrams, formatMilligrams, formatMilliwatts, formatNumber, formatTempRange, label, withUnit } from './format.js';
import { currentLocale, i18n } from './i18n/index.js';

// Words for a call's rules and resources; numbers stay integers (mg, g, mW, mm, °C) until here.

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'calls', ...options });

/** "CN" → "China" (or "中国"); an unknown code stays as it is. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(currentLocale(), { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function listOf(codes: string[]): string {
  const names = codes.map(countryName);
  try {
    return new Intl.ListFormat(currentLocale(), { type: 'disjunction' }).format(names);
  } catch {
    return names.join(' / ');
  }
}

/** The eligibility rules as sentences. */
export function eligibilityRules(e: Eligibility): string[] {
  const rules: string[] = [];
  if (e.leadCountries?.length) rules.push(t('eligibility.lead', { countries: listOf(e.leadCountries) }));
  if (e.allowedCountries?.length) rules.push(t('eligibility.allowed', { countries: listOf(e.allowedCountries) }));
  if (e.excludedCountries?.length) rules.push(t('eligibility.excluded', { countries: listOf(e.excludedCountries) }));
  if (e.maxEntities != null) rules.push(t('eligibility.maxEntities', { count: e.maxEntities, n: formatNumber(e.maxEntities) }));
  if (rules.length === 0) rules.push(t('eligibility.open'));
  return rules;
}

export const mass = (g: number | null) => formatGrams(g) ?? '—';
export const power = (mw: number | null) => formatMilliwatts(mw) ?? '—';
export const mg = (n: number) => formatMilligrams(n);

export function envelope(o: Pick<ModuleOffer, 'itemMaxLengthMm' | 'itemMaxWidthMm' | 'itemMaxHeightMm'>): string | null {
  const { itemMaxLengthMm: l, itemMaxWidthMm: w, itemMaxHeightMm: h } = o;
  if (l == null && w == null && h == null) return null;
  const part = (n: number | null) => (n == null ? '—' : formatNumber(n));
  return i18n.t('unit.envelope', { ns: 'common', l: part(l), w: part(w), h: part(h) });
}

export function mountingText(m: string): string {
  return m === 'either' ? t('mounting.either') : label(m);
}

/** The per-item limits of a module offer, as label/value pairs (only those the call sets). */
export function itemLimits(o: ModuleOffer): [string, string][] {
  const rows: [string, string | null][] = [
    [t('limits.massPerItem'), o.itemMaxMassG == null ? null : `≤ ${mass(o.itemMaxMassG)}`],
    [t('limits.averagePower'), o.itemMaxAvgPowerMw == null ? null : `≤ ${power(o.itemMaxAvgPowerMw)}`],
    [t('limits.peakPower'), o.itemMaxPeakPowerMw == null ? null : `≤ ${power(o.itemMaxPeakPowerMw)}`],
    [t('limits.envelope'), envelope(o) ? `≤ ${envelope(o)}` : null],
    [
      t('limits.temperature'),
      o.itemMinTempC != null && o.itemMaxTempC != null ? formatTempRange(o.itemMinTempC, o.itemMaxTempC) : null,
    ],
    [t('limits.mounting'), mountingText(o.mounting)],
  ];
  return rows.filter((r): r is [string, string] => r[1] != null);
}

export function bytes(n: number): string {
  if (n < 1024) return withUnit(n, 'B');
  if (n < 1024 * 1024) return withUnit(Math.round(n / 102.4) / 10, 'KB');
  return withUnit(Math.round(n / 104857.6) / 10, 'MB');
}
