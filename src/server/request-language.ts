import type { FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../domain/accounts/roles.js';

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/**
 * The languages of an Accept-Language header, best first (q-values honoured, `q=0` dropped), as
 * their primary subtag: "zh-Hans-CN;q=0.8" counts as Chinese.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((l) => l.primary && Number.isFinite(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.primary);
}

/**
 * The language to answer a person in: the signed-in person's own choice (their account's
 * language), else the first language of their browser we speak, else English.
 */
export function requestLanguage(request: FastifyRequest): Locale {
  const actor = request.actor as FastifyRequest['actor'] | null;
  if (actor?.kind === 'account' && actor.locale && isLocale(actor.locale)) return actor.locale;
  const header = request.headers['accept-language'];
  return acceptedLanguages(Array.isArray(header) ? header.join(',') : header).find(isLocale) ?? 'en';
}
