import type { Language } from './languages.js';

// Message catalogues: one JSON file per area (namespace) and language, under locales/<language>/.
// Each area owns its file, so features add messages without touching each other's catalogues.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

export type Catalogue = Record<string, unknown>;
export type Catalogues = Record<Language, Record<string, Catalogue>>;

export function loadCatalogues(): Catalogues {
  const out: Catalogues = { en: {}, zh: {} };
  for (const [path, messages] of Object.entries(files)) {
    const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, Language, string];
    if (out[language]) out[language][namespace] = messages;
  }
  return out;
}
