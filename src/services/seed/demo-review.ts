import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { experts, installationFacts, reviewAssignments } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { grantRoleIn } from '../accounts/grant-role.js';
import { findAccountByEmail } from '../accounts/load-account.js';
import { SYSTEM } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { applyAssignmentChanges } from '../review/apply-assignment-changes.js';
import { freezePanel, recordPanelEntry } from '../review/panel.js';
import { loadCriteria } from '../review/review-form.js';
import { saveReviewDraft } from '../review/save-review.js';
import { updateExpertProfile } from '../review/update-expert-profile.js';
import { CE5_APPROVED } from './demo-calls-generate.js';
import {
  CE5_COAUTHOR_EXPERT,
  CE5_COAUTHOR_LEAD,
  CE5_EXPERTS,
  CE8_EXPERTS,
  CE8_MERGES,
  DEMO_EXPERT_DOMAIN,
} from './demo-review-data.js';
import { type DemoRound, emailOf, rankingOf, runDemoRound } from './demo-review-round.js';

/** The installation fact recording that the review demo is loaded. */
export const REVIEW_SEED_FACT = 'seed.review';
export const DEMO_REVIEW_VERSION = 1;
export const CE5_CALL_SLUG = 'change-5-international-2025';
export const CE8_CALL_SLUG = 'change-8-international-2023';
/** Chang'e-8: 41 proposals → 14 shortlisted (10 later selected). */
export const CE8_SHORTLIST = 14;

export interface DemoReviewResult {
  outcome: 'loaded' | 'already_loaded';
  rounds: Record<string, string>;
}

/** The Chang'e-5 round: 15 experts, the 7 approved institutions planted with a higher merit. */
async function change5(db: Db): Promise<DemoRound> {
  const round = await runDemoRound(db, {
    callSlug: CE5_CALL_SLUG,
    stage: 'full_proposal',
    title: 'Screening of the experimental schemes (scientific merit and advancement)',
    experts: CE5_EXPERTS,
    reviewsPerProposal: 3,
    // A wide gap: which expert reviews which proposal depends on record ids, so the ranking must hold
    // for any assignment, after leniency, noise and the 1–5 scale's rounding.
    merit: (p, rng) => (CE5_APPROVED.includes(p.leadSlug) ? 85 + rng() * 10 : 15 + rng() * 35),
    publications: (expert, proposals) => {
      if (expert.name !== CE5_COAUTHOR_EXPERT) return null;
      const pi = proposals.find((p) => p.leadSlug === CE5_COAUTHOR_LEAD)?.piName;
      if (!pi) throw new AppError('INTERNAL', `No Chang'e-5 proposal led by ${CE5_COAUTHOR_LEAD} to plant a co-authorship on.`);
      return [
        `@article{joint, title={Grain-scale mechanics of returned lunar regolith}, year={2023}, author={${expert.name} and ${pi}}}`,
        `@article{solo, title={Space weathering rims under proton irradiation}, year={2021}, author={${expert.name}}}`,
      ].join('\n');
    },
  });
  await leaveReviewerDraft(db, round);
  await recordConsensus(db, round, (p, rank) =>
    CE5_APPROVED.includes(p.leadSlug)
      ? { consensus: 'select', reasons: `Ranked ${rank} by calibrated merit: a strong and advanced experimental scheme.` }
      : {
          consensus: 'reject',
          reasons: `Ranked ${rank} by calibrated merit: below the approved schemes; the masses asked cannot all be lent.`,
        },
  );
  await freezePanel(db, SYSTEM, round.roundId);
  return round;
}

/**
 * Chang'e-8: 20 experts; the 10 projects later selected are planted higher, and the four proposals to
 * merge into them (CE8_MERGES, synthetic) next: the panel shortlists those 14, the four on condition
 * of merging, whatever their exact rank after calibration.
 */
async function change8(db: Db): Promise<DemoRound> {
  const selectedTitles = new Set(
    (
      await queryRows<{ title: string }>(
        db,
        sql`select p.title from projects p join programs g on g.id = p.program_id where g.slug = 'change-8-cooperation'`,
      )
    ).map((r) => r.title),
  );
  const mergeInto = new Map(CE8_MERGES.map((m) => [m.leadSlug, m.project]));
  const round = await runDemoRound(db, {
    callSlug: CE8_CALL_SLUG,
    stage: 'full_proposal',
    title: 'Review of the full proposals (scientific value, feasibility, diversity of cooperation)',
    experts: CE8_EXPERTS,
    reviewsPerProposal: 3,
    merit: (p, rng) =>
      selectedTitles.has(p.title) ? 85 + rng() * 10 : mergeInto.has(p.leadSlug) ? 60 + rng() * 15 : 15 + rng() * 40,
  });
  await recordConsensus(db, round, (p, rank) =>
    selectedTitles.has(p.title)
      ? { consensus: 'select', reasons: `Shortlisted: ranked ${rank} of 41 by calibrated merit.` }
      : mergeInto.has(p.leadSlug)
        ? {
            consensus: 'conditional',
            reasons: `Shortlisted on condition of merging into “${mergeInto.get(p.leadSlug)}”: ranked ${rank} of 41 by calibrated merit.`,
          }
        : { consensus: 'reject', reasons: `Not shortlisted: ranked ${rank} of 41 by calibrated merit.` },
  );
  await freezePanel(db, SYSTEM, round.roundId);
  return round;
}

export type Verdict = { consensus: 'select' | 'conditional' | 'reject'; reasons: string };

/** The panel's consensus on every proposal of a demo round, in calibrated order. */
export async function recordConsensus(
  db: Db,
  round: DemoRound,
  verdict: (p: DemoRound['proposals'][number], rank: number) => Verdict,
) {
  const ranking = await rankingOf(db, round.roundId);
  const byId = new Map(round.proposals.map((p) => [p.id, p]));
  for (const [i, entry] of ranking.entries()) {
    const p = byId.get(entry.applicationId);
    if (!p) continue;
    const v = verdict(p, i + 1);
    await recordPanelEntry(db, SYSTEM, round.roundId, p.id, {
      ...v,
      discussion: `Calibrated ${entry.calibrated} (raw mean ${entry.rawMean}) from ${entry.reviews} reviews. Synthetic panel discussion.`,
    });
  }
}

/**
 * The demo reviewer gets one more proposal (a manual assignment beside the solver's) with a review
 * begun but not submitted, so the expert workspace has a draft to show.
 */
async function leaveReviewerDraft(db: Db, round: DemoRound) {
  const reviewer = CE5_EXPERTS.find((e) => e.handOverTo);
  const expertId = reviewer && round.expertIds.get(reviewer.name);
  if (!expertId) return;
  const held = await db.select().from(reviewAssignments).where(eq(reviewAssignments.expertId, expertId));
  const [candidate] = await queryRows<{ id: string }>(
    db,
    sql`select a.id from applications a
        where a.call_id = ${round.callId} and a.stage = 'full_proposal'
          and not exists (select 1 from review_assignments r where r.application_id = a.id and r.expert_id = ${expertId})
          and not exists (select 1 from review_conflicts c where c.application_id = a.id and c.expert_id = ${expertId})
        order by a.title, a.id limit 1`,
  );
  if (!candidate) return;
  await updateExpertProfile(db, SYSTEM, expertId, { maxLoad: held.length + 1 });
  await applyAssignmentChanges(
    db,
    SYSTEM,
    round.roundId,
    { add: [{ expertId, applicationId: candidate.id }], remove: [] },
    { source: 'manual', dryRun: false, links: { base: 'http://localhost:3000', deadline: '' } },
  );
  const [assignment] = await db
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.expertId, expertId), eq(reviewAssignments.applicationId, candidate.id)));
  const [first] = await loadCriteria(db, round.callId);
  await saveReviewDraft(db, round.actors.get(expertId)!, assignment!.id, {
    scores: first ? { [first.key]: { score: first.scaleMax - 1, comment: 'Promising scheme; methods still to read.' } } : {},
    confidence: null,
    recommendation: null,
    comment: '',
    revision: 0,
  });
}

/**
 * Loads the review demo after the demo calls and demo accounts, through the review use cases:
 * Chang'e-5 2025 (15 experts, conflicts detected, solver assignment, 3 reviews each, calibrated
 * ranking with the 7 approved institutions on top, frozen panel) and Chang'e-8 (20 experts, 14
 * shortlisted by panel consensus, frozen). Idempotent through installation_facts (`seed.review`);
 * the steps are separate transactions, as an officer's would be.
 */
export async function seedDemoReview(db: Db): Promise<DemoReviewResult> {
  const [fact] = await db.select().from(installationFacts).where(eq(installationFacts.key, REVIEW_SEED_FACT));
  if (fact) return { outcome: 'already_loaded', rounds: {} };
  // A load interrupted after a round was created leaves that round as it was (a start must not
  // fail on it); the other rounds still load.
  const existing = new Map(
    (
      await queryRows<{ slug: string; id: string }>(
        db,
        sql`select c.slug, r.id from review_rounds r join calls c on c.id = r.call_id where c.slug in (${CE5_CALL_SLUG}, ${CE8_CALL_SLUG})`,
      )
    ).map((r) => [r.slug, r.id]),
  );
  const rounds: Record<string, string> = {};
  for (const [slug, load] of [
    [CE5_CALL_SLUG, change5],
    [CE8_CALL_SLUG, change8],
  ] as const) {
    rounds[slug] = existing.get(slug) ?? (await load(db)).roundId;
  }
  const value = {
    version: DEMO_REVIEW_VERSION,
    rounds,
    resumedOver: [...existing.keys()],
    syntheticExperts: (await db.select({ id: experts.id }).from(experts).where(sql`${experts.synthetic} is not null`)).length,
    expertDomain: DEMO_EXPERT_DOMAIN,
  };
  await db.transaction(async (tx) => {
    // Like the applicants' owners: the synthetic experts' accounts can never sign in.
    await tx.execute(
      sql`update accounts set status = 'disabled', updated_at = now() where email like ${`%@${DEMO_EXPERT_DOMAIN}`}`,
    );
    await tx.insert(installationFacts).values({ key: REVIEW_SEED_FACT, value });
    await recordAudit(tx, SYSTEM, {
      action: 'seed.loaded',
      subjectType: 'installation',
      subjectId: REVIEW_SEED_FACT,
      details: value,
    });
  });
  return { outcome: 'loaded', rounds: value.rounds };
}

/**
 * First start of a demo instance, after the demo accounts: the demo reviewer account takes the place
 * of the placeholder expert in the Chang'e-5 pool (its reviews and its draft), audited. Idempotent.
 */
export async function handOverDemoReviewer(db: Db): Promise<'handed_over' | 'nothing_to_do'> {
  const expert = CE5_EXPERTS.find((e) => e.handOverTo);
  if (!expert?.handOverTo) return 'nothing_to_do';
  const email = expert.handOverTo;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(experts)
      .where(eq(experts.email, emailOf(expert)));
    const account = await findAccountByEmail(tx, email);
    if (!row || !account) return 'nothing_to_do' as const;
    await tx.update(experts).set({ accountId: account.id, email, updatedAt: sql`now()` }).where(eq(experts.id, row.id));
    await grantRoleIn(tx, SYSTEM, { accountId: account.id, role: 'reviewer', scopeId: row.callId });
    await recordAudit(tx, SYSTEM, {
      action: 'expert.account_linked',
      subjectType: 'expert',
      subjectId: row.id,
      details: { accountId: account.id, from: emailOf(expert) },
    });
    return 'handed_over' as const;
  });
}
