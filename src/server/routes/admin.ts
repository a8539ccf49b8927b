import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../contracts/accounts.js';
import { Problem, Uuid } from '../../contracts/common.js';
import { JobsOverview } from '../../contracts/jobs.js';
import { listAccounts, listAudit, listOutbox } from '../../services/accounts/admin-views.js';
import { grantRole } from '../../services/accounts/grant-role.js';
import { inviteAccount } from '../../services/accounts/invite-account.js';
import { revokeRole } from '../../services/accounts/revoke-role.js';
import { listJobs } from '../../services/jobs/list-jobs.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['administration'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const IdParams = z.object({ id: Uuid });

export function adminRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  // Read at each use: the server learns its public URL once listening when PORT=0.
  const links = {
    get base() {
      return ctx.publicUrl ?? 'http://localhost:3000';
    },
  };

  api.get(
    '/api/admin/accounts',
    {
      config: { action: 'accounts.read' },
      schema: { tags, summary: 'Every account with its live grants', response: { 200: z.array(c.Account), ...errors } },
    },
    async (request) => listAccounts(db, actorOf(request)),
  );
  api.post(
    '/api/admin/invitations',
    {
      config: { action: 'accounts.admin' },
      schema: {
        tags,
        summary: 'Invite a person with roles',
        body: c.InviteBody,
        response: { 201: z.object({ id: Uuid }), ...errors },
      },
    },
    async (request, reply) => {
      const created = await inviteAccount(db, actorOf(request), request.body, links);
      ctx.onOutboxChanged?.();
      return reply.status(201).send(created);
    },
  );
  api.post(
    '/api/admin/accounts/:id/grants',
    {
      config: { action: 'accounts.admin' },
      schema: { tags, summary: 'Grant a role', params: IdParams, body: c.GrantBody, response: { 201: c.GrantShape, ...errors } },
    },
    async (request, reply) => {
      const grant = await grantRole(db, actorOf(request), { ...request.body, accountId: request.params.id });
      return reply
        .status(201)
        .send({ id: grant.id, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId } as z.infer<
          typeof c.GrantShape
        >);
    },
  );
  api.post(
    '/api/admin/grants/:id/revoke',
    {
      config: { action: 'accounts.admin' },
      schema: { tags, summary: 'Revoke a role grant', params: IdParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await revokeRole(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/api/admin/outbox',
    {
      config: { action: 'outbox.read' },
      schema: { tags, summary: 'E-mails sent and waiting', response: { 200: z.array(c.OutboxMessage), ...errors } },
    },
    async (request) => listOutbox(db, actorOf(request)),
  );
  api.get(
    '/api/admin/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags,
        summary: 'The audit log, newest first',
        querystring: z.object({
          beforeId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(c.AuditRow), ...errors },
      },
    },
    async (request) => listAudit(db, actorOf(request), request.query),
  );
  api.get(
    '/api/admin/jobs',
    {
      config: { action: 'jobs.read' },
      schema: {
        tags,
        summary: 'Scheduled duties and jobs: next runs, waiting, recent runs, failures',
        response: { 200: JobsOverview, ...errors },
      },
    },
    async (request) => listJobs(db, actorOf(request)),
  );
}
