import { createHash } from 'node:crypto';

/** Latin text for a PDF base-14 font: accents dropped, anything else outside ASCII replaced. */
function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/([\\()])/g, '\\$1');
}

function wrap(text: string, width = 90): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A small valid one-page PDF (Helvetica, text only) standing in for an applicant's document in the
 * demo data. Deterministic: the same text gives the same bytes and the same SHA-256.
 */
export function demoPdf(heading: string, paragraphs: string[]): { content: Buffer; sha256: string } {
  const lines = [heading, '', ...paragraphs.flatMap((p) => [...wrap(p), ''])].slice(0, 60);
  const body = lines.map((l, i) => `${i === 0 ? '/F1 14 Tf' : '/F1 10 Tf'} (${ascii(l)}) Tj T*`).join('\n');
  const stream = `BT\n50 790 Td\n13 TL\n${body}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const content = Buffer.from(pdf, 'latin1');
  return { content, sha256: createHash('sha256').update(content).digest('hex') };
}
