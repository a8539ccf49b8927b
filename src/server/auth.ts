import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import { type Action, authorize } from '../policies/policy.js';
import { authenticate, csrfTokenOf } from '../services/accounts/authenticate.js';
import type { Actor } from '../services/actor.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** The policy action the route performs; every /api route must name one. */
    action?: Action;
  }
}

export const SESSION_COOKIE = 'osid';
export const CSRF_HEADER = 'x-csrf-token';

export interface RouteEntry {
  method: string;
  url: string;
  action: Action | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes the docs plugin adds on its own; they are public reading. */
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/**
 * Authentication, the route-level policy check and CSRF, before any body is parsed. The route table
 * it collects is what the authorization matrix test walks.
 */
export async function installAuth(app: FastifyInstance, ctx: AppContext): Promise<RouteEntry[]> {
  const routes: RouteEntry[] = [];
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null as never);

  app.addHook('onRoute', (route) => {
    if (isDocsRoute(route.url)) route.config = { ...(route.config ?? {}), action: 'system.docs' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api')) continue;
      routes.push({ method, url: route.url, action: (route.config as { action?: Action } | undefined)?.action });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const authorization = request.headers.authorization;
    const bearerToken = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    const sessionToken = request.cookies[SESSION_COOKIE];
    request.actor = await authenticate(ctx.database.db, { bearerToken, sessionToken, address: request.ip });
    if (!request.url.startsWith('/api')) return;
    const action = request.routeOptions.config?.action;
    // A route with no declared action is refused to everyone: forgetting a policy fails closed.
    if (!action) {
      if (request.routeOptions.url === undefined) return; // no such route: the 404 handler answers
      throw new AppError('FORBIDDEN', 'This route has no declared policy.');
    }
    if (!SAFE_METHODS.has(request.method)) await checkCsrf(ctx, request, action === 'auth.session' ? undefined : sessionToken);
    authorize(request.actor, action);
  });

  return routes;
}

/**
 * Cookie-authenticated writes carry the session's CSRF token in a header (a cross-site form cannot
 * read it). Bearer-token calls are not sent by browsers on their own, so they need none. The entry
 * points open to anonymous callers (sign-in, sign-up, resets) are checked by origin only: a browser
 * holding an old session cookie must still be able to sign in, which replaces that session.
 */
async function checkCsrf(ctx: AppContext, request: FastifyRequest, sessionToken: string | undefined) {
  const actor = request.actor;
  if (actor.kind === 'account' && actor.via === 'session' && sessionToken) {
    const expected = await csrfTokenOf(ctx.database.db, sessionToken);
    if (!expected || request.headers[CSRF_HEADER] !== expected) {
      throw new AppError('CSRF_FAILED', `Send the ${CSRF_HEADER} header your session was given at sign-in.`);
    }
    return;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !isSameOrigin(origin, request.headers.host)) {
    throw new AppError('CSRF_FAILED', 'Cross-site requests are refused.');
  }
}

/**
 * Whether a browser's Origin header names this server. "null" (a sandboxed frame, a redirect from
 * another site) and anything that is not a URL are not this server: refused, never a crash.
 */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}
