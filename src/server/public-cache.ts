import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DbOrTx, queryRows } from '../db/connection.js';
import { ACTIONS } from '../policies/policy.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer is the same for every caller and depends only on public data: it is kept in this
     * server's memory under the public data version (migration 0018) until a write bumps it.
     */
    publicCache?: boolean;
  }
  interface FastifyRequest {
    /** The public data version read before the answer was computed (cacheable routes only). */
    publicDataVersion?: number;
  }
}

interface CachedAnswer {
  version: number;
  body: string;
  etag: string;
  headers: Record<string, string>;
}

/** Headers of an answer that belong to its content, replayed on a cache hit. */
const CONTENT_HEADERS = ['content-type', 'content-disposition'];
const MAX_CACHED_BODY = 4 * 1024 * 1024;

export async function readPublicDataVersion(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ version: number | string }>(db, sql`select version from public_data_version`);
  return Number(row?.version ?? 0);
}

/**
 * Reads the version row for many requests at once without ever answering from a read that began
 * before a request arrived: a request that comes while a read is in flight joins the next read, which
 * starts when that one ends. Every request thus sees every write committed before it arrived (as
 * with one read each), and a burst of 50 requests costs two round trips instead of 50.
 */
export function coalescedVersionReader(db: DbOrTx): () => Promise<number> {
  let inFlight: Promise<number> | null = null;
  let queued: Promise<number> | null = null;
  const launch = () => {
    const read = readPublicDataVersion(db);
    inFlight = read;
    read
      .finally(() => {
        if (inFlight === read) inFlight = null;
      })
      .catch(() => undefined);
    return read;
  };
  return () => {
    if (!inFlight) return launch();
    queued ??= inFlight
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return launch();
      });
    return queued;
  };
}

/** A strong validator: the SHA-256 of the exact bytes sent. */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly, so W/"x" matches "x"; "*" matches anything. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

const isPublicRead = (request: FastifyRequest) => {
  const action = request.routeOptions.config?.action;
  return action !== undefined && ACTIONS[action].who === 'public' && !ACTIONS[action].write;
};

/**
 * ETag / 304 on every public GET answer, and a per-server cache of the answers of routes marked
 * `publicCache`. Correct with any number of servers on one database: each cacheable request reads
 * the version row first, and an entry computed under an older version is never served.
 */
export function installPublicCache(app: FastifyInstance, ctx: AppContext, maxEntries = 500) {
  const cache = new Map<string, CachedAnswer>();
  const readVersion = coalescedVersionReader(ctx.database.db);
  let newestVersion = 0;

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.routeOptions.config?.publicCache || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const version = await readVersion();
    if (version > newestVersion) {
      newestVersion = version;
      cache.clear(); // everything older is unreachable now
    }
    request.publicDataVersion = version;
    const hit = cache.get(request.url);
    if (!hit || hit.version !== version) return;
    cache.delete(request.url); // re-inserted last: the map's order is least recently used first
    cache.set(request.url, hit);
    for (const [name, value] of Object.entries(hit.headers)) reply.header(name, value);
    reply.header('etag', hit.etag);
    if (etagMatches(request.headers['if-none-match'], hit.etag)) return reply.code(304).send();
    return reply.send(hit.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200 || !request.url.startsWith('/api') || !isPublicRead(request)) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams (files) keep their own
    let etag = reply.getHeader('etag') as string | undefined;
    if (!etag) {
      etag = strongEtag(payload);
      reply.header('etag', etag);
      remember(request, reply, payload, etag);
    }
    // Browsers and proxies may keep a public answer but must ask again (cheaply, with the ETag).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'public, no-cache');
    if (etagMatches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });

  function remember(request: FastifyRequest, reply: FastifyReply, payload: string | Buffer, etag: string) {
    const version = request.publicDataVersion;
    if (version === undefined || version < newestVersion || payload.length > MAX_CACHED_BODY) return;
    const headers: Record<string, string> = {};
    for (const name of CONTENT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    cache.set(request.url, { version, body: payload.toString(), etag, headers });
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  }
}
