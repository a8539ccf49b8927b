import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../src/web/i18n/languages.js';

const ROOT = join(import.meta.dirname, '../../src/web/i18n/locales');

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      for (const [k, v] of flatten(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  }
  return out;
}

function catalogue(language: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(ROOT, language, `${namespace}.json`), 'utf8')));
}

const variables = (message: string) => [...message.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const namespaces = readdirSync(join(ROOT, 'en')).map((f) => f.replace(/\.json$/, ''));

describe('UI message catalogues', () => {
  it('has an English catalogue for every Chinese one and the reverse', () => {
    expect(readdirSync(join(ROOT, 'zh')).sort()).toEqual(readdirSync(join(ROOT, 'en')).sort());
  });

  for (const namespace of namespaces) {
    it(`translates every "${namespace}" message into Chinese, with the same placeholders`, () => {
      const en = catalogue('en', namespace);
      const zh = catalogue('zh', namespace);
      const missing = [...en.keys()].filter((key) => !zh.get(key)?.trim());
      expect(missing, `messages without a Chinese translation in zh/${namespace}.json`).toEqual([]);
      const stale = [...zh.keys()].filter((key) => !en.has(key.replace(/_other$/, '_one')) && !en.has(key));
      expect(stale, `Chinese messages with no English source in ${namespace}`).toEqual([]);
      const mismatched = [...en.keys()].filter(
        (key) => zh.has(key) && variables(en.get(key) ?? '').join() !== variables(zh.get(key) ?? '').join(),
      );
      expect(mismatched, 'placeholders differ between English and Chinese').toEqual([]);
    });
  }
});

describe('first-visit language', () => {
  it('follows the browser: Chinese browsers get Chinese, everything else English', () => {
    expect(pickLanguage(['zh-CN', 'en'])).toBe('zh');
    expect(pickLanguage(['zh-Hant-TW'])).toBe('zh');
    expect(pickLanguage(['fr-FR', 'zh'])).toBe('zh');
    expect(pickLanguage(['de', 'fr'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
