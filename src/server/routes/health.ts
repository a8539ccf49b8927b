import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkDatabase } from '../../services/check-health.js';
import type { AppContext } from '../context.js';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
});

export function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { action: 'system.health' },
      schema: {
        tags: ['system'],
        summary: 'Is the server up and its database reachable?',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const ok = await checkDatabase(ctx.database.db);
      return reply
        .status(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'degraded', database: ctx.database.kind, version: ctx.version });
    },
  );
}
