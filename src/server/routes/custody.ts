import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, Uuid } from '../../contracts/common.js';
import * as c from '../../contracts/custody.js';
import { consumeSample } from '../../services/custody/consume-sample.js';
import { getGenealogy } from '../../services/custody/get-genealogy.js';
import { getSample } from '../../services/custody/get-sample.js';
import { recordLoss } from '../../services/custody/record-loss.js';
import { registerSample } from '../../services/custody/register-sample.js';
import { splitSample } from '../../services/custody/split-sample.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['custody'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: Uuid });
const read = { action: 'custody.read' as const };
const write = { action: 'custody.write' as const };

/** Sample custody: parent samples, splits, consumption, losses and the genealogy tree (curators). */
export function custodyRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.post(
    '/api/sample-collections/:id/samples',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register a parent sample with its initial mass',
        params: Id,
        body: c.RegisterSampleBody,
        response: { 201: c.Sample, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await registerSample(db, actorOf(request), request.params.id, request.body)),
  );
  api.get(
    '/api/samples/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A sample, its ledger and its accounts',
        params: Id,
        response: { 200: c.SampleDetail, ...errors },
      },
    },
    async (request) => getSample(db, actorOf(request), request.params.id),
  );
  api.get(
    '/api/samples/:id/genealogy',
    {
      config: read,
      schema: { tags, summary: 'Ancestors and the tree of subsamples', params: Id, response: { 200: c.Genealogy, ...errors } },
    },
    async (request) => getGenealogy(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/samples/:id/splits',
    {
      config: write,
      schema: {
        tags,
        summary: 'Split one or many subsamples off a sample',
        params: Id,
        body: c.SplitBody,
        response: { 201: c.SplitResult, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await splitSample(db, actorOf(request), request.params.id, request.body)),
  );
  api.post(
    '/api/samples/:id/consumption',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record mass consumed in destructive analysis',
        params: Id,
        body: c.ConsumeBody,
        response: { 200: c.Sample, ...errors },
      },
    },
    async (request) => consumeSample(db, actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/samples/:id/losses',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a loss or contamination with its report',
        params: Id,
        body: c.LossBody,
        response: { 200: c.Sample, ...errors },
      },
    },
    async (request) => recordLoss(db, actorOf(request), request.params.id, request.body),
  );
}
