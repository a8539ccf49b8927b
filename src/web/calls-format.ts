import type { Eligibility, ModuleOffer } from './calls-api.js';
import { formatGrams, formatMilligrams, formatMilliwatts, formatNumber, formatTempRange, label } from './format.js';

// Words for a call's rules and resources; numbers stay integers (mg, g, mW, mm, °C) until here.

let regions: Intl.DisplayNames | null = null;

/** "CN" → "China"; an unknown code stays as it is. */
export function countryName(code: string): string {
  try {
    regions ??= new Intl.DisplayNames('en', { type: 'region' });
    return regions.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function listOf(codes: string[]): string {
  const names = codes.map(countryName);
  try {
    return new Intl.ListFormat('en', { type: 'disjunction' }).format(names);
  } catch {
    return names.join(' or ');
  }
}

/** The eligibility rules as sentences. */
export function eligibilityRules(e: Eligibility): string[] {
  const rules: string[] = [];
  if (e.leadCountries?.length) rules.push(`Led by an institution in ${listOf(e.leadCountries)}.`);
  if (e.allowedCountries?.length) rules.push(`Every institution of the team is in ${listOf(e.allowedCountries)}.`);
  if (e.excludedCountries?.length) rules.push(`No institution of the team is in ${listOf(e.excludedCountries)}.`);
  if (e.maxEntities != null)
    rules.push(`At most ${e.maxEntities} ${e.maxEntities === 1 ? 'institution' : 'institutions'} in a team (the lead included).`);
  if (rules.length === 0) rules.push('Open to institutions from any country or region.');
  return rules;
}

export const mass = (g: number | null) => formatGrams(g) ?? '—';
export const power = (mw: number | null) => formatMilliwatts(mw) ?? '—';
export const mg = (n: number) => formatMilligrams(n);

export function envelope(o: Pick<ModuleOffer, 'itemMaxLengthMm' | 'itemMaxWidthMm' | 'itemMaxHeightMm'>): string | null {
  const { itemMaxLengthMm: l, itemMaxWidthMm: w, itemMaxHeightMm: h } = o;
  if (l == null && w == null && h == null) return null;
  const part = (n: number | null) => (n == null ? '—' : formatNumber(n));
  return `${part(l)} × ${part(w)} × ${part(h)} mm`;
}

export function mountingText(m: string): string {
  return m === 'either' ? 'Inside or outside' : label(m);
}

/** The per-item limits of a module offer, as label/value pairs (only those the call sets). */
export function itemLimits(o: ModuleOffer): [string, string][] {
  const rows: [string, string | null][] = [
    ['Mass per item', o.itemMaxMassG == null ? null : `≤ ${mass(o.itemMaxMassG)}`],
    ['Average power', o.itemMaxAvgPowerMw == null ? null : `≤ ${power(o.itemMaxAvgPowerMw)}`],
    ['Peak power', o.itemMaxPeakPowerMw == null ? null : `≤ ${power(o.itemMaxPeakPowerMw)}`],
    ['Envelope (L × W × H)', envelope(o) ? `≤ ${envelope(o)}` : null],
    ['Temperature', o.itemMinTempC != null && o.itemMaxTempC != null ? formatTempRange(o.itemMinTempC, o.itemMaxTempC) : null],
    ['Mounting', mountingText(o.mounting)],
  ];
  return rows.filter((r): r is [string, string] => r[1] != null);
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${formatNumber(Math.round(n / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(n / 104857.6) / 10)} MB`;
}
