import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { PdfBlock, PdfDocumentSpec } from './document-spec.js';
import { fontChain, type Weight } from './font-chain.js';
import { splitIntoRuns } from './text-runs.js';
import { fontBytes } from './woff-to-sfnt.js';

type Doc = PDFKit.PDFDocument;
const MARGIN = 56;
const BODY_SIZE = 10.5;

interface TextOptions {
  x: number;
  y?: number;
  width: number;
  size?: number;
  weight?: Weight;
}

/** Writes one string in as many font runs as its scripts need, wrapping inside the width. */
function writeText(doc: Doc, text: string, o: TextOptions) {
  const chain = fontChain(o.weight ?? 400);
  const runs = splitIntoRuns(text.length ? text : ' ', chain);
  doc.fontSize(o.size ?? BODY_SIZE);
  runs.forEach((run, i) => {
    doc.registerFont(run.file.key, fontBytes(run.file.path));
    doc.font(run.file.key);
    const options = { width: o.width, continued: i < runs.length - 1, lineGap: 2 };
    if (i === 0) doc.text(run.text, o.x, o.y ?? doc.y, options);
    else doc.text(run.text, options);
  });
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN - 20) doc.addPage();
}

/** Cells side by side; the row is as tall as its tallest cell. */
function writeRow(doc: Doc, cells: readonly string[], widths: readonly number[], weight: Weight) {
  ensureRoom(doc, 30);
  const top = doc.y;
  let bottom = top;
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 80;
    writeText(doc, cell, { x, y: top, width: width - 8, weight });
    bottom = Math.max(bottom, doc.y);
    x += width;
  });
  doc.y = bottom + 4;
  doc.x = MARGIN;
}

function contentWidth(doc: Doc) {
  return doc.page.width - 2 * MARGIN;
}

function writeBlock(doc: Doc, block: PdfBlock) {
  const width = contentWidth(doc);
  switch (block.kind) {
    case 'heading':
      ensureRoom(doc, 40);
      doc.moveDown(0.6);
      writeText(doc, block.text, { x: MARGIN, width, size: block.level === 2 ? 12.5 : 16, weight: 700 });
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      ensureRoom(doc, 24);
      writeText(doc, block.text, { x: MARGIN, width, size: block.size });
      doc.moveDown(0.5);
      return;
    case 'fields':
      for (const [label, value] of block.rows) writeRow(doc, [label, value], [width * 0.32, width * 0.68], 400);
      doc.moveDown(0.4);
      return;
    case 'list':
      for (const item of block.items) {
        ensureRoom(doc, 18);
        writeText(doc, `•  ${item}`, { x: MARGIN + 8, width: width - 8 });
      }
      doc.moveDown(0.5);
      return;
    case 'table': {
      const widths = block.widths ?? block.columns.map(() => width / block.columns.length);
      writeRow(doc, block.columns, widths, 700);
      doc
        .moveTo(MARGIN, doc.y - 2)
        .lineTo(MARGIN + width, doc.y - 2)
        .lineWidth(0.5)
        .stroke('#999999');
      for (const row of block.rows) writeRow(doc, row, widths, 400);
      doc.moveDown(0.5);
      return;
    }
    case 'signatures':
      for (const party of block.parties) {
        ensureRoom(doc, 70);
        doc.moveDown(1.2);
        const lineY = doc.y + 18;
        doc
          .moveTo(MARGIN, lineY)
          .lineTo(MARGIN + width * 0.55, lineY)
          .lineWidth(0.7)
          .stroke('#333333');
        doc.y = lineY + 4;
        writeText(doc, `${party.role}: ${party.name}`, { x: MARGIN, width: width * 0.55, size: 9.5 });
        if (party.signed) writeText(doc, party.signed, { x: MARGIN, width: width * 0.9, size: 8.5 });
      }
      doc.moveDown(0.5);
      return;
    case 'image':
      ensureRoom(doc, block.width + 30);
      doc.image(block.png, MARGIN, doc.y, { width: block.width });
      doc.y += block.width + 4;
      if (block.caption) writeText(doc, block.caption, { x: MARGIN, width, size: 8.5 });
      doc.moveDown(0.4);
      return;
    case 'pageBreak':
      doc.addPage();
      return;
  }
}

function writeFooters(doc: Doc, footer: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 16;
    // Writing below the bottom margin would start a new page; lift the margin for the footer line.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    writeText(doc, `${footer} · ${i + 1}/${range.count}`, { x: MARGIN, y, width: contentWidth(doc), size: 7.5 });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Lays a document out as PDF with a Unicode font chain embedded (subset), so names in any of
 * Latin, Cyrillic, Greek, Chinese, Arabic, Hebrew, Thai and Devanagari print. Same spec, same bytes.
 */
export function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: spec.language,
    displayTitle: true,
    info: {
      Title: spec.title,
      Author: spec.author ?? 'Orbitshare',
      Subject: spec.subject ?? spec.title,
      Creator: 'Orbitshare',
      Producer: 'Orbitshare',
      CreationDate: spec.createdAt,
      ModDate: spec.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of spec.blocks) writeBlock(doc, block);
  if (spec.footer) writeFooters(doc, spec.footer);
  doc.end();
  return done;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
