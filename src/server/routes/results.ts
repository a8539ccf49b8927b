import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../contracts/common.js';
import { getCallResults, resultsCsv } from '../../services/results/get-call-results.js';
import { listResults } from '../../services/results/list-results.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['portal'];
const read = { action: 'portal.read' as const };
const Slug = z.object({ slug: z.string().min(1).max(200) });
const Headline = z.object({ en: z.string(), zh: z.string() });
const Institution = z.object({
  slug: z.string(),
  name: z.string(),
  nativeName: z.string().nullable(),
  role: z.enum(['lead', 'partner']),
  countryCode: z.string().nullable().describe('ISO code of the country or region; null for an international organisation.'),
  countryName: z.string().nullable(),
  homeKind: z.enum(['country', 'region', 'organisation']),
  organisation: z.string().nullable(),
});
const Results = z.object({
  unit: z.enum(['institutions', 'projects']).describe('What the headline counts: the approved institutions, or the projects.'),
  counts: z.object({
    unit: z.enum(['institutions', 'projects']),
    projects: z.number().int(),
    institutions: z.number().int(),
    countries: z.number().int(),
    regions: z.number().int(),
    organisations: z.number().int(),
    conditional: z.number().int(),
  }),
  headline: Headline,
  projects: z.array(
    z.object({
      title: z.string(),
      outcome: z.enum(['selected', 'conditional']),
      institutions: z.array(Institution),
      allocations: z.array(z.object({ sampleType: z.string(), massMg: z.number().int() })),
    }),
  ),
  decidedAt: z.string().nullable(),
});
const CallResults = z.object({
  call: z.object({
    slug: z.string(),
    title: z.string(),
    status: z.string(),
    timeZone: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    program: z.object({ slug: z.string(), name: z.string() }),
  }),
  results: Results.nullable().describe('Null until the call is decided.'),
});
const ResultsList = z.array(
  z.object({
    slug: z.string(),
    title: z.string(),
    status: z.string(),
    phase: z.enum(['open', 'past', 'decided']),
    opensAt: z.string(),
    closesAt: z.string(),
    timeZone: z.string(),
    program: z.object({ slug: z.string(), name: z.string() }),
    decidedAt: z.string().nullable(),
    headline: Headline.nullable(),
    selected: z.number().int().nullable(),
  }),
);

/** Public results: every decided call's selected projects and headline, beside open and past calls. */
export function resultRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/results',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every public call (open, past, decided) with the headline of the decided ones',
        querystring: z.object({ program: z.string().max(200).optional().describe('Only the calls of this program (slug).') }),
        response: { 200: ResultsList },
      },
    },
    async (request) => listResults(db, actorOf(request), { programSlug: request.query.program }),
  );
  api.get(
    '/api/results/:slug',
    {
      config: read,
      schema: {
        tags,
        summary: 'A call’s results: selected projects, institutions, countries, headline',
        params: Slug,
        response: { 200: CallResults, 404: Problem },
      },
    },
    async (request) => getCallResults(db, actorOf(request), request.params.slug),
  );
  api.get(
    '/api/results/:slug/download.csv',
    {
      config: read,
      schema: {
        tags,
        summary: 'A call’s results as CSV (one row per selected institution)',
        params: Slug,
        response: { 404: Problem },
      },
    },
    async (request, reply) => {
      const results = await getCallResults(db, actorOf(request), request.params.slug);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="results-${results.call.slug}.csv"`)
        .send(`\uFEFF${resultsCsv(results)}` as never);
    },
  );
  api.get(
    '/api/results/:slug/download.json',
    {
      config: read,
      schema: { tags, summary: 'A call’s results as a JSON file', params: Slug, response: { 200: CallResults, 404: Problem } },
    },
    async (request, reply) => {
      const results = await getCallResults(db, actorOf(request), request.params.slug);
      return reply.header('content-disposition', `attachment; filename="results-${results.call.slug}.json"`).send(results);
    },
  );
}
