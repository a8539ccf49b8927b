import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { loadCatalogues } from './catalogues.js';
import { isLanguage, LANGUAGE_STORAGE_KEY, type Language, LOCALE_TAG, pickLanguage, SOURCE_LANGUAGE } from './languages.js';

function rememberedLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage blocked: follow the browser
  }
}

function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : [nav.language];
}

function initialLanguage(): Language {
  return rememberedLanguage() ?? pickLanguage(browserLanguages());
}

function applyToDocument(language: Language) {
  if (typeof document !== 'undefined') document.documentElement.lang = LOCALE_TAG[language];
}

const catalogues = loadCatalogues();
const language = initialLanguage();

void i18next.use(initReactI18next).init({
  resources: catalogues,
  lng: language,
  fallbackLng: SOURCE_LANGUAGE,
  defaultNS: 'common',
  ns: Object.keys(catalogues.en),
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyToDocument(language);

export const i18n = i18next;

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : SOURCE_LANGUAGE;
}

/** The BCP 47 tag for Intl formatters in the current language. */
export function currentLocale(): string {
  return LOCALE_TAG[currentLanguage()];
}

/** The visible switch: change now and remember for the next visit. */
export function setLanguage(next: Language) {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, next);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  void i18next.changeLanguage(next);
  applyToDocument(next);
}

/** Messages of one area (namespace), e.g. `const { t } = useT('review')`. */
export function useT(namespace: string | string[] = 'common') {
  return useTranslation(namespace);
}

export type { Language };
