import { z } from 'zod';
import type { Locale } from '../domain/accounts/roles.js';
import { localiseMessage, problemCatalogue, serverMessage } from '../domain/error-messages/catalogue.js';
import type { AppError, FieldIssue } from '../domain/errors.js';

/** The validator's record of one zod issue (fastify-type-provider-zod): its code, and the rest as params. */
interface ZodValidationItem {
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

// zod ships its own message catalogues; these are the ones for the languages we answer in.
const ZOD_LOCALES: Record<Exclude<Locale, 'en'>, ReturnType<typeof z.locales.zhCN>> = { zh: z.locales.zhCN() };

/**
 * A value of the type the English message says was received: the validator keeps the issue but not
 * the input, and zod's "expected X, received Y" needs the input to name Y.
 */
const RECEIVED: Record<string, unknown> = { number: 0, string: '', boolean: false, array: [], object: {}, null: null };
function receivedInput(message: string | undefined): unknown {
  const kind = /received (\w+)/.exec(message ?? '')?.[1];
  return kind && kind in RECEIVED ? RECEIVED[kind] : undefined;
}

/** One schema-validation message in `locale`: our translation of a schema's own sentence, else zod's. */
export function zodMessage(locale: Locale, item: ZodValidationItem): string {
  const english = item.message ?? serverMessage('en', 'invalidValue');
  if (locale === 'en') return english;
  const known = problemCatalogue(locale).messages[english];
  if (known) return known;
  const issue = { input: receivedInput(item.message), ...item.params, code: item.keyword, path: [] };
  const answer = ZOD_LOCALES[locale].localeError(issue as Parameters<typeof ZOD_LOCALES.zh.localeError>[0]);
  const text = typeof answer === 'string' ? answer : answer?.message;
  return text ?? serverMessage(locale, 'invalidValue');
}

/** An AppError's detail and field messages in `locale`; code and field stay as they are. */
export function localisedAppError(locale: Locale, error: AppError): { detail: string; issues: FieldIssue[] } {
  return {
    detail: localiseMessage(locale, error.code, error.message),
    issues: error.issues.map((i) => ({ ...i, message: localiseMessage(locale, i.code, i.message) })),
  };
}
