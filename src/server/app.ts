import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { TrustProxy } from '../config.js';
import { ERROR_CODES } from '../domain/errors.js';
import { configurePasswordHashing, type HashingLimits } from '../services/accounts/secrets.js';
import { installAuth, type RouteEntry } from './auth.js';
import type { AppContext } from './context.js';
import { HTTP_STATUS, notFoundHandler, problemHandler } from './problem.js';
import { installPublicCache } from './public-cache.js';
import { installNoStoreForCredentials, installRequestLimits, requestLimitOptions, type Timeouts } from './request-limits.js';
import { accountRoutes } from './routes/account.js';
import { adminRoutes } from './routes/admin.js';
import { agreementRoutes } from './routes/agreements.js';
import { apiDocsRoutes } from './routes/api-docs.js';
import { applicationRoutes } from './routes/applications.js';
import { authRoutes } from './routes/auth.js';
import { calendarRoutes } from './routes/calendars.js';
import { callRoutes } from './routes/calls.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { custodyRoutes } from './routes/custody.js';
import { custodyLoanRoutes } from './routes/custody-loans.js';
import { healthRoutes } from './routes/health.js';
import { letterRoutes } from './routes/letters.js';
import { loanRoutes } from './routes/loans.js';
import { portalRoutes } from './routes/portal.js';
import { registryRoutes } from './routes/registry.js';
import { resultRoutes } from './routes/results.js';
import { reviewRoutes } from './routes/review.js';
import { selectionRoutes } from './routes/selection.js';
import { installSecurityHeaders } from './security-headers.js';

// dist/server and src/server are both two levels below the package root.
const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with the policy action it declares (walked by the authorization matrix test). */
    routeTable: RouteEntry[];
  }
}

export interface AppOptions {
  logLevel?: string;
  bodyLimit?: number;
  /** Serve the built web UI from dist/web when it exists (off in API tests). */
  serveWeb?: boolean;
  /**
   * Check every response against its declared schema (on in tests, where a mismatch should fail
   * loudly). Off in service: presenters already shape what leaves, and the check costs most of
   * a request's CPU time (see bench/README.md).
   */
  validateResponses?: boolean;
  /** Whose X-Forwarded-For/-Proto to believe (TRUST_PROXY); off unless set. */
  trustProxy?: TrustProxy;
  /** The cap on concurrent password hashing (process-wide); the default leaves a core free. */
  passwordHashing?: HashingLimits;
  /** Socket, request and keep-alive timeouts (config.ts); sane defaults when left out. */
  timeouts?: Partial<Timeouts>;
}

const errorTable = Object.entries(ERROR_CODES)
  .map(([code, meaning]) => `| ${code} | ${HTTP_STATUS[code as keyof typeof ERROR_CODES]} | ${meaning} |`)
  .join('\n');

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    ...requestLimitOptions(options.timeouts),
  });
  if (options.passwordHashing) configurePasswordHashing(options.passwordHashing);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(options.validateResponses ? serializerCompiler : () => (data) => JSON.stringify(data));
  app.setErrorHandler(problemHandler);
  installRequestLimits(app);
  // Before any route is added: the route table and the policy hook must see every one of them.
  const routeTable = await installAuth(app, ctx);
  app.decorate('routeTable', routeTable);
  installNoStoreForCredentials(app);
  installSecurityHeaders(app);
  installPublicCache(app, ctx);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Orbitshare API',
        version: ctx.version,
        description: `Registry, calls, review, selection and sample custody for international space cooperation.\n\nAuthenticate scripts with a personal API token (account page, or \`orbitshare user token\`) as \`Authorization: Bearer osk_…\`; the browser UI uses the session cookie and sends its \`x-csrf-token\` on writes.\n\nErrors are RFC 9457 problem+json with a stable \`code\`:\n\n| code | HTTP | meaning |\n|---|---|---|\n${errorTable}`,
      },
      components: {
        securitySchemes: {
          apiToken: { type: 'http', scheme: 'bearer', description: 'A personal API token, osk_…' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'osid',
            description: 'The browser session (writes also need x-csrf-token).',
          },
        },
      },
      security: [{ apiToken: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  apiDocsRoutes(app, options.serveWeb !== false ? WEB_ROOT : null);

  healthRoutes(app, ctx);
  registryRoutes(app, ctx);
  authRoutes(app, ctx);
  accountRoutes(app, ctx);
  adminRoutes(app, ctx);
  portalRoutes(app, ctx);
  callRoutes(app, ctx);
  applicationRoutes(app, ctx);
  reviewRoutes(app, ctx);
  selectionRoutes(app, ctx);
  custodyRoutes(app, ctx);
  letterRoutes(app, ctx);
  resultRoutes(app, ctx);
  calendarRoutes(app, ctx);
  agreementRoutes(app, ctx);
  loanRoutes(app, ctx);
  custodyLoanRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  await app.after(); // routes registered in their own plugin scope are in the route table too
  app.get('/api/openapi.json', { config: { action: 'system.docs' }, schema: { hide: true } }, async () => app.swagger());

  if (options.serveWeb !== false && existsSync(WEB_ROOT)) {
    await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false });
    // The UI routes on the client: any non-API GET that is not a file gets the app's page.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return notFoundHandler(request, reply);
    });
  } else {
    app.setNotFoundHandler(notFoundHandler);
  }
  return app;
}

/**
 * Fastify 5 ignores a bare hop count (it trusts no one then), so a count becomes the function
 * Express uses: the first n hops, counted from this server, are proxies.
 */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}
