import { currentLocale } from '../../i18n/index.js';

// Numbers, units and countries on the decision board, in the reader's language.

export const num = (n: number) => new Intl.NumberFormat(currentLocale()).format(n);

export const percent = (fraction: number) =>
  new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 2 }).format(fraction);

/** An amount with its unit symbol (g, mW, MB/day, mg), which reads the same in every language. */
export const amount = (n: number, unit?: string) => (unit ? `${num(n)} ${unit}` : num(n));

export const signedPercent = (p: number) => new Intl.NumberFormat(currentLocale(), { signDisplay: 'exceptZero' }).format(p);

/** The country's name in the reader's language; codes the browser does not know stay as they are. */
export function countryLabel(code: string, unknown: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code === 'unknown' ? unknown : code;
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
