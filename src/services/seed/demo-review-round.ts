import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { experts, institutions } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Recommendation, ReviewConfidence, ReviewStage } from '../../domain/review/vocabulary.js';
import { accountActor, findAccountByEmail, liveGrants } from '../accounts/load-account.js';
import { type Actor, SYSTEM } from '../actor.js';
import { applyAssignmentChanges } from '../review/apply-assignment-changes.js';
import { computeRoundCalibration } from '../review/calibrate-round.js';
import { createReviewRound } from '../review/create-review-round.js';
import { detectRoundConflicts } from '../review/detect-round-conflicts.js';
import { inviteExpert } from '../review/invite-expert.js';
import { proposeAssignments } from '../review/propose-assignments.js';
import { respondToInvitation } from '../review/respond-to-invitation.js';
import { loadRound } from '../review/review-access.js';
import { loadCriteria, type ScoreSheet } from '../review/review-form.js';
import { submitReview } from '../review/save-review.js';
import { importExpertPublications } from '../review/update-expert-profile.js';
import { prng } from './demo-calls-generate.js';
import { DEMO_EXPERT_DOMAIN, type DemoExpert, SYNTHETIC_EXPERT_NOTE } from './demo-review-data.js';

// One demo review round, run through the same use cases an officer and the experts use: the pool
// is invited and accepts, conflicts are detected, the solver proposes and the officer applies, and
// each expert submits reviews whose scores come from a planted merit plus the expert's leniency and
// noise (a seeded PRNG, so every load gives the same round).

export interface DemoProposal {
  id: string;
  title: string;
  leadSlug: string;
  /** The principal investigator named in the submitted document. */
  piName: string;
}

export interface DemoRoundSpec {
  callSlug: string;
  stage: ReviewStage;
  title: string;
  experts: DemoExpert[];
  reviewsPerProposal: number;
  /** Planted merit on 0–100 for each proposal. */
  merit: (p: DemoProposal, rng: () => number) => number;
  /** Publications to import for an expert, as BibTeX, given the proposals (for planted co-authorships). */
  publications?: (expert: DemoExpert, proposals: DemoProposal[]) => string | null;
  /** The call's pool, already invited and accepted (a second round of the same call); else invited here. */
  pool?: DemoPool;
  /** Seed of the round's PRNG (defaults to one per call). */
  seed?: string;
  sameCountryRule?: 'off' | 'lead' | 'any_member';
  /** Run after conflict detection, before the solver (e.g. an expert declares a conflict). */
  beforeAssignment?: (round: { roundId: string; proposals: DemoProposal[]; pool: DemoPool }) => Promise<void>;
}

export interface DemoPool {
  expertIds: Map<string, string>;
  actors: Map<string, Actor>;
}

export interface DemoRound {
  roundId: string;
  callId: string;
  proposals: DemoProposal[];
  expertIds: Map<string, string>;
  actors: Map<string, Actor>;
}

const DAY = 86_400_000;
const LINKS = { base: 'http://localhost:3000', deadline: '' };

export const emailOf = (e: DemoExpert) =>
  `${e.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@${DEMO_EXPERT_DOMAIN}`;

async function proposalsOf(db: Db, callId: string, stage: ReviewStage): Promise<DemoProposal[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    slug: string;
    content: { people?: { name: string; role: string }[] };
  }>(
    db,
    sql`select a.id, a.title, i.slug, v.content from applications a
        join institutions i on i.id = a.lead_institution_id
        join application_versions v on v.application_id = a.id and v.version = a.submitted_version
        where a.call_id = ${callId} and a.stage = ${stage} and a.status in ('submitted', 'shortlisted')
        order by a.title, a.id`,
  );
  return rows.map((r) => {
    const people = r.content.people ?? [];
    const pi = people.find((p) => p.role === 'pi') ?? people[0];
    return { id: r.id, title: r.title, leadSlug: r.slug, piName: pi?.name ?? '' };
  });
}

async function actorOf(db: Db, email: string): Promise<Actor> {
  const account = await findAccountByEmail(db, email);
  if (!account) throw new AppError('REFERENCE_NOT_FOUND', `Load the demo accounts first: "${email}" is missing.`);
  return accountActor(account, await liveGrants(db, account.id), { via: 'session' });
}

/** Invites the pool (marked synthetic), accepts for each expert, imports publications. */
async function buildPool(
  db: Db,
  spec: Pick<DemoRoundSpec, 'experts' | 'publications'>,
  callId: string,
  proposals: DemoProposal[],
  deadline: Date,
): Promise<DemoPool> {
  const slugs = await db.select({ id: institutions.id, slug: institutions.slug }).from(institutions);
  const institutionId = new Map(slugs.map((s) => [s.slug, s.id]));
  const expertIds = new Map<string, string>();
  const actors = new Map<string, Actor>();
  for (const e of spec.experts) {
    const id = institutionId.get(e.institution);
    if (!id)
      throw new AppError('REFERENCE_NOT_FOUND', `The demo expert ${e.name} names the unknown institution "${e.institution}".`);
    const expert = await inviteExpert(
      db,
      SYSTEM,
      callId,
      {
        name: e.name,
        email: emailOf(e),
        institutionId: id,
        countryCode: e.country,
        keywords: e.keywords,
        statement: `${e.handOverTo ? '' : 'Synthetic expert. '}Works on ${e.keywords.join(', ')}.`,
        maxLoad: e.maxLoad,
      },
      { ...LINKS, deadline: deadline.toISOString().slice(0, 10) },
    );
    if (!e.handOverTo) await db.update(experts).set({ synthetic: SYNTHETIC_EXPERT_NOTE }).where(eq(experts.id, expert.id));
    const actor = await actorOf(db, emailOf(e));
    await respondToInvitation(db, actor, expert.id, 'accepted');
    const bib = spec.publications?.(e, proposals);
    if (bib) await importExpertPublications(db, SYSTEM, expert.id, bib);
    expertIds.set(e.name, expert.id);
    actors.set(expert.id, actor);
  }
  return { expertIds, actors };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A review's sheet: the observed value (0–100) placed on each criterion's scale with its own noise. */
function sheetFor(criteria: { key: string; scaleMin: number; scaleMax: number }[], value: number, rng: () => number): ScoreSheet {
  const sheet: ScoreSheet = {};
  for (const c of criteria) {
    const v = clamp(value + (rng() - 0.5) * 8, 0, 100);
    sheet[c.key] = {
      score: Math.round(c.scaleMin + ((c.scaleMax - c.scaleMin) * v) / 100),
      comment: 'Synthetic review comment.',
    };
  }
  return sheet;
}

const CONFIDENCE: ReviewConfidence[] = ['high', 'medium', 'medium', 'low'];
const recommend = (value: number): Recommendation => (value >= 70 ? 'select' : value >= 55 ? 'conditional' : 'reject');

/**
 * Runs a round up to submitted reviews. Every assignment is reviewed except those in `leaveAsDraft`
 * (saved as drafts instead) — the caller adds the panel.
 */
export async function runDemoRound(db: Db, spec: DemoRoundSpec): Promise<DemoRound> {
  const rng = prng(spec.seed ?? `orbitshare/demo-review/v1/${spec.callSlug}`);
  const [call] = await queryRows<{ id: string }>(db, sql`select id from calls where slug = ${spec.callSlug}`);
  if (!call) throw new AppError('REFERENCE_NOT_FOUND', `Load the demo calls first: "${spec.callSlug}" is missing.`);
  // Reviews are written now, through the live path, which takes them only before the deadline.
  const deadline = new Date(Date.now() + 30 * DAY);
  const round = await createReviewRound(db, SYSTEM, call.id, {
    stage: spec.stage,
    title: spec.title,
    deadlineAt: deadline,
    reviewsPerProposal: spec.reviewsPerProposal,
    collectsBids: false,
    dualAnonymous: false,
    sameCountryRule: spec.sameCountryRule ?? 'off',
    coauthorWindowYears: 3,
  });
  const proposals = await proposalsOf(db, call.id, spec.stage);
  const { expertIds, actors } = spec.pool ?? (await buildPool(db, spec, call.id, proposals, deadline));
  await detectRoundConflicts(db, SYSTEM, round.id);
  await spec.beforeAssignment?.({ roundId: round.id, proposals, pool: { expertIds, actors } });
  const proposal = await proposeAssignments(db, SYSTEM, round.id, { mode: 'fair', allowChurn: false });
  if (proposal.status !== 'optimal' && proposal.status !== 'feasible')
    throw new AppError('INTERNAL', `The demo round of ${spec.callSlug} has no assignment: ${proposal.reasons.join(' ')}`);
  await applyAssignmentChanges(
    db,
    SYSTEM,
    round.id,
    { add: proposal.changeset.add.map(({ expertId, applicationId }) => ({ expertId, applicationId })), remove: [] },
    { source: 'solver', dryRun: false, links: { ...LINKS, deadline: deadline.toISOString().slice(0, 10) } },
  );

  const merit = new Map(proposals.map((p) => [p.id, spec.merit(p, rng)]));
  const leniency = new Map([...expertIds.values()].map((id) => [id, (rng() - 0.5) * 24]));
  const criteria = await loadCriteria(db, call.id);
  const assignments = await queryRows<{ id: string; expert_id: string; application_id: string }>(
    db,
    sql`select id, expert_id, application_id from review_assignments where round_id = ${round.id} order by expert_id, application_id`,
  );
  for (const a of assignments) {
    const value = clamp((merit.get(a.application_id) ?? 50) + (leniency.get(a.expert_id) ?? 0) + (rng() - 0.5) * 10, 0, 100);
    await submitReview(db, actors.get(a.expert_id)!, a.id, {
      scores: sheetFor(criteria, value, rng),
      confidence: CONFIDENCE[Math.floor(rng() * CONFIDENCE.length)]!,
      recommendation: recommend(value),
      comment: 'Synthetic review: the scores come from a planted merit, the expert’s leniency and noise.',
      revision: 0,
    });
  }
  return { roundId: round.id, callId: call.id, proposals, expertIds, actors };
}

/** The round's calibrated ranking, best first (as the board shows it). */
export async function rankingOf(db: Db, roundId: string) {
  const loaded = await loadRound(db, roundId);
  if (!loaded) throw new AppError('NOT_FOUND', `No review round "${roundId}".`);
  return (await computeRoundCalibration(db, loaded.round)).proposals;
}
