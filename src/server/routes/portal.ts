import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../contracts/common.js';
import * as contracts from '../../contracts/portal.js';
import { getCountryPage } from '../../services/portal/get-country-page.js';
import { getInstitutionPage } from '../../services/portal/get-institution-page.js';
import { getMissionPage } from '../../services/portal/get-mission-page.js';
import { getPortalStatistics } from '../../services/portal/get-portal-statistics.js';
import { getPortalSummary } from '../../services/portal/get-portal-summary.js';
import { getProgramPage } from '../../services/portal/get-program-page.js';
import { listPortalCountries } from '../../services/portal/list-portal-countries.js';
import { listPortalInstitutions } from '../../services/portal/list-portal-institutions.js';
import { listPortalMissions } from '../../services/portal/list-portal-missions.js';
import { listPortalPrograms } from '../../services/portal/list-portal-programs.js';
import { searchPortal } from '../../services/portal/search-portal.js';
import { type AppContext, actorOf } from '../context.js';
import { presentList } from '../present-list.js';
import * as csv from './portal-csv.js';

const tags = ['portal'];
// Public reading: anyone, signed in or not (see src/policies/policy.ts).
const read = { action: 'portal.read' as const, publicCache: true };
const SlugParam = z.object({ slug: z.string().max(100).describe('The record\'s URL name, e.g. "change-8-cooperation".') });

/** The public portal: read-only pages, one service call each, archived records left out. */
export function portalRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/portal/summary',
    {
      config: read,
      schema: {
        tags,
        summary: 'Home page: missions by launch year, open opportunities, partner countries and headline figures',
        response: { 200: contracts.PortalSummary },
      },
    },
    async (request) => getPortalSummary(db, actorOf(request)),
  );

  api.get(
    '/api/portal/programs',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every program with the counts the agency reports',
        querystring: contracts.ListFormat,
        response: { 200: contracts.ProgramList },
      },
    },
    async (request, reply) => {
      const body = await listPortalPrograms(db, actorOf(request));
      return presentList(reply, request.query.format, body, {
        name: 'programs',
        items: body.items,
        columns: csv.PROGRAM_COLUMNS,
      });
    },
  );

  api.get(
    '/api/portal/missions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every mission with its agency and the programs and projects it carries, by launch year',
        querystring: contracts.ListFormat,
        response: { 200: contracts.MissionList },
      },
    },
    async (request, reply) => {
      const body = await listPortalMissions(db, actorOf(request));
      return presentList(reply, request.query.format, body, {
        name: 'missions',
        items: body.items,
        columns: csv.MISSION_COLUMNS,
      });
    },
  );

  api.get(
    '/api/portal/institutions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every institution with its projects, partnerships and programs, by name',
        querystring: contracts.ListFormat,
        response: { 200: contracts.InstitutionList },
      },
    },
    async (request, reply) => {
      const body = await listPortalInstitutions(db, actorOf(request));
      return presentList(reply, request.query.format, body, {
        name: 'institutions',
        items: body.items,
        columns: csv.INSTITUTION_COLUMNS,
      });
    },
  );

  api.get(
    '/api/portal/statistics',
    {
      config: read,
      schema: {
        tags,
        summary: 'Applications and selections per call (round) and per country of the lead applicant',
        response: { 200: contracts.PortalStatistics },
      },
    },
    async (request) => getPortalStatistics(db, actorOf(request)),
  );

  api.get(
    '/api/portal/search',
    {
      config: read,
      schema: {
        tags,
        summary: 'Search the registry, the calls and their results; best matches first',
        querystring: contracts.SearchQuery,
        response: { 200: contracts.SearchResults, 400: Problem },
      },
    },
    async (request, reply) => {
      const body = await searchPortal(db, actorOf(request), request.query.q);
      return presentList(reply, request.query.format, body, { name: 'search', items: body.items, columns: csv.SEARCH_COLUMNS });
    },
  );

  api.get(
    '/api/portal/countries',
    {
      config: read,
      schema: {
        tags,
        summary: 'Partner countries and regions, and partner international organisations, with counts',
        description: 'As CSV (`?format=csv`): one row per country, region or organisation, with a `partner` column saying which.',
        querystring: contracts.ListFormat,
        response: { 200: contracts.CountryList },
      },
    },
    async (request, reply) => {
      const body = await listPortalCountries(db, actorOf(request));
      return presentList(reply, request.query.format, body, {
        name: 'partners',
        items: csv.partnerRows(body),
        columns: csv.PARTNER_COLUMNS,
      });
    },
  );

  api.get(
    '/api/portal/missions/:slug',
    {
      config: read,
      schema: {
        tags,
        summary: 'A mission: host modules with pools and per-item limits, sample collections, programs',
        params: SlugParam,
        response: { 200: contracts.MissionPage, 404: Problem },
      },
    },
    async (request) => getMissionPage(db, actorOf(request), request.params.slug),
  );

  api.get(
    '/api/portal/programs/:slug',
    {
      config: read,
      schema: {
        tags,
        summary: 'A program: projects with participants, reported counts and partnerships',
        params: SlugParam,
        response: { 200: contracts.ProgramPage, 404: Problem },
      },
    },
    async (request) => getProgramPage(db, actorOf(request), request.params.slug),
  );

  api.get(
    '/api/portal/institutions/:idOrSlug',
    {
      config: read,
      schema: {
        tags,
        summary: 'An institution (by id or slug): its projects, partnerships and programs',
        params: z.object({ idOrSlug: z.string().max(100).describe("The institution's id (UUID) or slug.") }),
        response: { 200: contracts.InstitutionPage, 404: Problem },
      },
    },
    async (request) => getInstitutionPage(db, actorOf(request), request.params.idOrSlug),
  );

  api.get(
    '/api/portal/countries/:code',
    {
      config: read,
      schema: {
        tags,
        summary: 'A country or region (by ISO 3166-1 alpha-2 code): its institutions, projects and partnerships',
        params: z.object({ code: z.string().max(10).describe('ISO 3166-1 alpha-2 code, e.g. "HK" (any case).') }),
        response: { 200: contracts.CountryPage, 404: Problem },
      },
    },
    async (request) => getCountryPage(db, actorOf(request), request.params.code),
  );
}
