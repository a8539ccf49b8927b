import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../contracts/common.js';
import { callCalendar } from '../../services/calendar/call-calendar.js';
import { getCalendarFeed, personCalendar, rotateCalendarFeed } from '../../services/calendar/person-calendar.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['calendars'];
const baseUrl = (ctx: AppContext, request: FastifyRequest) => ctx.publicUrl ?? `${request.protocol}://${request.host}`;
const Feed = z.object({ exists: z.boolean(), createdAt: z.string().nullable() });
const Rotated = z.object({ url: z.string().describe('The subscription address; shown once.'), createdAt: z.string() });

/** ICS feeds: one per public call, and one per person behind a secret, rotatable address. */
export function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/calls/:slug/calendar.ics',
    {
      config: { action: 'calls.read' as const },
      schema: {
        tags,
        summary: 'A call’s dates as an iCalendar feed: opening, deadlines, announcement',
        params: z.object({ slug: z.string().min(1).max(200) }),
        response: { 404: Problem },
      },
    },
    async (request, reply) => {
      const feed = await callCalendar(db, actorOf(request), request.params.slug, baseUrl(ctx, request));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="${feed.slug}.ics"`)
        .send(feed.ics as never);
    },
  );
  api.get(
    '/api/calendar/:file',
    {
      config: { action: 'portal.read' as const },
      schema: {
        tags,
        summary: 'A person’s deadlines as an iCalendar feed; the address itself is the credential',
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }),
        response: { 404: Problem },
      },
    },
    async (request, reply) => {
      const token = request.params.file.slice(0, -'.ics'.length);
      const ics = await personCalendar(db, actorOf(request), token, baseUrl(ctx, request));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(ics as never);
    },
  );
  api.get(
    '/api/account/calendar-feed',
    {
      config: { action: 'account.read' as const },
      schema: { tags, summary: 'Whether you have a calendar feed', response: { 200: Feed, 401: Problem } },
    },
    async (request) => getCalendarFeed(db, actorOf(request)),
  );
  api.post(
    '/api/account/calendar-feed',
    {
      config: { action: 'account.write' as const },
      schema: {
        tags,
        summary: 'Make your calendar feed address, or a new one (the old one stops working)',
        response: { 200: Rotated, 401: Problem, 403: Problem },
      },
    },
    async (request) => rotateCalendarFeed(db, actorOf(request), baseUrl(ctx, request)),
  );
}
