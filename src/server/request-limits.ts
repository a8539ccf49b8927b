import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { SESSION_COOKIE } from './auth.js';
import { problemDocument, problemHandler, sendProblem } from './problem.js';

/** How long a client may take; 0 turns a limit off (see the README's configuration table). */
export interface Timeouts {
  /** Idle time on a socket before it is closed (Node's server.timeout). */
  connectionMs: number;
  /** Time to receive a whole request, headers and body (Node's server.requestTimeout). */
  requestMs: number;
  /** Time an idle keep-alive connection stays open between requests. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectionMs: 120_000, requestMs: 60_000, keepAliveMs: 72_000 };

/** Longer URLs are refused with 414; Node refuses request lines past 16 KiB of headers itself (431). */
export const MAX_URL_LENGTH = 8_192;
/** Ids and slugs are at most 100 characters; a longer path segment is refused with 414. */
const MAX_PARAM_LENGTH = 100;
export const SESSION_COOKIE_SENT = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, request, 'VALIDATION_FAILED', 'The URL is not valid: a %-escape does not decode to UTF-8 text.');
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(
      reply,
      request,
      'VALIDATION_FAILED',
      `A part of the URL is longer than ${MAX_PARAM_LENGTH} characters.`,
      [],
      414,
    );
  }
  return problemHandler(error, request, reply);
}

const RAW_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/**
 * Errors Node's HTTP parser meets before there is a request (headers too large, a malformed request
 * line, a request that took too long): answered on the socket itself, still as problem+json.
 */
function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) return;
  this.log.debug({ err: error }, 'client error');
  const status = RAW_STATUS[error.code ?? ''] ?? 400;
  const detail =
    status === 431
      ? 'The request line and headers are larger than the server accepts (16 KiB).'
      : status === 408
        ? 'The request was not received in time.'
        : 'The request is not valid HTTP.';
  const problem = problemDocument('VALIDATION_FAILED', detail, [], status);
  const body = JSON.stringify(problem);
  socket.end(
    [
      `HTTP/1.1 ${status} ${problem.title}`,
      'Content-Type: application/problem+json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

/** Fastify options that bound what a client may send and how long it may take. */
export function requestLimitOptions(timeouts: Partial<Timeouts> = {}): FastifyServerOptions {
  const t = { ...DEFAULT_TIMEOUTS, ...timeouts };
  return {
    connectionTimeout: t.connectionMs,
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler,
  };
}

/** Before authentication (install it first): an over-long URL is refused before any work is done. */
export function installRequestLimits(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH) {
      throw Object.assign(new Error(`The URL is longer than ${MAX_URL_LENGTH} characters.`), { statusCode: 414 });
    }
  });
}

/**
 * An answer to a caller holding credentials (a session cookie, a bearer token, or one just issued)
 * is never stored by a browser or a shared cache; public answers keep their caching. Install it
 * after the cookie plugin, whose own onSend hook is what writes Set-Cookie.
 */
export function installNoStoreForCredentials(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    // The UI's files are the same for everyone (and named by their content): the browser keeps them.
    if (!request.url.startsWith('/api')) return;
    const credentials =
      request.headers.authorization !== undefined ||
      SESSION_COOKIE_SENT.test(request.headers.cookie ?? '') ||
      reply.hasHeader('set-cookie');
    if (credentials) reply.header('cache-control', 'no-store');
  });
}
