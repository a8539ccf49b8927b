// What a generated document says, apart from how it is laid out. Use cases build one of these
// (a decision letter, an agreement, a certificate, labels) and renderPdf lays it out.

export type PdfBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'paragraph'; text: string; size?: number }
  | { kind: 'fields'; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'table'; columns: readonly string[]; rows: ReadonlyArray<readonly string[]>; widths?: readonly number[] }
  | { kind: 'signatures'; parties: ReadonlyArray<{ role: string; name: string; signed?: string }> }
  | { kind: 'image'; png: Buffer; width: number; caption?: string }
  | { kind: 'pageBreak' };

export interface PdfDocumentSpec {
  title: string;
  /** BCP 47 language of the document (the PDF's /Lang), e.g. "en" or "zh-CN". */
  language: string;
  author?: string;
  subject?: string;
  /** Fixed by the caller so the same content always gives the same bytes (and the same SHA-256). */
  createdAt: Date;
  blocks: readonly PdfBlock[];
  /** Printed small at the foot of every page, e.g. a reference number. */
  footer?: string;
}
