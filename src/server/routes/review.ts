import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, Uuid } from '../../contracts/common.js';
import * as r from '../../contracts/review.js';
import type { Action } from '../../policies/policy.js';
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
const manage = 'review.manage';
const read = 'review.read';
const participate = 'review.participate';
const ok = <R>(response: R) => ({ 200: response, ...errors });
const created = <R>(response: R) => ({ 201: response, ...errors });

/** A route's options: its one declared action, and its schema under the review tag. */
const route = <S extends object>(action: Action, summary: string, schema: S) => ({
  config: { action },
  schema: { tags, summary, ...schema },
});
const Board = z.record(z.string(), z.unknown()).describe('The review board (see the web UI).');

const baseUrl = (ctx: AppContext, request: FastifyRequest) => ctx.publicUrl ?? `${request.protocol}://${request.host}`;

/** Expert review: officers run rounds, pools, conflicts and assignments; experts review. */
export function reviewRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/calls/:id/review-rounds',
    route(read, 'Review rounds of a call', { params: Id, response: ok(z.array(r.Round)) }),
    async (request) => listReviewRounds(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/calls/:id/review-rounds',
    route(manage, 'Open a review round (letters of intent or full proposals)', {
      params: Id,
      body: r.RoundBody,
      response: created(r.Round),
    }),
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
    route(read, 'The officer’s review board of a round', { params: Id, response: ok(Board) }),
    async (request) => getReviewBoard(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/calls/:id/experts',
    route(manage, 'Invite an expert to the call’s pool (e-mail with a link)', {
      params: Id,
      body: r.ExpertBody,
      response: created(r.Expert),
    }),
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
    route(participate, 'Accept or decline an invitation to review', {
      params: Id,
      body: r.InvitationAnswer,
      response: ok(r.Expert),
    }),
    async (request) => presentExpert(await respondToInvitation(db, actorOf(request), request.params.id, request.body.answer)),
  );
  api.post(
    '/api/review-rounds/:id/detect-conflicts',
    route(manage, 'Detect conflicts of interest with their evidence', { params: Id, response: ok(r.DetectionResult) }),
    async (request) => detectRoundConflicts(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/experts/:id/conflicts',
    route(participate, 'An expert declares a conflict with a proposal', {
      params: Id,
      body: r.DeclareByExpertBody,
      response: created(r.Conflict),
    }),
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
    route(participate, 'An applicant declares a conflict with an expert of the pool', {
      params: Id,
      body: r.DeclareByApplicantBody,
      response: created(r.Conflict),
    }),
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
    route(participate, 'An applicant withdraws their declaration (not when pinned)', {
      params: Id,
      response: ok(z.object({ id: Uuid })),
    }),
    async (request) => withdrawApplicantConflict(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/conflicts/:id/waive',
    route(manage, 'Waive a conflict with a written justification (audited)', {
      params: Id,
      body: r.WaiveBody,
      response: ok(r.Conflict),
    }),
    async (request) => presentConflict(await waiveConflict(db, actorOf(request), request.params.id, request.body.justification)),
  );
  api.post(
    '/api/conflicts/:id/pin',
    route(manage, 'Pin a conflict so the applicant cannot withdraw it', { params: Id, response: ok(r.Conflict) }),
    async (request) => presentConflict(await pinConflict(db, actorOf(request), request.params.id)),
  );
  api.post(
    '/api/review-rounds/:id/bids',
    route(participate, 'Bid on a proposal (eager, willing, not willing, conflict)', {
      params: Id,
      body: r.BidBody,
      response: ok(z.object({ roundId: Uuid, applicationId: Uuid, bid: z.string() })),
    }),
    async (request) => placeBid(db, actorOf(request), request.params.id, request.body.applicationId, request.body.bid),
  );
  api.post(
    '/api/review-rounds/:id/assignments',
    route(manage, 'Apply an assignment changeset (all or nothing; dryRun checks only)', {
      params: Id,
      body: r.ChangesetBody,
      response: ok(r.ChangesetResult),
    }),
    async (request) =>
      applyAssignmentChanges(db, actorOf(request), request.params.id, request.body, {
        source: 'manual',
        dryRun: request.body.dryRun,
        links: { base: baseUrl(ctx, request), deadline: 'the round’s deadline' },
      }),
  );
  api.get(
    '/api/review/workspace',
    route('review.workspace', 'The expert’s workspace', { response: { 200: Board, 401: Problem } }),
    async (request) => getExpertWorkspace(db, actorOf(request)),
  );
  api.put(
    '/api/assignments/:id/review',
    route(participate, 'Save the review draft (autosave)', { params: Id, body: r.ReviewBody, response: ok(r.Review) }),
    async (request) => presentReview(await saveReviewDraft(db, actorOf(request), request.params.id, request.body)),
  );
  api.post(
    '/api/assignments/:id/review/submit',
    route(participate, 'Submit the review before the deadline', { params: Id, body: r.ReviewBody, response: ok(r.Review) }),
    async (request) => presentReview(await submitReview(db, actorOf(request), request.params.id, request.body)),
  );

  api.patch(
    '/api/experts/:id',
    route(participate, 'Edit an expert’s profile (the expert, or the call’s officer)', {
      params: Id,
      body: r.ExpertProfileBody,
      response: ok(r.Expert),
    }),
    async (request) => presentExpert(await updateExpertProfile(db, actorOf(request), request.params.id, request.body)),
  );
  api.get(
    '/api/experts/:id/publications',
    route(participate, 'An expert’s publications', { params: Id, response: ok(z.array(r.Publication)) }),
    async (request) => listExpertPublications(db, actorOf(request), request.params.id),
  );
  api.post(
    '/api/experts/:id/publications',
    route(participate, 'Replace an expert’s publications from a CSV or BibTeX file', {
      params: Id,
      body: r.PublicationsImportBody,
      response: ok(r.ImportResult),
    }),
    async (request) => importExpertPublications(db, actorOf(request), request.params.id, request.body.text),
  );
  api.post(
    '/api/review-rounds/:id/assignment-proposal',
    route(manage, 'Ask the solver for an assignment (writes nothing; apply the changeset after review)', {
      params: Id,
      body: r.ProposalBody,
      response: ok(r.AssignmentProposal),
    }),
    async (request) => proposeAssignments(db, actorOf(request), request.params.id, request.body),
  );
  api.get(
    '/api/review-rounds/:id/calibration',
    route(read, 'Raw and calibrated scores with intervals, reviewer biases and the ranking', { params: Id, response: ok(Board) }),
    async (request) => getRoundCalibration(db, actorOf(request), request.params.id),
  );
  api.get(
    '/api/review-rounds/:id/panel',
    route(read, 'The panel’s consensus and frozen result', { params: Id, response: ok(Board) }),
    async (request) => getPanel(db, actorOf(request), request.params.id),
  );
  api.put(
    '/api/review-rounds/:id/panel/:applicationId',
    route(manage, 'Record the panel’s consensus on a proposal', {
      params: z.object({ id: Uuid, applicationId: Uuid }),
      body: r.PanelEntryBody,
      response: ok(r.PanelEntry),
    }),
    async (request) => recordPanelEntry(db, actorOf(request), request.params.id, request.params.applicationId, request.body),
  );
  api.post(
    '/api/review-rounds/:id/panel/freeze',
    route(manage, 'Freeze the panel’s result (hashed, audited, never changed)', { params: Id, response: ok(Board) }),
    async (request) => freezePanel(db, actorOf(request), request.params.id),
  );
  api.get(
    '/api/applications/:id/conflicts',
    route(participate, 'For the applicant: the pool’s names and their own conflict declarations', {
      params: Id,
      response: ok(Board),
    }),
    async (request) => listApplicantConflicts(db, actorOf(request), request.params.id),
  );
}
