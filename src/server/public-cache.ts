import { createHash } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DbOrTx, queryRows } from '../db/connection.js';
import { ACTIONS } from '../policies/policy.js';
import type { AppContext } from './context.js';
import { SESSION_COOKIE_SENT } from './request-limits.js';

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
  /** The exact bytes sent (serialised once, when the entry was computed). */
  body: Buffer;
  etag: string;
  /** Content headers replayed on a hit in preHandler (the rest comes from the onSend hooks). */
  headers: Record<string, string>;
  /** Every header of the 200 and of the 304 for a caller without credentials, once one was sent. */
  anonymous?: { ok: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders };
}

/** Headers of an answer that belong to its content, replayed on a cache hit. */
const CONTENT_HEADERS = ['content-type', 'content-disposition'];
const MAX_CACHED_BODY = 4 * 1024 * 1024;

export async function readPublicDataVersion(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ version: number | string }>(db, sql`select version from public_data_version`);
  return Number(row?.version ?? 0);
}

/**
 * Shares one read among the callers of a burst without ever answering a caller from a read that began
 * before the caller called: callers join a batch that is still waiting, and the batch's read starts
 * only once the batch is closed (at the end of this turn of the event loop, after every request that
 * arrived in it). So every caller sees every write committed before it called, as with one read each,
 * and 50 requests arriving together cost one round trip instead of 50. Reads of successive batches
 * overlap (up to `maxInFlight`, then a batch waits for one to end): a request waits one round trip,
 * not the rest of an earlier read first. A failed read fails only its own batch.
 */
export function coalesceReads<T>(read: () => Promise<T>, maxInFlight = 4): () => Promise<T> {
  let waiting: { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } | null = null;
  let inFlight = 0;
  const launch = () => {
    if (!waiting || inFlight >= maxInFlight) return; // a read that ends launches it
    const batch = waiting;
    waiting = null; // closed: a later caller joins a later read
    inFlight++;
    Promise.resolve()
      .then(read)
      .then(batch.resolve, batch.reject)
      .finally(() => {
        inFlight--;
        launch();
      });
  };
  return () => {
    if (!waiting) {
      let resolve!: (value: T) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      waiting = { promise, resolve, reject };
      setImmediate(launch);
    }
    return waiting.promise;
  };
}

/** The public data version, read for many requests at once (never stale: see coalesceReads). */
export function coalescedVersionReader(db: DbOrTx): () => Promise<number> {
  return coalesceReads(() => readPublicDataVersion(db));
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

/** Headers Node writes itself on every answer: never replayed from a recorded one. */
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
/** What a 304 carries besides the validator: how to cache it and the headers every answer carries. */
const NOT_MODIFIED_DROPS = new Set(['content-length', 'content-type', 'content-disposition']);

/**
 * A request that carries no credentials (no bearer token, no session cookie): its answer to a public
 * read is the same for every such caller, byte for byte and header for header.
 */
const carriesNoCredentials = (request: FastifyRequest) =>
  request.headers.authorization === undefined && !SESSION_COOKIE_SENT.test(request.headers.cookie ?? '');

const isCacheableRead = (request: FastifyRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') && request.routeOptions.config?.publicCache === true;

/**
 * ETag / 304 on every public GET answer, and a per-server cache of the answers of routes marked
 * `publicCache`.
 *
 * Never stale, with any number of servers on one database: every cacheable request waits for a read
 * of the version row that STARTED after the request arrived (coalesceReads shares one read among the
 * requests of a burst but never hands a request a read that began before it), and an entry computed
 * under another version is never served. A write committed before a request arrives has bumped the
 * version row at its commit (migration 0018), so that read sees the new version and the request
 * misses. LISTEN/NOTIFY would save the round trip but cannot give this guarantee: a notification
 * reaches another server some time after the commit, and only a round trip to the database tells a
 * server that no notification is still on its way.
 *
 * Anonymous requests (the announcement spike: journalists, partners, the public) take a fast path in
 * onRequest: once the version is known, a hit is written straight to the socket as recorded bytes
 * (the pre-serialised body and the header block the full pipeline produced for an anonymous caller
 * the first time), skipping validation, the handler, serialisation and the onSend hooks. The
 * onResponse hooks and the request log still run. Callers with credentials go the whole way (their
 * session is looked up, their answers are marked no-store) and are answered from the same cache in
 * preHandler.
 */
export function installPublicCache(app: FastifyInstance, ctx: AppContext, maxEntries = 500) {
  const cache = new Map<string, CachedAnswer>();
  const readVersion = coalescedVersionReader(ctx.database.db);
  let newestVersion = 0;

  /** The entry for this URL under the current version, once the version has been read (see above). */
  async function currentEntry(request: FastifyRequest): Promise<CachedAnswer | undefined> {
    const version = request.publicDataVersion ?? (await readVersion());
    if (version > newestVersion) {
      newestVersion = version;
      cache.clear(); // everything older is unreachable now
    }
    request.publicDataVersion = version;
    const hit = cache.get(request.url);
    if (!hit || hit.version !== version) return undefined;
    cache.delete(request.url); // re-inserted last: the map's order is least recently used first
    cache.set(request.url, hit);
    return hit;
  }

  app.addHook('onRequest', async (request, reply) => {
    if (!isCacheableRead(request) || !carriesNoCredentials(request)) return;
    const hit = await currentEntry(request);
    const recorded = hit?.anonymous;
    if (!hit || !recorded) return; // computed by the whole pipeline, which records it
    reply.hijack(); // onResponse (and the request log) still run: they listen for the end of the answer
    const notModified = etagMatches(request.headers['if-none-match'], hit.etag);
    reply.raw.writeHead(notModified ? 304 : 200, notModified ? recorded.notModified : recorded.ok);
    reply.raw.end(notModified ? undefined : hit.body); // Node sends no body to HEAD itself
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isCacheableRead(request)) return;
    const hit = await currentEntry(request);
    if (!hit) return;
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
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      etag = strongEtag(body);
      reply.header('etag', etag);
      remember(request, reply, body, etag);
    }
    // Browsers and proxies may keep a public answer but must ask again (cheaply, with the ETag).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'public, no-cache');
    if (etagMatches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });

  // After every onSend hook: the headers are the ones the answer went out with.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || !isCacheableRead(request)) return;
    const entry = cache.get(request.url);
    if (!entry || entry.anonymous || !carriesNoCredentials(request)) return;
    const sent = reply.getHeaders();
    if (sent.etag !== entry.etag || sent['set-cookie'] !== undefined) return;
    entry.anonymous = recordHeaders(sent);
  });

  function remember(request: FastifyRequest, reply: FastifyReply, body: Buffer, etag: string) {
    const version = request.publicDataVersion;
    if (version === undefined || version < newestVersion || body.length > MAX_CACHED_BODY) return;
    const headers: Record<string, string> = {};
    for (const name of CONTENT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    cache.set(request.url, { version, body, etag, headers });
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  }
}

/** The header blocks of a recorded anonymous answer: the 200 as sent, and its 304. */
function recordHeaders(sent: Record<string, string | number | string[] | undefined>): CachedAnswer['anonymous'] {
  const ok: OutgoingHttpHeaders = {};
  const notModified: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(sent)) {
    if (value === undefined || CONNECTION_HEADERS.has(name)) continue;
    ok[name] = value;
    if (!NOT_MODIFIED_DROPS.has(name)) notModified[name] = value;
  }
  return { ok, notModified };
}
