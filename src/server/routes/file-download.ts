import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * A download's file name for every browser: an ASCII fallback and the exact UTF-8 name (RFC 6266 /
 * RFC 5987), since names come in every script and a raw non-Latin-1 header would be refused.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a stored PDF as a download, with its SHA-256 (the stored one when the file has it). */
export function sendPdf(reply: FastifyReply, file: { filename: string; content: Buffer | Uint8Array; sha256?: string }) {
  const sha256 = file.sha256 ?? createHash('sha256').update(file.content).digest('hex');
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-sha256', sha256)
    .send(file.content as never);
}
