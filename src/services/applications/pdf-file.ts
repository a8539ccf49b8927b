import { AppError } from '../../domain/errors.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const SIGNATURES: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or a Word/Excel document)', [0x50, 0x4b, 0x03, 0x04]],
  ['an old Word/Excel document', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** What the file looks like, by its first bytes, for the error message. */
function looksLike(content: Buffer): string | undefined {
  return SIGNATURES.find(([, bytes]) => bytes.every((b, i) => content[i] === b))?.[0];
}

/**
 * Checks that the bytes are a PDF, by content and never by name: it starts with "%PDF-" and has an
 * "%%EOF" marker near its end (a truncated upload has none).
 */
export function assertPdf(content: unknown, filename: string): Buffer {
  const fail = (message: string) => new AppError('INVALID_FILE', message, [{ field: 'file', code: 'INVALID_FILE', message }]);
  if (!Buffer.isBuffer(content) || content.length === 0)
    throw fail('Send the PDF itself as the request body, with content-type application/pdf.');
  if (content.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'A PDF may be at most 10 MiB.');
  if (content.subarray(0, 5).toString('latin1') !== '%PDF-') {
    const kind = looksLike(content);
    throw fail(`"${filename}" is not a PDF${kind ? `: it is ${kind}` : ' (it does not start with %PDF-)'}. Upload a PDF file.`);
  }
  if (
    !content
      .subarray(Math.max(0, content.length - 1024))
      .toString('latin1')
      .includes('%%EOF')
  )
    throw fail(`"${filename}" is not a complete PDF (no %%EOF marker at its end); it may be truncated.`);
  return content;
}
