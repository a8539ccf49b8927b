import { eq, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, queryRows } from '../../db/connection.js';
import { calls, experts, installationFacts, institutions } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { SYSTEM } from '../actor.js';
import { shortlistApplication } from '../applications/shortlist-application.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import { sendDecisionLetters } from '../letters/send-decision-letters.js';
import { declareConflictAsExpert } from '../review/declare-conflict.js';
import { freezePanel } from '../review/panel.js';
import { decideSelection } from '../selection/decide-selection.js';
import type { DecisionInput } from '../selection/decision-set.js';
import { proposeSelection } from '../selection/propose-selection.js';
import { insertApplication } from './demo-calls-insert-application.js';
import { insertCall } from './demo-calls-insert-call.js';
import { DEMO_APPLICANT_DOMAIN, type InstitutionRef, type LoadedCall } from './demo-calls-shared.js';
import { recordConsensus } from './demo-review.js';
import { DEMO_EXPERT_DOMAIN } from './demo-review-data.js';
import { type DemoPool, type DemoProposal, type DemoRound, runDemoRound } from './demo-review-round.js';
import { stationApplication, stationPeople } from './demo-station-applications.js';
import {
  CONDITIONS_NOTE,
  CSS_CALL,
  CSS_CALL_SLUG,
  CSS_COAUTHOR_EXPERT,
  CSS_COAUTHOR_LEAD,
  CSS_DECLARED_LEAD,
  CSS_DECLARING_EXPERT,
  CSS_EXPERTS,
  CSS_SHORTLIST,
  type StationAnchor,
  stationAnchors,
} from './demo-station-data.js';

// The China Space Station first cycle, end to end through the same use cases an officer, the
// evaluators and the selection official use: 42 first-stage applications reviewed by 60 synthetic
// evaluators (3 each, conflicts detected and one declared), 18 shortlisted by the panel, their full
// proposals reviewed again (5 each), the frozen ranking read by the selection optimiser, which
// picks the 9 real projects within the rack and adapter pools; 3 are decided on conditions.

export const STATION_SEED_FACT = 'seed.css';
const SELECTED_COUNT = 9;

/** The one-off job that loads the station demo on a first start without the starter image. */
export const STATION_SEED_JOB = 'seed.station';

/** Asks for the station demo, once ever (a dedupe key), unless it is loaded already. */
export async function enqueueStationDemo(db: Db): Promise<void> {
  const [fact] = await db.select().from(installationFacts).where(eq(installationFacts.key, STATION_SEED_FACT));
  if (!fact) await enqueueJob(db, { kind: STATION_SEED_JOB, dedupeKey: STATION_SEED_FACT, maxAttempts: 3 });
}

export interface DemoStationResult {
  outcome: 'loaded' | 'already_loaded';
  callId?: string;
}

async function institutionRefs(db: DbOrTx): Promise<Map<string, InstitutionRef>> {
  const rows = await db
    .select({
      slug: institutions.slug,
      id: institutions.id,
      name: institutions.name,
      countryCode: institutions.countryCode,
      organisationId: institutions.organisationId,
    })
    .from(institutions);
  return new Map(rows.map(({ slug, ...rest }) => [slug, rest]));
}

/** Planted merit (0–100) per anchor: the 9 selected well above the other shortlisted, and those above the rest. */
function plantedMerits(anchors: StationAnchor[]): Map<string, number> {
  return new Map(
    anchors.map((a, i) => {
      const jitter = ((i * 37) % 11) / 10; // 0…1, deterministic
      const merit = a.tier === 'selected' ? 85 + 10 * jitter : a.tier === 'strong' ? 55 + 13 * jitter : 10 + 25 * jitter;
      return [a.title, merit];
    }),
  );
}

async function declareOneConflict(db: Db, round: { proposals: DemoProposal[]; pool: DemoPool }) {
  const expertId = round.pool.expertIds.get(CSS_DECLARING_EXPERT);
  const proposal = round.proposals.find((p) => p.leadSlug === CSS_DECLARED_LEAD);
  if (!expertId || !proposal)
    throw new AppError('INTERNAL', 'The station demo has no expert or proposal to declare a conflict on.');
  await declareConflictAsExpert(
    db,
    round.pool.actors.get(expertId)!,
    expertId,
    proposal.id,
    'The principal investigator was my doctoral student until 2016 (synthetic declaration).',
  );
}

/** First stage: the 42 applications, 3 evaluators each, the panel shortlists the top 18 (frozen). */
async function firstStage(db: Db, merits: Map<string, number>): Promise<DemoRound> {
  const round = await runDemoRound(db, {
    callSlug: CSS_CALL_SLUG,
    stage: 'letter_of_intent',
    title: 'First stage: eligibility and evaluation of the 42 applications',
    experts: CSS_EXPERTS,
    reviewsPerProposal: 3,
    sameCountryRule: 'lead',
    seed: 'orbitshare/demo-css/v1/review/1',
    merit: (p) => merits.get(p.title) ?? 50,
    publications: (expert, proposals) => {
      if (expert.name !== CSS_COAUTHOR_EXPERT) return null;
      const pi = proposals.find((p) => p.leadSlug === CSS_COAUTHOR_LEAD)?.piName;
      if (!pi) throw new AppError('INTERNAL', `No station application led by ${CSS_COAUTHOR_LEAD} to plant a co-authorship on.`);
      return `@article{flames, title={Acoustic forcing of premixed flames in drop-tower microgravity}, year={2024}, author={${expert.name} and ${pi}}}`;
    },
    beforeAssignment: (round) => declareOneConflict(db, round),
  });
  await recordConsensus(db, round, (_p, rank) =>
    rank <= CSS_SHORTLIST
      ? { consensus: 'select', reasons: `Shortlisted for the full evaluation: ranked ${rank} of 42 by calibrated merit.` }
      : { consensus: 'reject', reasons: `Not shortlisted: ranked ${rank} of 42 by calibrated merit.` },
  );
  await freezePanel(db, SYSTEM, round.roundId);
  return round;
}

/** The officer's shortlist follows the frozen panel: its `select` consensus, the others not shortlisted. */
async function shortlist(db: Db, roundId: string): Promise<Set<string>> {
  const rows = await queryRows<{ application_id: string; consensus: string }>(
    db,
    sql`select application_id, consensus from panel_entries where round_id = ${roundId} order by application_id`,
  );
  const chosen = new Set<string>();
  for (const r of rows) {
    const decision = r.consensus === 'select' ? 'shortlisted' : 'not_shortlisted';
    await shortlistApplication(db, SYSTEM, r.application_id, decision);
    if (decision === 'shortlisted') chosen.add(r.application_id);
  }
  return chosen;
}

/** The selection model reads the second round's frozen ranking; the optimiser's set is decided. */
async function select(db: Db, callId: string, anchorOf: (applicationId: string) => StationAnchor | undefined) {
  const proposal = await proposeSelection(db, SYSTEM, callId, { sweep: false });
  if (proposal.status !== 'optimal')
    throw new AppError('INTERNAL', `The station demo's selection is ${proposal.status}, not optimal.`);
  const chosen = new Set(proposal.selected);
  const reasonOf = new Map(proposal.reasons.map((r) => [r.id, r.text]));
  const decisions: DecisionInput[] = proposal.proposals.map((p) => {
    const reason = reasonOf.get(p.id) ?? 'Decided on the optimiser’s proposal.';
    const conditions = anchorOf(p.id)?.conditions;
    if (!chosen.has(p.id)) return { applicationId: p.id, outcome: 'rejected', reason };
    return conditions
      ? { applicationId: p.id, outcome: 'conditional', conditions: `${conditions} (${CONDITIONS_NOTE})`, reason }
      : { applicationId: p.id, outcome: 'selected', reason };
  });
  const decided = await decideSelection(db, SYSTEM, callId, decisions);
  // Every decision has its letters in both languages, as the other demo calls' (demo-selection.ts).
  await sendDecisionLetters(db, SYSTEM, callId, { base: 'http://localhost:3000' });
  return decided;
}

/**
 * Loads the station demo after the demo calls (its institutions) and before any account that can
 * sign in. Idempotent through installation_facts (`seed.css`); an earlier load interrupted after
 * the call was written is left as it is (a start must not fail on it) and recorded.
 */
export async function seedDemoStation(db: Db): Promise<DemoStationResult> {
  const [fact] = await db.select().from(installationFacts).where(eq(installationFacts.key, STATION_SEED_FACT));
  if (fact) return { outcome: 'already_loaded' };
  const [existing] = await db.select({ id: calls.id }).from(calls).where(eq(calls.slug, CSS_CALL_SLUG));
  let callId = existing?.id;
  let value: Record<string, unknown> = { resumedOver: callId ?? null };
  if (!callId) {
    const anchors = stationAnchors();
    const merits = plantedMerits(anchors);
    const ids = await institutionRefs(db);
    const countryOf = (slug: string) => ids.get(slug)?.countryCode ?? 'GB';
    const people = anchors.map((a, i) => stationPeople(a, i, countryOf));
    // Leads that also applied in the other demo calls keep their one owner account.
    const owners = new Map(
      (
        await queryRows<{ id: string; email: string }>(
          db,
          sql`select id, email from accounts where email like ${`%@${DEMO_APPLICANT_DOMAIN}`}`,
        )
      ).map((a) => [a.email.split('@')[0]!, a.id]),
    );
    const letters = anchors.map((a, i) => stationApplication(a, i, 'letter_of_intent', people[i]!));
    const call: LoadedCall = await db.transaction(async (tx) => {
      const loaded = await insertCall(tx, SYSTEM, CSS_CALL);
      for (const app of [...letters].sort((a, b) => a.at.localeCompare(b.at)))
        await insertApplication(tx, SYSTEM, app, loaded, ids, owners);
      return loaded;
    });
    callId = call.id;

    const first = await firstStage(db, merits);
    const shortlisted = await shortlist(db, first.roundId);
    const byTitle = new Map(anchors.map((a, i) => [a.title, i]));
    const fulls = first.proposals
      .filter((p) => shortlisted.has(p.id))
      .map((p) => byTitle.get(p.title)!)
      .map((i) => stationApplication(anchors[i]!, i, 'full_proposal', people[i]!));
    await db.transaction(async (tx) => {
      for (const app of fulls.sort((a, b) => a.at.localeCompare(b.at)))
        await insertApplication(tx, SYSTEM, app, call, ids, owners);
    });

    const second = await runDemoRound(db, {
      callSlug: CSS_CALL_SLUG,
      stage: 'full_proposal',
      title: 'Second stage: full evaluation of the 18 shortlisted proposals',
      experts: CSS_EXPERTS,
      pool: { expertIds: first.expertIds, actors: first.actors },
      reviewsPerProposal: 5,
      sameCountryRule: 'lead',
      seed: 'orbitshare/demo-css/v1/review/2',
      merit: (p) => merits.get(p.title) ?? 50,
    });
    await recordConsensus(db, second, (p, rank) => {
      const anchor = anchors[byTitle.get(p.title)!]!;
      if (rank > SELECTED_COUNT) return { consensus: 'reject', reasons: `Ranked ${rank} of 18 by calibrated merit.` };
      return anchor.conditions
        ? { consensus: 'conditional', reasons: `Ranked ${rank} of 18. ${anchor.conditions}` }
        : { consensus: 'select', reasons: `Ranked ${rank} of 18 by calibrated merit.` };
    });
    await freezePanel(db, SYSTEM, second.roundId);

    const titleOf = new Map(second.proposals.map((p) => [p.id, p.title]));
    const decided = await select(db, callId, (id) => anchors[byTitle.get(titleOf.get(id) ?? '') ?? -1]);
    value = {
      rounds: { firstStage: first.roundId, secondStage: second.roundId },
      applications: letters.length,
      shortlisted: shortlisted.size,
      decided: { selected: decided?.selected, conditional: decided?.conditional, rejected: decided?.rejected },
    };
  }
  value = {
    ...value,
    callId,
    syntheticExperts: (
      await db
        .select({ id: experts.id })
        .from(experts)
        .where(sql`${experts.synthetic} is not null and ${experts.callId} = ${callId}`)
    ).length,
  };
  await db.transaction(async (tx) => {
    // As in the review demo: the synthetic evaluators' accounts can never sign in.
    await tx.execute(
      sql`update accounts set status = 'disabled', updated_at = now() where email like ${`%@${DEMO_EXPERT_DOMAIN}`} and status <> 'disabled'`,
    );
    await tx.insert(installationFacts).values({ key: STATION_SEED_FACT, value });
    await recordAudit(tx, SYSTEM, {
      action: 'seed.loaded',
      subjectType: 'installation',
      subjectId: STATION_SEED_FACT,
      details: value,
    });
  });
  return { outcome: 'loaded', callId };
}
