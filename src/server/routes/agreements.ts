import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../contracts/agreements.js';
import { Problem, Uuid } from '../../contracts/common.js';
import { agreementDocumentFile, certificateFile, signatureScanFile } from '../../services/agreements/agreement-files.js';
import { getAgreementSettings, updateAgreementSettings } from '../../services/agreements/agreement-settings.js';
import { amendAgreement } from '../../services/agreements/amend-agreement.js';
import { createAgreement } from '../../services/agreements/create-agreement.js';
import { getAgreement } from '../../services/agreements/get-agreement.js';
import { listAgreements, listDecisionsWithoutAgreement, listMyAgreements } from '../../services/agreements/list-agreements.js';
import { recordOnSiteSignature } from '../../services/agreements/record-on-site-signature.js';
import { sendForSignature } from '../../services/agreements/send-for-signature.js';
import { signRemotely } from '../../services/agreements/sign-remotely.js';
import { updateMilestone } from '../../services/agreements/update-milestone.js';
import { type AppContext, actorOf } from '../context.js';
import { sendPdf } from './file-download.js';

const tags = ['agreements'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: Uuid });
const read = { action: 'agreements.read' as const };
const manage = { action: 'agreements.manage' as const };
const sign = { action: 'agreements.sign' as const };
const mine = { action: 'agreements.mine' as const };
const MAX_SCAN_BYTES = 20 * 1024 * 1024;

const baseUrl = (ctx: AppContext, request: FastifyRequest) => ctx.publicUrl ?? `${request.protocol}://${request.host}`;

/** Agreements: drafting from decisions, signing (on site and remote), amendments, milestones, PDFs. */
export function agreementRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/agreements',
    {
      config: read,
      schema: {
        tags,
        summary: 'Current agreements the caller may read (optionally of one call)',
        querystring: c.ListQuery,
        response: { 200: z.array(c.AgreementSummary), ...errors },
      },
    },
    async (request) => listAgreements(db, actorOf(request), request.query),
  );
  api.get(
    '/api/me/agreements',
    {
      config: mine,
      schema: { tags, summary: 'Agreements naming me as a signatory', response: { 200: z.array(c.MyAgreement), ...errors } },
    },
    async (request) => listMyAgreements(db, actorOf(request)),
  );
  api.get(
    '/api/calls/:id/agreement-candidates',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Selected proposals of a call that have no agreement yet',
        params: Id,
        response: { 200: z.array(c.PendingDecision), ...errors },
      },
    },
    async (request) => listDecisionsWithoutAgreement(db, actorOf(request), request.params.id),
  );
  api.get(
    '/api/calls/:id/agreement-settings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Loan duration and signature working days of a call',
        params: Id,
        response: { 200: c.Settings, ...errors },
      },
    },
    async (request) => getAgreementSettings(db, actorOf(request), request.params.id),
  );
  api.put(
    '/api/calls/:id/agreement-settings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the loan duration and signature working days of a call',
        params: Id,
        body: c.SettingsBody,
        response: { 200: c.Settings, ...errors },
      },
    },
    async (request) => updateAgreementSettings(db, actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/agreements',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Draft the agreement of a selection decision from its program template',
        body: c.CreateAgreementBody,
        response: { 201: c.Changed, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createAgreement(db, actorOf(request), request.body)),
  );
  api.get(
    '/api/agreements/:id',
    {
      config: mine,
      schema: {
        tags,
        summary: 'An agreement with its parties, signatures, milestones and versions',
        params: Id,
        response: { 200: c.Agreement, ...errors },
      },
    },
    async (request) => getAgreement(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/agreements/:id/send',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Render the document, fix its SHA-256 and deadline, ask the signatories',
        params: Id,
        response: { 200: c.Changed, ...errors },
      },
    },
    async (request) => sendForSignature(db, actorOf(request), request.params.id, { base: baseUrl(ctx, request) }),
  );
  api.post(
    '/api/agreements/:id/sign',
    {
      config: sign,
      schema: {
        tags,
        summary: 'Sign remotely by confirming the document’s SHA-256',
        params: Id,
        body: c.SignBody,
        response: { 200: c.Changed, ...errors },
      },
    },
    async (request) => signRemotely(db, actorOf(request), request.params.id, request.body, { base: baseUrl(ctx, request) }),
  );
  api.post(
    '/api/agreements/:id/amendments',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Start an amendment: a new draft version of the agreement in force',
        params: Id,
        body: c.AmendBody,
        response: { 201: c.Changed, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await amendAgreement(db, actorOf(request), request.params.id, request.body)),
  );
  api.patch(
    '/api/agreements/:id/milestones/:milestoneId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Move a payload milestone',
        params: z.object({ id: Uuid, milestoneId: Uuid }),
        body: c.MilestoneBody,
        response: { 200: z.object({ id: z.string() }).passthrough(), ...errors },
      },
    },
    async (request) => updateMilestone(db, actorOf(request), request.params.id, request.params.milestoneId, request.body),
  );
  api.get(
    '/api/agreements/:id/document',
    {
      config: mine,
      schema: {
        tags,
        summary: 'The agreement’s PDF as sent for signature (every language)',
        params: Id,
        response: { 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const file = await agreementDocumentFile(db, actorOf(request), request.params.id);
      return sendPdf(reply, file);
    },
  );
  api.get(
    '/api/agreements/:id/certificate',
    {
      config: mine,
      schema: {
        tags,
        summary: 'The sample certificate of an agreement in force',
        params: Id,
        response: { 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const file = await certificateFile(db, actorOf(request), request.params.id);
      return sendPdf(reply, file);
    },
  );
  api.get(
    '/api/agreements/:id/signatures/:signatoryId/scan',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The scanned signed copy of an on-site signature',
        params: z.object({ id: Uuid, signatoryId: Uuid }),
        response: { 404: Problem },
      },
    },
    async (request, reply) => {
      const file = await signatureScanFile(db, actorOf(request), request.params.id, request.params.signatoryId);
      return sendPdf(reply, file);
    },
  );
  // The scan arrives as the raw PDF (content-type application/pdf); the parser lives only in this scope.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_SCAN_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/agreements/:id/on-site-signatures',
      {
        config: manage,
        bodyLimit: MAX_SCAN_BYTES,
        schema: {
          tags,
          summary: 'Record a signature given on site, with the scanned signed copy (raw PDF body)',
          params: Id,
          querystring: c.OnSiteQuery,
          response: { 200: c.Changed, ...errors, 413: Problem },
        },
      },
      async (request) =>
        recordOnSiteSignature(
          db,
          actorOf(request),
          request.params.id,
          {
            signatoryId: request.query.signatoryId,
            signerName: request.query.signerName,
            place: request.query.place,
            signedAt: request.query.signedAt,
            scanFilename: request.query.filename,
            scan: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          },
          { base: baseUrl(ctx, request) },
        ),
    );
  });
}
