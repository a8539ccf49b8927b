import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../contracts/calls.js';
import { Problem, Uuid } from '../../contracts/common.js';
import { checkApplication } from '../../services/applications/check-application.js';
import { createApplication } from '../../services/applications/create-application.js';
import { downloadAttachment } from '../../services/applications/download-attachment.js';
import { getApplication } from '../../services/applications/get-application.js';
import { getSubmittedApplication } from '../../services/applications/get-submitted-application.js';
import { listMyApplications } from '../../services/applications/list-my-applications.js';
import { MAX_ATTACHMENT_BYTES } from '../../services/applications/pdf-file.js';
import { removeAttachment } from '../../services/applications/remove-attachment.js';
import { saveDraft } from '../../services/applications/save-draft.js';
import { shortlistApplication } from '../../services/applications/shortlist-application.js';
import { submitApplication } from '../../services/applications/submit-application.js';
import { uploadAttachment } from '../../services/applications/upload-attachment.js';
import { withdrawApplication } from '../../services/applications/withdraw-application.js';
import { type AppContext, actorOf } from '../context.js';
import { sendPdf } from './file-download.js';

const tags = ['applications'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const IdParams = z.object({ id: Uuid.describe('The application id.') });
const AttachmentParams = IdParams.extend({ attachmentId: Uuid.describe('The attachment id.') });
const read = { action: 'applications.read' as const };
const write = { action: 'applications.write' as const };

/** Applications: the applicant's own drafts and submissions; officers of the call's program read them. */
export function applicationRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.post(
    '/api/calls/:id/applications',
    {
      config: write,
      schema: {
        tags,
        summary: 'Start a draft application to a call (while the window of its stage is open)',
        params: z.object({ id: z.string().max(100).describe('The call id or slug.') }),
        body: c.CreateApplicationBody.optional(),
        response: { 201: c.ApplicationDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApplication(db, actorOf(request), request.params.id, request.body ?? {})),
  );
  api.get(
    '/api/applications',
    {
      config: read,
      schema: { tags, summary: 'My applications', response: { 200: z.array(c.ApplicationSummary), 401: Problem } },
    },
    async (request) => listMyApplications(db, actorOf(request)),
  );
  api.get(
    '/api/applications/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One application: draft, versions, check report, attachments (owner or program officers)',
        params: IdParams,
        response: { 200: c.ApplicationDetail, ...errors },
      },
    },
    async (request) => getApplication(db, actorOf(request), request.params.id),
  );
  api.get(
    '/api/applications/:id/submitted',
    {
      config: { action: 'calls.applications.read' as const },
      schema: {
        tags,
        summary: 'The current submitted version, as staff read it (officers and officials of the call’s program)',
        params: IdParams,
        response: { 200: c.SubmittedApplication, ...errors },
      },
    },
    async (request) => getSubmittedApplication(db, actorOf(request), request.params.id),
  );
  api.put(
    '/api/applications/:id/draft',
    {
      config: write,
      schema: {
        tags,
        summary: 'Save the draft (called every few seconds while typing; 409 when baseRevision is stale)',
        params: IdParams,
        body: c.SaveDraftBody,
        response: { 200: c.SavedDraft, ...errors },
      },
    },
    async (request) => saveDraft(db, actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/applications/:id/check',
    {
      config: write,
      schema: {
        tags,
        summary: 'What submitting the current draft would say (nothing is written)',
        params: IdParams,
        response: { 200: c.CheckResponse, ...errors },
      },
    },
    async (request) => checkApplication(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/applications/:id/submit',
    {
      config: write,
      schema: {
        tags,
        summary: 'Submit or amend (a new version); repeating the same revision returns the same version',
        params: IdParams,
        body: c.SubmitBody,
        response: { 200: c.SubmitResult, ...errors },
      },
    },
    async (request) => {
      const result = await submitApplication(db, actorOf(request), request.params.id, {
        revision: request.body.revision,
        publicUrl: ctx.publicUrl,
      });
      if (!result.repeated) ctx.onOutboxChanged?.();
      return result;
    },
  );
  api.post(
    '/api/applications/:id/withdraw',
    {
      config: write,
      schema: { tags, summary: 'Withdraw my application', params: IdParams, response: { 200: c.ApplicationDetail, ...errors } },
    },
    async (request) => withdrawApplication(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/applications/:id/shortlist',
    {
      config: { action: 'calls.manage' as const },
      schema: {
        tags,
        summary: 'Decide a letter of intent of a two-stage call (program officers of the call’s program)',
        params: IdParams,
        body: c.ShortlistBody,
        response: { 200: c.ApplicationDetail, ...errors },
      },
    },
    async (request) => shortlistApplication(db, actorOf(request), request.params.id, request.body.decision),
  );
  // Attachments arrive as the raw PDF; the content is checked by the service, never the name. The
  // PDF parser (and its 10 MiB limit) exists only in this route's scope: every other route refuses a
  // PDF body with 415 before reading it.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/applications/:id/attachments',
      {
        config: write,
        bodyLimit: MAX_ATTACHMENT_BYTES,
        schema: {
          tags,
          summary: 'Upload a PDF (raw body, content-type application/pdf, at most 10 MiB) for a required document',
          params: IdParams,
          querystring: c.AttachmentQuery,
          response: { 201: c.Attachment, ...errors, 413: Problem },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await uploadAttachment(db, actorOf(request), request.params.id, {
            documentKey: request.query.documentKey,
            filename: request.query.filename,
            content: request.body,
          }),
        ),
    );
  });
  api.get(
    '/api/applications/:id/attachments/:attachmentId',
    {
      config: read,
      schema: { tags, summary: 'Download an attachment (the PDF)', params: AttachmentParams, response: { 404: Problem } },
    },
    async (request, reply) => {
      const file = await downloadAttachment(db, actorOf(request), request.params.id, request.params.attachmentId);
      return sendPdf(reply, file);
    },
  );
  api.post(
    '/api/applications/:id/attachments/:attachmentId/remove',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove an attachment of a draft',
        params: AttachmentParams,
        response: { 200: z.array(c.Attachment), ...errors },
      },
    },
    async (request) => removeAttachment(db, actorOf(request), request.params.id, request.params.attachmentId),
  );
}
