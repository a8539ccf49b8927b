import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../contracts/accounts.js';
import { Problem, Uuid } from '../../contracts/common.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/accounts/api-tokens.js';
import { listMySessions, revokeMySession } from '../../services/accounts/my-sessions.js';
import { setMyLocale } from '../../services/accounts/set-my-locale.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['account'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const IdParams = z.object({ id: Uuid });
const read = { action: 'account.read' as const };
const write = { action: 'account.write' as const };

/** The signed-in person's own sessions and API tokens. */
export function accountRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/account/sessions',
    { config: read, schema: { tags, summary: 'My open sessions', response: { 200: z.array(c.Session), ...errors } } },
    async (request) => listMySessions(db, actorOf(request)),
  );
  api.post(
    '/api/account/sessions/:id/revoke',
    {
      config: write,
      schema: { tags, summary: 'End one of my sessions', params: IdParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await revokeMySession(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/api/account/tokens',
    {
      config: read,
      schema: { tags, summary: 'My API tokens (never their secrets)', response: { 200: z.array(c.ApiToken), ...errors } },
    },
    async (request) => listApiTokens(db, actorOf(request)),
  );
  api.post(
    '/api/account/tokens',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create an API token; the secret is shown once',
        body: c.CreateTokenBody,
        response: { 201: c.NewApiToken, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(db, actorOf(request), request.body)),
  );
  api.post(
    '/api/account/tokens/:id/revoke',
    {
      config: write,
      schema: { tags, summary: 'Revoke one of my API tokens', params: IdParams, response: { 200: c.ApiToken, ...errors } },
    },
    async (request) => revokeApiToken(db, actorOf(request), request.params.id),
  );
  api.put(
    '/api/account/locale',
    {
      config: write,
      schema: {
        tags,
        summary: 'Choose the language of my e-mails (en or zh)',
        body: c.LocaleBody,
        response: { 200: c.LocaleBody, ...errors },
      },
    },
    async (request) => setMyLocale(db, actorOf(request), request.body.locale),
  );
}
