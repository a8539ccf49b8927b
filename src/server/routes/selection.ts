import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, Uuid } from '../../contracts/common.js';
import { decideSelection } from '../../services/selection/decide-selection.js';
import { listSelectionDecisions } from '../../services/selection/list-selection-decisions.js';
import { proposeSelection } from '../../services/selection/propose-selection.js';
import { setMergeGroups } from '../../services/selection/set-merge-groups.js';
import { setSelectionMerits } from '../../services/selection/set-selection-merits.js';
import { setSelectionRules } from '../../services/selection/set-selection-rules.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['selection'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: Uuid });
const read = { action: 'selection.read' as const };
const decide = { action: 'selection.decide' as const };
const Reason = z.string().trim().min(1).max(5000);
const Official = z.object({ id: Uuid, reason: Reason });
const Json = z.record(z.string(), z.unknown());

const ProposalQuery = z.object({
  timeLimit: z.coerce.number().min(0.1).max(60).optional().describe('Seconds the solver may search (default 10).'),
  sweep: z.enum(['true', 'false']).optional().describe('Include the what-if sweep (default true).'),
  explain: z
    .enum(['true', 'false'])
    .optional()
    .describe('Include a reason per proposal, found by re-solving (default true); false gives the set alone, quickly.'),
});
const MeritsBody = z.object({
  merits: z
    .array(z.object({ applicationId: Uuid, merit: z.number().int().min(0).max(1_000_000) }))
    .min(1)
    .max(5000),
});
const RulesBody = z.object({
  countryCap: z.number().int().min(1).nullable().default(null),
  minCountries: z.number().int().min(1).nullable().default(null),
  excludes: z
    .array(z.tuple([Uuid, Uuid]))
    .max(5000)
    .default([]),
  requires: z
    .array(z.object({ proposal: Uuid, needs: Uuid }))
    .max(5000)
    .default([]),
  mustSelect: z.array(Official).max(5000).default([]),
  mustReject: z.array(Official).max(5000).default([]),
  allowPartialGrants: z.boolean().default(false),
});
const MergeGroupsBody = z.object({
  groups: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(300).describe('The merged project’s name, unique in the call.'),
        members: z.array(Uuid).min(2).max(500).describe('The proposals merged into it (at least two).'),
      }),
    )
    .max(1000)
    .describe('Every merged project of the call (replaces the previous list; empty removes them all).'),
});
const DecisionsBody = z.object({
  decisions: z
    .array(
      z.object({
        applicationId: Uuid,
        outcome: z.enum(['selected', 'conditional', 'rejected']),
        conditions: z.string().max(5000).nullable().optional(),
        reason: Reason,
      }),
    )
    .min(1)
    .max(5000),
});

/** Selection: the optimiser's proposal, merits and rules, and the official's frozen decisions. */
export function selectionRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/calls/:id/selection/proposal',
    {
      config: read,
      schema: {
        tags,
        summary: 'The optimiser’s proposed set with its bound, a reason per proposal and the what-if sweep',
        params: Id,
        querystring: ProposalQuery,
        response: { 200: Json, ...errors },
      },
    },
    async (request) =>
      proposeSelection(db, actorOf(request), request.params.id, {
        timeLimitSec: request.query.timeLimit,
        sweep: request.query.sweep !== 'false',
        explain: request.query.explain !== 'false',
      }),
  );
  api.post(
    '/api/calls/:id/selection/merits',
    {
      config: decide,
      schema: {
        tags,
        summary: 'Enter integer merits (calls run without a panel)',
        params: Id,
        body: MeritsBody,
        response: { 200: Json, ...errors },
      },
    },
    async (request) => setSelectionMerits(db, actorOf(request), request.params.id, request.body.merits),
  );
  api.put(
    '/api/calls/:id/selection/rules',
    {
      config: decide,
      schema: {
        tags,
        summary: 'Set the call’s selection rules',
        params: Id,
        body: RulesBody,
        response: { 200: Json, ...errors },
      },
    },
    async (request) => setSelectionRules(db, actorOf(request), request.params.id, request.body),
  );
  api.put(
    '/api/calls/:id/selection/merge-groups',
    {
      config: decide,
      schema: {
        tags,
        summary: 'Set the merged proposals: each group is selected or rejected as a whole, with the sum of its resources',
        params: Id,
        body: MergeGroupsBody,
        response: { 200: Json, ...errors },
      },
    },
    async (request) => setMergeGroups(db, actorOf(request), request.params.id, request.body.groups),
  );
  api.post(
    '/api/calls/:id/selection/decisions',
    {
      config: decide,
      schema: {
        tags,
        summary: 'Decide every proposal (frozen, audited; the call moves to decided)',
        params: Id,
        body: DecisionsBody,
        response: { 201: Json, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await decideSelection(db, actorOf(request), request.params.id, request.body.decisions)),
  );
  api.get(
    '/api/calls/:id/selection/decisions',
    {
      config: read,
      schema: {
        tags,
        summary: 'The frozen decisions with their sample allocations',
        params: Id,
        response: { 200: z.array(Json), ...errors },
      },
    },
    async (request) => listSelectionDecisions(db, actorOf(request), request.params.id),
  );
}
