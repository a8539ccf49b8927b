import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../contracts/calls.js';
import { Problem, Uuid } from '../../contracts/common.js';
import { callStats } from '../../services/calls/call-stats.js';
import { changeCallStatus } from '../../services/calls/change-call-status.js';
import { createCall } from '../../services/calls/create-call.js';
import { exportCallApplications } from '../../services/calls/export-call-applications.js';
import { getCall } from '../../services/calls/get-call.js';
import { listCallApplications } from '../../services/calls/list-call-applications.js';
import { listCalls } from '../../services/calls/list-calls.js';
import { updateCall } from '../../services/calls/update-call.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['calls'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const IdParams = z.object({ id: Uuid.describe('The call id.') });
const read = { action: 'calls.read' as const };
const manage = { action: 'calls.manage' as const };
const applicationsRead = { action: 'calls.applications.read' as const };

/** Calls: the public reads published ones; program officers run the calls of their programs. */
export function callRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/calls',
    {
      config: read,
      schema: {
        tags,
        summary: 'List calls (public: published to decided; officers also see their programs’ drafts)',
        querystring: c.CallListQuery,
        response: { 200: z.array(c.CallSummary), 400: Problem },
      },
    },
    async (request) => listCalls(db, actorOf(request), { ...request.query, mine: request.query.mine === 'true' }),
  );
  api.get(
    '/api/calls/:idOrSlug',
    {
      config: read,
      schema: {
        tags,
        summary: 'One call with its criteria, offers, documents, eligibility and windows',
        params: c.IdOrSlugParams,
        response: { 200: c.CallDetail, 404: Problem },
      },
    },
    async (request) => getCall(db, actorOf(request), request.params.idOrSlug),
  );
  api.post(
    '/api/calls',
    {
      config: manage,
      schema: { tags, summary: 'Create a draft call', body: c.CreateCallBody, response: { 201: c.CallDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createCall(db, actorOf(request), request.body)),
  );
  api.patch(
    '/api/calls/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a draft call; a published call may only extend closesAt',
        params: IdParams,
        body: c.UpdateCallBody,
        response: { 200: c.CallDetail, ...errors },
      },
    },
    async (request) => updateCall(db, actorOf(request), request.params.id, request.body),
  );
  for (const [verb, event, summary] of [
    ['publish', 'publish', 'Publish a draft call (audited as call.published)'],
    ['close', 'close', 'Close a published call to submissions (call.closed)'],
    ['cancel', 'cancel', 'Cancel a call (call.cancelled)'],
  ] as const) {
    api.post(
      `/api/calls/:id/${verb}`,
      { config: manage, schema: { tags, summary, params: IdParams, response: { 200: c.CallDetail, ...errors } } },
      async (request) => changeCallStatus(db, actorOf(request), request.params.id, event),
    );
  }
  api.get(
    '/api/calls/:id/applications',
    {
      config: applicationsRead,
      schema: {
        tags,
        summary: 'Submitted applications of a call (officers and officials of its program)',
        params: IdParams,
        querystring: c.CallApplicationsQuery,
        response: { 200: z.array(c.CallApplicationListRow), ...errors },
      },
    },
    async (request) => listCallApplications(db, actorOf(request), request.params.id, request.query),
  );
  api.get(
    '/api/calls/:id/applications/export',
    {
      config: applicationsRead,
      schema: {
        tags,
        summary: 'The same list as a CSV or JSON file',
        params: IdParams,
        querystring: c.ExportQuery,
        response: { 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const file = await exportCallApplications(db, actorOf(request), request.params.id, request.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body as never);
    },
  );
  api.get(
    '/api/calls/:id/stats',
    {
      config: applicationsRead,
      schema: {
        tags,
        summary: 'Counts by country and requested totals per offer',
        params: IdParams,
        response: { 200: c.CallStats, ...errors },
      },
    },
    async (request) => callStats(db, actorOf(request), request.params.id),
  );
}
