import { LOCALES, type Locale } from '../accounts/roles.js';
import type { ErrorCode } from '../errors.js';
import { EN_PROBLEMS } from './en.js';
import { ZH_PROBLEMS } from './zh.js';

/**
 * One language's error messages. Clients key on `code` and `field`, which never change; the words
 * a person reads follow their language. The services write their messages in English (the source
 * language, as with gettext): `messages` maps those English sentences to this language, and a
 * message without a translation falls back to the sentence for its code, so the answer is always
 * in the requester's language, if sometimes less specific.
 */
export interface ProblemCatalogue {
  codes: Record<ErrorCode, string>;
  /** Sentences the HTTP layer writes itself; `{{name}}` is replaced by the value. */
  server: {
    fieldsInvalid: string;
    fieldMessage: string;
    invalidValue: string;
    sendJson: string;
    cannotStore: string;
    noRoute: string;
  };
  /** English sentence as written by a service → this language. */
  messages: Record<string, string>;
}

const CATALOGUES: Record<Locale, ProblemCatalogue> = { en: EN_PROBLEMS, zh: ZH_PROBLEMS };

export function problemCatalogue(locale: Locale): ProblemCatalogue {
  return CATALOGUES[(LOCALES as readonly string[]).includes(locale) ? locale : 'en'];
}

/** A message a service wrote in English, in `locale`: its translation, else its code's sentence. */
export function localiseMessage(locale: Locale, code: ErrorCode, english: string): string {
  if (locale === 'en') return english;
  const catalogue = problemCatalogue(locale);
  return catalogue.messages[english] ?? catalogue.codes[code];
}

/** A server sentence with its `{{placeholders}}` filled. */
export function serverMessage(
  locale: Locale,
  key: keyof ProblemCatalogue['server'],
  values: Record<string, string | number> = {},
) {
  return problemCatalogue(locale).server[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
