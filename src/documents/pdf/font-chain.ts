import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { fontBytes } from './woff-to-sfnt.js';

// pdfkit has no font fallback and no single font covers Latin, Chinese, Arabic, Thai, Hebrew and
// Devanagari. The @fontsource packages ship Noto in one file per Unicode subset and say in their
// CSS which code points each file covers, so a code point's file is found without opening the
// ~120 files; a file is opened (and its glyph coverage confirmed) only when text needs it.

export type Weight = 400 | 700;

/** One font file of the chain: the place in the chain it came from and the code points it claims. */
export interface FontFile {
  /** Stable key for pdfkit's font registry, e.g. "noto-sans-sc-88-400". */
  key: string;
  path: string;
  ranges: ReadonlyArray<readonly [number, number]>;
}

/** Fallback order: Latin-script Noto first (it also has the punctuation), then Chinese, then the rest. */
const CHAIN = [
  'noto-sans',
  'noto-sans-sc',
  'noto-sans-arabic',
  'noto-sans-hebrew',
  'noto-sans-thai',
  'noto-sans-devanagari',
] as const;

const require = createRequire(import.meta.url);

function parseRanges(unicodeRange: string): Array<[number, number]> {
  return unicodeRange.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from ?? '', 16);
    return [start, to ? Number.parseInt(to, 16) : start];
  });
}

/** Files of one package at one weight, in the order its CSS lists them. */
function packageFiles(pkg: string, weight: Weight): FontFile[] {
  const root = dirname(require.resolve(`@fontsource/${pkg}/package.json`));
  const css = readFileSync(join(root, `${weight}.css`), 'utf8');
  const files: FontFile[] = [];
  for (const face of css.split('@font-face').slice(1)) {
    const woff = /url\(\.\/files\/([^)]+\.woff)\)/.exec(face)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1];
    if (!woff || !range) continue;
    files.push({ key: woff.replace(/-normal\.woff$/, ''), path: join(root, 'files', woff), ranges: parseRanges(range) });
  }
  return files;
}

const covers = (file: FontFile, cp: number) => file.ranges.some(([a, b]) => cp >= a && cp <= b);

interface OpenedFont {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** The ordered chain of font files at one weight, with lazily opened fonts. */
export class FontChain {
  private readonly files: FontFile[];
  private readonly opened = new Map<string, OpenedFont | null>();
  private readonly choice = new Map<number, FontFile | null>();

  constructor(readonly weight: Weight) {
    this.files = CHAIN.flatMap((pkg) => packageFiles(pkg, weight));
  }

  private open(file: FontFile): OpenedFont | null {
    if (!this.opened.has(file.key)) {
      try {
        this.opened.set(file.key, fontkit.create(fontBytes(file.path)) as unknown as OpenedFont);
      } catch {
        // A rare subset file does not open: skip it and let the chain try the next one.
        this.opened.set(file.key, null);
      }
    }
    return this.opened.get(file.key) ?? null;
  }

  /** Whether this file really has a glyph for the code point (not only claims it). */
  has(file: FontFile, cp: number): boolean {
    if (!covers(file, cp)) return false;
    const font = this.open(file);
    if (!font) return false;
    try {
      return font.hasGlyphForCodePoint(cp);
    } catch {
      // Some subset files open but have no usable character map: treat them as unopenable.
      this.opened.set(file.key, null);
      return false;
    }
  }

  /** The first file of the chain with a glyph for the code point, or null when none has one. */
  fileFor(cp: number): FontFile | null {
    let file = this.choice.get(cp);
    if (file === undefined) {
      file = this.files.find((f) => this.has(f, cp)) ?? null;
      this.choice.set(cp, file);
    }
    return file;
  }
}

const chains = new Map<Weight, FontChain>();

export function fontChain(weight: Weight): FontChain {
  let chain = chains.get(weight);
  if (!chain) {
    chain = new FontChain(weight);
    chains.set(weight, chain);
  }
  return chain;
}
