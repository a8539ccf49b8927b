import { desc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { installationFacts, panelResults, reviewRounds } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { SYSTEM } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCallRow } from '../calls/call-access.js';
import { sendDecisionLetters } from '../letters/send-decision-letters.js';
import { decideSelection } from '../selection/decide-selection.js';
import { proposeSelection } from '../selection/propose-selection.js';
import { setMergeGroups } from '../selection/set-merge-groups.js';
import { setSelectionMerits } from '../selection/set-selection-merits.js';
import { setSelectionRules } from '../selection/set-selection-rules.js';
import { prng } from './demo-calls-generate.js';
import { CE5_CALL_SLUG, CE8_CALL_SLUG } from './demo-review.js';
import { CE8_MERGES } from './demo-review-data.js';

/** The installation fact recording that the selection demo is loaded. */
export const SELECTION_SEED_FACT = 'seed.selection';
export const TW3_CALL_SLUG = 'tianwen-3-partner-payloads-2025';
const SYNTHETIC = 'Synthetic demo decision';

type Consensus = 'select' | 'conditional' | 'reject';
interface PanelEntry {
  applicationId: string;
  title: string;
  rank: number | null;
  consensus: Consensus | null;
  reasons: string;
}

async function panelOf(db: Db, callId: string): Promise<PanelEntry[]> {
  const [row] = await db
    .select({ result: panelResults.result })
    .from(panelResults)
    .innerJoin(reviewRounds, eq(reviewRounds.id, panelResults.roundId))
    .where(eq(reviewRounds.callId, callId))
    .orderBy(desc(panelResults.frozenAt))
    .limit(1);
  if (!row) throw new AppError('CONFLICT', 'The review demo must be loaded before the selection demo.');
  return (row.result as { ranking: PanelEntry[] }).ranking;
}

type Proposal = Awaited<ReturnType<typeof proposeSelection>>;

/** The optimiser's reason with titles and budget names in place of record ids. */
function readable(text: string, proposal: Proposal): string {
  let out = text;
  for (const b of proposal.budgets) out = out.replaceAll(`budget:${b.id}`, b.label).replaceAll(b.id, b.label);
  for (const p of proposal.proposals) out = out.replaceAll(p.id, `“${p.title}”`);
  return out.replace(/mustReject:“([^”]+)”/g, 'the decision not to select “$1”');
}

/**
 * Runs the real optimiser on the call's model and decides as it proposes: selected proposals are
 * selected, the others rejected, each with the optimiser's reason (the official's reason where a
 * rule of theirs decided it). Frozen through the decision use case, then the letters are made.
 */
async function decideAsProposed(db: Db, callId: string): Promise<Proposal> {
  const proposal = await proposeSelection(db, SYSTEM, callId, { timeLimitSec: 20, sweep: false });
  if (proposal.status !== 'optimal')
    throw new AppError('CONFLICT', `The selection demo expects a proven optimum; the solver says ${proposal.status}.`);
  const chosen = new Set(proposal.selected);
  const reasonOf = new Map(proposal.reasons.map((r) => [r.id, r]));
  const decisions = proposal.proposals.map((p) => {
    const why = reasonOf.get(p.id);
    const text = why ? readable(why.text, proposal) : 'decided by the optimiser';
    return chosen.has(p.id)
      ? {
          applicationId: p.id,
          outcome: 'selected' as const,
          reason: `Selected by the optimiser (proven optimal set): ${text}. ${SYNTHETIC}.`,
        }
      : {
          applicationId: p.id,
          outcome: 'rejected' as const,
          reason: why?.because === 'official' ? `${text} ${SYNTHETIC}.` : `Not in the optimal set: ${text}. ${SYNTHETIC}.`,
        };
  });
  await decideSelection(db, SYSTEM, callId, decisions, 20);
  await sendDecisionLetters(db, SYSTEM, callId, { base: 'http://localhost:3000' });
  return proposal;
}

const notRecommended = (panel: PanelEntry[]) =>
  panel
    .filter((p) => p.consensus === 'reject')
    .map((p) => ({ id: p.applicationId, reason: `Not recommended by the review panel: ${p.reasons}` }));

async function panelCall(db: Db, slug: string) {
  const call = await loadCallRow(db, slug);
  if (!call) throw new AppError('NOT_FOUND', `No demo call "${slug}".`);
  return { call, panel: await panelOf(db, call.id) };
}

/**
 * Chang'e-5 follows its panel: what the panel did not recommend the official rejects with the
 * panel's reasons; the optimiser then proves the set fits the sample masses.
 */
async function change5(db: Db): Promise<Proposal> {
  const { call, panel } = await panelCall(db, CE5_CALL_SLUG);
  await setSelectionRules(db, SYSTEM, call.id, {
    countryCap: null,
    minCountries: null,
    excludes: [],
    requires: [],
    mustSelect: [],
    mustReject: notRecommended(panel),
    allowPartialGrants: false,
  });
  return decideAsProposed(db, call.id);
}

/**
 * Chang'e-8: the 14 proposals the panel shortlisted become the 10 projects: each proposal shortlisted
 * on condition of merging joins its project in a merge group (CE8_MERGES, a synthetic grouping), so
 * the project is selected or rejected whole with the sum of its resources; the rest are rejected
 * with the panel's reasons, and the optimiser proves the projects fit the 200 kg lander.
 */
async function change8(db: Db): Promise<Proposal> {
  const { call, panel } = await panelCall(db, CE8_CALL_SLUG);
  const proposals = await queryRows<{ id: string; title: string; lead: string }>(
    db,
    sql`select a.id, a.title, i.slug as lead from applications a join institutions i on i.id = a.lead_institution_id
        where a.call_id = ${call.id} and a.stage = 'full_proposal' and a.status = 'submitted'`,
  );
  const groups = CE8_MERGES.map((m) => {
    const project = proposals.find((p) => p.title === m.project);
    const merged = proposals.find((p) => p.lead === m.leadSlug && p.title !== m.project);
    if (!project || !merged) throw new AppError('CONFLICT', `The Chang'e-8 demo lacks a proposal of the merged “${m.project}”.`);
    return { name: m.project, members: [project.id, merged.id] };
  });
  await setMergeGroups(db, SYSTEM, call.id, groups);
  await setSelectionRules(db, SYSTEM, call.id, {
    countryCap: null,
    minCountries: null,
    excludes: [],
    requires: [],
    mustSelect: [],
    mustReject: notRecommended(panel),
    allowPartialGrants: false,
  });
  return decideAsProposed(db, call.id);
}

/**
 * Tianwen-3 has no panel in the demo: synthetic merits (marked) are entered, and the optimiser
 * picks the best set within the orbiter's 15 kg and 40 W and the service module's 5 kg.
 */
async function tianwen3(db: Db): Promise<Proposal> {
  const call = await loadCallRow(db, TW3_CALL_SLUG);
  if (!call) throw new AppError('NOT_FOUND', `No demo call "${TW3_CALL_SLUG}".`);
  const rows = await queryRows<{ id: string; title: string }>(
    db,
    sql`select id, title from applications where call_id = ${call.id} and stage = 'full_proposal' and status = 'submitted' order by title, id`,
  );
  await setSelectionMerits(
    db,
    SYSTEM,
    call.id,
    rows.map((a) => ({ applicationId: a.id, merit: 400 + Math.round(prng(`orbitshare/demo-selection/v1/${a.title}`)() * 500) })),
  );
  return decideAsProposed(db, call.id);
}

export interface DemoSelectionResult {
  outcome: 'loaded' | 'already_loaded';
  selected: Record<string, number>;
}

/**
 * Loads the selection demo after the review demo: Chang'e-5 2025 (→ the 7 institutions from 6
 * countries), Chang'e-8 (41 proposals → 14 shortlisted → 10 projects from merge groups, on the 200 kg lander) and Tianwen-3 (pools
 * never exceeded), each decided through the selection use cases and given its letters. A call
 * already decided (a load interrupted half way) is left as it is. Idempotent through
 * installation_facts (`seed.selection`).
 */
export async function seedDemoSelection(db: Db): Promise<DemoSelectionResult> {
  const [fact] = await db.select().from(installationFacts).where(eq(installationFacts.key, SELECTION_SEED_FACT));
  if (fact) return { outcome: 'already_loaded', selected: {} };
  const selected: Record<string, number> = {};
  for (const [slug, load] of [
    [CE5_CALL_SLUG, () => change5(db)],
    [CE8_CALL_SLUG, () => change8(db)],
    [TW3_CALL_SLUG, () => tianwen3(db)],
  ] as const) {
    const call = await loadCallRow(db, slug);
    if (!call || call.status === 'decided') continue;
    selected[slug] = (await load()).selected.length;
  }
  const value = {
    version: 1,
    selected,
    synthetic: `${SYNTHETIC}s: merits and reasons are synthetic; the Chang'e outcomes are real.`,
  };
  await db.transaction(async (tx) => {
    await tx.insert(installationFacts).values({ key: SELECTION_SEED_FACT, value });
    await recordAudit(tx, SYSTEM, {
      action: 'seed.loaded',
      subjectType: 'installation',
      subjectId: SELECTION_SEED_FACT,
      details: value,
    });
  });
  return { outcome: 'loaded', selected };
}
