import type { FontChain, FontFile } from './font-chain.js';

export interface TextRun {
  file: FontFile;
  text: string;
}

// Spaces and punctuation shared by every script stay in the font of the run around them, so
// "北京 Beijing" does not flip fonts on each space; a character no font has is dropped from the
// run's font choice but kept (it prints as the font's missing-glyph box rather than vanishing).
const NEUTRAL = /[\s\p{P}\p{Zs}]/u;

// pdfkit lays text out left to right. fontkit shapes and orders the letters inside an Arabic or
// Hebrew word, but a phrase of several right-to-left words must also be given in visual order.
const RTL_PHRASE = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+(?:\s+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+)+/gu;

/** Right-to-left phrases with their words in visual (left-to-right) order; everything else as is. */
export function visualWordOrder(text: string): string {
  return text.replace(RTL_PHRASE, (phrase) => phrase.split(/(\s+)/u).reverse().join(''));
}

/** Splits text into runs that one font file can print, following the chain's order. */
export function splitIntoRuns(text: string, chain: FontChain): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  for (const char of visualWordOrder(text)) {
    const cp = char.codePointAt(0) ?? 0;
    const previous: FontFile | null = current ? current.file : null;
    const keep = previous !== null && (NEUTRAL.test(char) ? chain.has(previous, cp) : previous === chain.fileFor(cp));
    if (current && keep) {
      current.text += char;
      continue;
    }
    const file: FontFile | null = chain.fileFor(cp) ?? previous ?? chain.fileFor(0x20);
    if (!file) throw new Error('no font in the chain prints a space');
    if (current && previous === file) current.text += char;
    else {
      current = { file, text: char };
      runs.push(current);
    }
  }
  return runs;
}
