import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, Uuid } from '../../contracts/common.js';
import { downloadDecisionLetter, listApplicationLetters, listCallLetters } from '../../services/letters/get-decision-letters.js';
import { sendDecisionLetters } from '../../services/letters/send-decision-letters.js';
import { type AppContext, actorOf } from '../context.js';
import { sendPdf } from './file-download.js';

const tags = ['selection'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: Uuid });
const LetterParams = z.object({ id: Uuid, locale: z.enum(['en', 'zh']).describe('The letter’s language.') });
const LetterSummary = z.object({
  locale: z.string(),
  filename: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
});
const SendResult = z.object({
  callId: z.string(),
  generated: z.number().int(),
  emailed: z.number().int(),
  notEmailed: z.number().int(),
  alreadySent: z.number().int(),
});
const CallLetters = z.object({
  callId: z.string(),
  status: z.string(),
  decisions: z.array(
    z.object({ applicationId: z.string(), title: z.string(), outcome: z.string(), letters: z.array(LetterSummary) }),
  ),
});

const baseUrl = (ctx: AppContext, request: FastifyRequest) => ctx.publicUrl ?? `${request.protocol}://${request.host}`;

/** Decision letters: the official sends them after the decision; applicants and staff download them. */
export function letterRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.post(
    '/api/calls/:id/letters',
    {
      config: { action: 'selection.decide' as const },
      schema: {
        tags,
        summary: 'Generate the decision letters (English and Chinese PDFs) and e-mail each applicant theirs',
        params: Id,
        response: { 200: SendResult, ...errors },
      },
    },
    async (request) => {
      const result = await sendDecisionLetters(db, actorOf(request), request.params.id, { base: baseUrl(ctx, request) });
      if (result.emailed > 0) ctx.onOutboxChanged?.();
      return result;
    },
  );
  api.get(
    '/api/calls/:id/letters',
    {
      config: { action: 'selection.read' as const },
      schema: {
        tags,
        summary: 'The decisions of a call with their letters',
        params: Id,
        response: { 200: CallLetters, ...errors },
      },
    },
    async (request) => listCallLetters(db, actorOf(request), request.params.id),
  );
  api.get(
    '/api/applications/:id/letters',
    {
      config: { action: 'applications.read' as const },
      schema: {
        tags,
        summary: 'The decision letters of an application (its owner, or the staff of its program)',
        params: Id,
        response: { 200: z.array(LetterSummary.extend({ outcome: z.string() })), ...errors },
      },
    },
    async (request) => listApplicationLetters(db, actorOf(request), request.params.id),
  );
  api.get(
    '/api/applications/:id/letters/:locale',
    {
      config: { action: 'applications.read' as const },
      schema: { tags, summary: 'Download a decision letter (PDF)', params: LetterParams, response: { 404: Problem } },
    },
    async (request, reply) => {
      const file = await downloadDecisionLetter(db, actorOf(request), request.params.id, request.params.locale);
      return sendPdf(reply, file);
    },
  );
}
