import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListQuery, Problem, pageOf } from '../../contracts/common.js';
import { setArchived } from '../../services/registry/archive-record.js';
import { createRecord } from '../../services/registry/create-record.js';
import { getRecord } from '../../services/registry/get-record.js';
import { listRecords } from '../../services/registry/list-records.js';
import { RESOURCES, type RegistryResource } from '../../services/registry/resources.js';
import { updateRecord } from '../../services/registry/update-record.js';
import { type AppContext, actorOf } from '../context.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 413: Problem };
const read = { action: 'registry.read' as const };
const write = { action: 'registry.write' as const };

/** A filter's query parameter is checked by its column's type, so a bad value is a 400 naming it. */
function filterSchema(column: AnyPgColumn) {
  if (column.columnType === 'PgUUID') return z.uuid();
  if (column.dataType === 'number') return z.coerce.number().int();
  return z.string().max(200);
}

/** Five routes per registry resource, generated from its descriptor: list, get, create, update, archive. */
export function registryRoutes(app: FastifyInstance, ctx: AppContext) {
  for (const resource of RESOURCES) resourceRoutes(app.withTypeProvider<ZodTypeProvider>(), ctx, resource);
}

function resourceRoutes(app: FastifyInstance, ctx: AppContext, r: RegistryResource) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = `/api/${r.name}`;
  const tags = [r.name];
  const Params = z.object({ id: z.string().max(100).describe(`The ${r.noun}'s ${r.idField}.`) });
  const filters = Object.fromEntries(Object.entries(r.filters).map(([f, column]) => [f, filterSchema(column).optional()]));
  const Query = ListQuery.extend(filters);
  const { db } = ctx.database;

  api.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: `List ${r.name}`,
        description: `Sortable by ${Object.keys(r.sorts).join(', ')}; filterable by ${Object.keys(r.filters).join(', ')}.`,
        querystring: Query,
        response: { 200: pageOf(r.record), 400: Problem },
      },
    },
    async (request) => {
      const { page, pageSize, sort, q, includeArchived, ...rest } = request.query as ListQuery & Record<string, string>;
      return listRecords(db, actorOf(request), r, {
        page,
        pageSize,
        sort,
        q,
        includeArchived,
        filters: rest as Record<string, string>,
      });
    },
  );

  api.get(
    `${base}/:id`,
    { config: read, schema: { tags, summary: `Get one ${r.noun}`, params: Params, response: { 200: r.record, 404: Problem } } },
    async (request) => getRecord(db, actorOf(request), r, (request.params as { id: string }).id),
  );

  api.post(
    base,
    {
      config: write,
      schema: { tags, summary: `Create a ${r.noun}`, body: r.input.strict(), response: { 201: r.record, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await createRecord(db, actorOf(request), r, request.body as Record<string, unknown>)),
  );

  api.patch(
    `${base}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: `Change some fields of a ${r.noun}`,
        params: Params,
        body: r.input.partial().strict(),
        response: { 200: r.record, ...errors },
      },
    },
    async (request) =>
      updateRecord(db, actorOf(request), r, (request.params as { id: string }).id, request.body as Record<string, unknown>),
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    api.post(
      `${base}/:id/${verb}`,
      {
        config: write,
        schema: {
          tags,
          summary: archived ? `Archive a ${r.noun} (hidden from lists, never deleted)` : `Restore an archived ${r.noun}`,
          params: Params,
          response: { 200: r.record, 404: Problem },
        },
      },
      async (request) => setArchived(db, actorOf(request), r, (request.params as { id: string }).id, archived),
    );
  }
}
