import type { TFunction } from 'i18next';
import { currentLocale } from '../i18n/index.js';

/**
 * Whole micrograms as the reader's unit: grams from 1 g up, milligrams below ("1.5 g", "120 mg";
 * "1.5 克", "120 毫克"), at most three decimals, in the reader's number format. Needs the
 * `catalogue` namespace's `unit.g` and `unit.mg`.
 */
export function formatMicrograms(t: TFunction, ug: number): string {
  const number = (n: number) => new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 3 }).format(n);
  if (ug >= 1_000_000) return t('catalogue:unit.g', { value: number(ug / 1_000_000) });
  return t('catalogue:unit.mg', { value: number(ug / 1000) });
}
