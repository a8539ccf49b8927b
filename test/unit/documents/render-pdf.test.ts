import { describe, expect, it } from 'vitest';
import { fontChain } from '../../../src/documents/pdf/font-chain.js';
import { renderPdf, sha256Hex } from '../../../src/documents/pdf/render-pdf.js';
import { splitIntoRuns, visualWordOrder } from '../../../src/documents/pdf/text-runs.js';
import { extractPdfText, squash } from '../../support/pdf-text.js';

const NAMES = {
  latin: 'Université Paris Cité — Institut de physique du globe',
  chinese: '中国科学院地质与地球物理研究所',
  russian: 'Институт геохимии и аналитической химии им. В. И. Вернадского',
  thai: 'มหาวิทยาลัยเทคโนโลยีสุรนารี',
  arabic: 'جامعة الملك عبد العزيز',
};

const spec = (extra = '') => ({
  title: 'Decision letter',
  language: 'en',
  createdAt: new Date('2025-04-24T02:00:00Z'),
  footer: 'CE5-2025 · letter 7',
  blocks: [
    { kind: 'heading' as const, text: `Decision on your application ${extra}` },
    { kind: 'paragraph' as const, text: `Dear colleagues at ${NAMES.latin} and ${NAMES.chinese},` },
    {
      kind: 'fields' as const,
      rows: [
        ['Institution', NAMES.russian],
        ['Partner', NAMES.thai],
        ['Partner', NAMES.arabic],
      ] as const,
    },
    { kind: 'table' as const, columns: ['Sample type', 'Mass'], rows: [['月壤 regolith', '120 mg']] },
    { kind: 'signatures' as const, parties: [{ role: 'Agency', name: '国家航天局' }] },
  ],
});

describe('PDF rendering with a font chain', () => {
  it('splits mixed-script text into runs of fonts that have every glyph', () => {
    const chain = fontChain(400);
    const runs = splitIntoRuns(`Beijing 北京, ${NAMES.thai} ${NAMES.arabic}`, chain);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    for (const run of runs) {
      for (const char of run.text) expect(chain.has(run.file, char.codePointAt(0) ?? 0), `${char} in ${run.file.key}`).toBe(true);
    }
    expect(runs.map((r) => r.text).join('')).toBe(`Beijing 北京, ${NAMES.thai} ${visualWordOrder(NAMES.arabic)}`);
    // A space between two words of one script stays in that script's run.
    expect(runs[0]?.text).toBe('Beijing ');
  });

  it('prints Latin, Chinese, Cyrillic and Thai names that a PDF reader extracts back', async () => {
    const bytes = await renderPdf(spec());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squash(await extractPdfText(bytes));
    for (const name of [NAMES.latin, NAMES.chinese, NAMES.russian, NAMES.thai, '月壤regolith', '国家航天局']) {
      expect(text).toContain(squash(name));
    }
    expect(text).toContain(squash('CE5-2025 · letter 7 · 1/1'));
  });

  it('prints Arabic with glyphs from the Arabic font (no missing-glyph boxes)', async () => {
    const chain = fontChain(400);
    const runs = splitIntoRuns(NAMES.arabic, chain);
    const letters = runs.filter((r) => r.text.trim());
    expect(letters.every((r) => r.file.key.startsWith('noto-sans-arabic'))).toBe(true);
    // Words of a right-to-left phrase are laid out in visual order.
    expect(letters.map((r) => r.text)).toEqual(['العزيز', 'عبد', 'الملك', 'جامعة']);
    const text = await extractPdfText(await renderPdf(spec()));
    // pdfkit's ToUnicode map is imperfect for some contextual Arabic forms; the words come back.
    expect(squash(text)).toContain('الملك');
    expect(squash(text)).toContain('عبد');
  });

  it('gives the same bytes, and so the same SHA-256, for the same content; different content differs', async () => {
    const [a, b, c] = await Promise.all([renderPdf(spec()), renderPdf(spec()), renderPdf(spec('(amended)'))]);
    expect(sha256Hex(a)).toBe(sha256Hex(b));
    expect(sha256Hex(a)).not.toBe(sha256Hex(c));
  });
});
