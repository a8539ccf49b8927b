// How the calls domain shows quantities to people. Stored units are integers: g, mW, MB/day, mm,
// °C for payloads and mg for samples (DESIGN: convert only at the edge).

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const upTo3 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 850 → "850 g"; 10000 → "10.0 kg" (kg with one decimal from 1000 g). */
export function formatMassG(grams: number): string {
  return Math.abs(grams) >= 1000 ? `${oneDecimal.format(grams / 1000)} kg` : `${grouped.format(grams)} g`;
}

/**
 * Two masses to compare in one sentence: kg with one decimal unless both would read the same
 * (10,040 g against 10,000 g), then grams, so a sentence never says "10.0 kg is over 10.0 kg".
 */
export function formatMassPairG(value: number, limit: number): [string, string] {
  const a = formatMassG(value);
  const b = formatMassG(limit);
  if (a === b && value !== limit) return [`${grouped.format(value)} g`, `${grouped.format(limit)} g`];
  return [a, b];
}

/** 850 → "850 mg"; 1001 → "1.001 g" (sample masses keep every milligram). */
export function formatMassMg(mg: number): string {
  return Math.abs(mg) >= 1000 ? `${upTo3.format(mg / 1000)} g` : `${grouped.format(mg)} mg`;
}

/** 40000 → "40 W"; 1250 → "1.25 W". */
export function formatPowerMw(mw: number): string {
  return `${upTo3.format(mw / 1000)} W`;
}

export function formatDataMb(mbPerDay: number): string {
  return `${grouped.format(mbPerDay)} MB/day`;
}

/** −50 → "−50 °C" (with a true minus sign). */
export function formatTempC(celsius: number): string {
  return celsius < 0 ? `\u2212${-celsius} °C` : `${celsius} °C`;
}

/** [300, 200, null] → "300 × 200 × any mm". */
export function formatDimsMm(dims: (number | null | undefined)[]): string {
  return `${dims.map((d) => (d == null || !Number.isFinite(d) ? 'any' : grouped.format(d))).join(' × ')} mm`;
}

export function formatPercent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)} %`;
}
