import { describe, expect, it } from 'vitest';
import { formatMicrograms } from '../../src/web/catalogue/mass.js';
import { i18n, setLanguage } from '../../src/web/i18n/index.js';

// The catalogue's masses: whole micrograms from the ledger shown as grams or milligrams in the
// reader's language and number format.

describe('formatMicrograms', () => {
  it('shows grams from 1 g up and milligrams below, in English and Chinese', () => {
    setLanguage('en');
    const t = i18n.getFixedT('en', 'catalogue');
    expect([1_731_000_000, 1_500_000, 999_999, 120_000, 1, 0].map((ug) => formatMicrograms(t, ug))).toEqual([
      '1,731 g',
      '1.5 g',
      '999.999 mg',
      '120 mg',
      '0.001 mg',
      '0 mg',
    ]);
    setLanguage('zh');
    const zh = i18n.getFixedT('zh', 'catalogue');
    expect([1_500_000, 120_000].map((ug) => formatMicrograms(zh, ug))).toEqual(['1.5 克', '120 毫克']);
    setLanguage('en');
  });
});
