import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, Uuid } from '../../contracts/common.js';
import * as r from '../../contracts/review.js';
import { applyAssignmentChanges } from '../../services/review/apply-assignment-changes.js';
import { getRoundCalibration } from '../../services/review/calibrate-round.js';
import { createReviewRound } from '../../services/review/create-review-round.js';
import {
  declareConflictAsApplicant,
  declareConflictAsExpert,
  withdrawApplicantConflict,
} from '../../services/review/declare-conflict.js';
import { detectRoundConflicts } from '../../services/review/detect-round-conflicts.js';
import { getExpertWorkspace } from '../../services/review/get-expert-workspace.js';
import { getReviewBoard, listReviewRounds } from '../../services/review/get-review-board.js';
import { inviteExpert } from '../../services/review/invite-expert.js';
import { listApplicantConflicts } from '../../services/review/list-applicant-conflicts.js';
import { freezePanel, getPanel, recordPanelEntry } from '../../services/review/panel.js';
import { placeBid } from '../../services/review/place-bid.js';
import { presentConflict, presentExpert, presentReview, presentRound } from '../../services/review/present-review.js';
import { proposeAssignments } from '../../services/review/propose-assignments.js';
import { respondToInvitation } from '../../services/review/respond-to-invitation.js';
import { saveReviewDraft, submitReview } from '../../services/review/save-review.js';
import {
  importExpertPublications,
  listExpertPublications,
  updateExpertProfile,
} from '../../services/review/update-expert-profile.js';
import { pinConflict, waiveConflict } from '../../services/review/waive-conflict.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['review'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: Uuid });
const manage = { action: 'review.manage' as const };
const read = { action: 'review.read' as const };
const participate = { action: 'review.participate' as const };
const Board = z.record(z.string(), z.unknown()).describe('The review board (see the web UI).');

const baseUrl = (ctx: AppContext, request: FastifyRequest) => ctx.publicUrl ?? `${request.protocol}://${request.host}`;

/** Expert review: officers run rounds, pools, conflicts and assignments; experts review. */
export function reviewRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/calls/:id/review-rounds',
    {
      config: read,
      schema: { tags, summary: 'Review rounds of a call', params: Id, response: { 200: z.array(r.Round), ...errors } },
    },
    async (request) => listReviewRounds(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/calls/:id/review-rounds',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Open a review round (letters of intent or full proposals)',
        params: Id,
        body: r.RoundBody,
        response: { 201: r.Round, ...errors },
      },
    },
    async (request, reply) => {
      const round = await createReviewRound(db, actorOf(request), request.params.id, {
        ...request.body,
        deadlineAt: new Date(request.body.deadlineAt),
      });
      return reply.status(201).send(presentRound(round));
    },
  );
  api.get(
    '/api/review-rounds/:id/board',
    {
      config: read,
      schema: { tags, summary: 'The officer’s review board of a round', params: Id, response: { 200: Board, ...errors } },
    },
    async (request) => getReviewBoard(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/calls/:id/experts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Invite an expert to the call’s pool (e-mail with a link)',
        params: Id,
        body: r.ExpertBody,
        response: { 201: r.Expert, ...errors },
      },
    },
    async (request, reply) => {
      const expert = await inviteExpert(db, actorOf(request), request.params.id, request.body, {
        base: baseUrl(ctx, request),
        deadline: 'the round’s deadline',
      });
      return reply.status(201).send(presentExpert(expert));
    },
  );
  api.post(
    '/api/experts/:id/answer',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Accept or decline an invitation to review',
        params: Id,
        body: r.InvitationAnswer,
        response: { 200: r.Expert, ...errors },
      },
    },
    async (request) => presentExpert(await respondToInvitation(db, actorOf(request), request.params.id, request.body.answer)),
  );
  api.post(
    '/api/review-rounds/:id/detect-conflicts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Detect conflicts of interest with their evidence',
        params: Id,
        response: { 200: r.DetectionResult, ...errors },
      },
    },
    async (request) => detectRoundConflicts(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/experts/:id/conflicts',
    {
      config: participate,
      schema: {
        tags,
        summary: 'An expert declares a conflict with a proposal',
        params: Id,
        body: r.DeclareByExpertBody,
        response: { 201: r.Conflict, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentConflict(
            await declareConflictAsExpert(
              db,
              actorOf(request),
              request.params.id,
              request.body.applicationId,
              request.body.reason,
            ),
          ),
        ),
  );
  api.post(
    '/api/applications/:id/conflicts',
    {
      config: participate,
      schema: {
        tags,
        summary: 'An applicant declares a conflict with an expert of the pool',
        params: Id,
        body: r.DeclareByApplicantBody,
        response: { 201: r.Conflict, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentConflict(
            await declareConflictAsApplicant(db, actorOf(request), request.params.id, request.body.expertId, request.body.reason),
          ),
        ),
  );
  api.delete(
    '/api/conflicts/:id',
    {
      config: participate,
      schema: {
        tags,
        summary: 'An applicant withdraws their declaration (not when pinned)',
        params: Id,
        response: { 200: z.object({ id: Uuid }), ...errors },
      },
    },
    async (request) => withdrawApplicantConflict(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/conflicts/:id/waive',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Waive a conflict with a written justification (audited)',
        params: Id,
        body: r.WaiveBody,
        response: { 200: r.Conflict, ...errors },
      },
    },
    async (request) => presentConflict(await waiveConflict(db, actorOf(request), request.params.id, request.body.justification)),
  );
  api.post(
    '/api/conflicts/:id/pin',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Pin a conflict so the applicant cannot withdraw it',
        params: Id,
        response: { 200: r.Conflict, ...errors },
      },
    },
    async (request) => presentConflict(await pinConflict(db, actorOf(request), request.params.id)),
  );
  api.post(
    '/api/review-rounds/:id/bids',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Bid on a proposal (eager, willing, not willing, conflict)',
        params: Id,
        body: r.BidBody,
        response: { 200: z.object({ roundId: Uuid, applicationId: Uuid, bid: z.string() }), ...errors },
      },
    },
    async (request) => placeBid(db, actorOf(request), request.params.id, request.body.applicationId, request.body.bid),
  );
  api.post(
    '/api/review-rounds/:id/assignments',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Apply an assignment changeset (all or nothing; dryRun checks only)',
        params: Id,
        body: r.ChangesetBody,
        response: { 200: r.ChangesetResult, ...errors },
      },
    },
    async (request) =>
      applyAssignmentChanges(db, actorOf(request), request.params.id, request.body, {
        source: 'manual',
        dryRun: request.body.dryRun,
        links: { base: baseUrl(ctx, request), deadline: 'the round’s deadline' },
      }),
  );
  api.get(
    '/api/review/workspace',
    {
      config: { action: 'review.workspace' as const },
      schema: { tags, summary: 'The expert’s workspace', response: { 200: Board, 401: Problem } },
    },
    async (request) => getExpertWorkspace(db, actorOf(request)),
  );
  api.put(
    '/api/assignments/:id/review',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Save the review draft (autosave)',
        params: Id,
        body: r.ReviewBody,
        response: { 200: r.Review, ...errors },
      },
    },
    async (request) => presentReview(await saveReviewDraft(db, actorOf(request), request.params.id, request.body)),
  );
  api.post(
    '/api/assignments/:id/review/submit',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Submit the review before the deadline',
        params: Id,
        body: r.ReviewBody,
        response: { 200: r.Review, ...errors },
      },
    },
    async (request) => presentReview(await submitReview(db, actorOf(request), request.params.id, request.body)),
  );

  api.patch(
    '/api/experts/:id',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Edit an expert’s profile (the expert, or the call’s officer)',
        params: Id,
        body: r.ExpertProfileBody,
        response: { 200: r.Expert, ...errors },
      },
    },
    async (request) => presentExpert(await updateExpertProfile(db, actorOf(request), request.params.id, request.body)),
  );
  api.get(
    '/api/experts/:id/publications',
    {
      config: participate,
      schema: { tags, summary: 'An expert’s publications', params: Id, response: { 200: z.array(r.Publication), ...errors } },
    },
    async (request) => listExpertPublications(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/experts/:id/publications',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Replace an expert’s publications from a CSV or BibTeX file',
        params: Id,
        body: r.PublicationsImportBody,
        response: { 200: r.ImportResult, ...errors },
      },
    },
    async (request) => importExpertPublications(db, actorOf(request), request.params.id, request.body.text),
  );
  api.post(
    '/api/review-rounds/:id/assignment-proposal',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Ask the solver for an assignment (writes nothing; apply the changeset after review)',
        params: Id,
        body: r.ProposalBody,
        response: { 200: r.AssignmentProposal, ...errors },
      },
    },
    async (request) => proposeAssignments(db, actorOf(request), request.params.id, request.body),
  );
  api.get(
    '/api/review-rounds/:id/calibration',
    {
      config: read,
      schema: {
        tags,
        summary: 'Raw and calibrated scores with intervals, reviewer biases and the ranking',
        params: Id,
        response: { 200: Board, ...errors },
      },
    },
    async (request) => getRoundCalibration(db, actorOf(request), request.params.id),
  );
  api.get(
    '/api/review-rounds/:id/panel',
    {
      config: read,
      schema: { tags, summary: 'The panel’s consensus and frozen result', params: Id, response: { 200: Board, ...errors } },
    },
    async (request) => getPanel(db, actorOf(request), request.params.id),
  );
  api.put(
    '/api/review-rounds/:id/panel/:applicationId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record the panel’s consensus on a proposal',
        params: z.object({ id: Uuid, applicationId: Uuid }),
        body: r.PanelEntryBody,
        response: { 200: r.PanelEntry, ...errors },
      },
    },
    async (request) => recordPanelEntry(db, actorOf(request), request.params.id, request.params.applicationId, request.body),
  );
  api.post(
    '/api/review-rounds/:id/panel/freeze',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Freeze the panel’s result (hashed, audited, never changed)',
        params: Id,
        response: { 200: Board, ...errors },
      },
    },
    async (request) => freezePanel(db, actorOf(request), request.params.id),
  );
  api.get(
    '/api/applications/:id/conflicts',
    {
      config: participate,
      schema: {
        tags,
        summary: 'For the applicant: the pool’s names and their own conflict declarations',
        params: Id,
        response: { 200: Board, ...errors },
      },
    },
    async (request) => listApplicantConflicts(db, actorOf(request), request.params.id),
  );
}
