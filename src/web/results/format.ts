import { currentLanguage, currentLocale } from '../i18n/index.js';
import type { Headline, ResultInstitution } from './results-api.js';

/** A country or region's name in the UI's language (Hong Kong reads as a region). */
export function placeName(code: string | null, fallback: string | null): string {
  if (!code) return fallback ?? '';
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'region' }).of(code) ?? fallback ?? code;
  } catch {
    return fallback ?? code;
  }
}

export function headlineIn(headline: Headline): string {
  return currentLanguage() === 'zh' ? headline.zh : headline.en;
}

export function formatDate(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeZone }).format(new Date(iso));
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLocale()).format(n);
}

/** "Name (native name)". */
export function institutionName(i: ResultInstitution): string {
  return i.nativeName && i.nativeName !== i.name ? `${i.name} (${i.nativeName})` : i.name;
}
