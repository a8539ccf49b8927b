// The languages the UI speaks. English is the source language: every key exists in English first.
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export const SOURCE_LANGUAGE: Language = 'en';

/** Where the visible switch remembers the choice. */
export const LANGUAGE_STORAGE_KEY = 'orbitshare.language';

/** The BCP 47 tag used for Intl formatting and the document's lang attribute. */
export const LOCALE_TAG: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language for a first visit: the first of the browser's preferred languages we speak
 * ("zh-TW" and "zh-Hans-CN" count as Chinese), else English.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return SOURCE_LANGUAGE;
}
