import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * The API's documentation: the OpenAPI document at /api/docs/json, and at /api/docs the web UI's
 * own page that renders it (src/web/portal/ApiDocsPage.tsx, accessible, in both languages). Without
 * a built UI (API tests), /api/docs is a short page that links the document.
 */
export function apiDocsRoutes(app: FastifyInstance, webRoot: string | null) {
  const indexFile = webRoot ? `${webRoot}index.html` : null;
  const fallback =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Orbitshare API</title></head>' +
    '<body><main><h1>Orbitshare API</h1><p><a href="/api/docs/json">The OpenAPI document (JSON)</a></p></main></body></html>';
  const page = async (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(indexFile && existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : fallback);
  app.get('/api/docs', { config: { action: 'system.docs' }, schema: { hide: true } }, page);
  app.get('/api/docs/', { config: { action: 'system.docs' }, schema: { hide: true } }, page);
  app.get('/api/docs/json', { config: { action: 'system.docs' }, schema: { hide: true } }, async () => app.swagger());
}
