import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import {
  applicationRequests,
  applications,
  callModuleOffers,
  callSampleOffers,
  hostModules,
  panelResults,
  reviewRounds,
  selectionMergeGroups,
  selectionMergeMembers,
  selectionMerits,
  selectionRules,
} from '../../db/schema.js';
import type { Budget, Proposal, SelectionInstance } from '../../solvers/selection/types.js';
import type { CallRow } from '../calls/call-access.js';
import { blockedBorrowers } from '../custody/borrower-duties.js';

/** Where a budget comes from, so a decision can be written back as allocations. */
export type BudgetSource =
  | { kind: 'module'; offerId: string; measure: 'mass_g' | 'avg_power_mw' | 'data_mb_per_day'; label: string }
  | { kind: 'sample'; offerId: string; label: string };

export interface ProposalInfo {
  id: string;
  title: string;
  country: string;
  meritSource: 'panel' | 'entered';
}

/** A merged project: its name, and the members that are in the model (sorted). */
export interface MergeGroupInfo {
  id: string;
  name: string;
  members: string[];
}

export interface SelectionSnapshot {
  instance: SelectionInstance;
  /** The call's merged projects; each with two or more scored members is a `together` rule. */
  groups: MergeGroupInfo[];
  /** The call lets a sample request be granted less mass, down to its stated minimum. */
  allowPartialGrants: boolean;
  budgets: BudgetSource[];
  proposals: ProposalInfo[];
  /** Submitted proposals without a merit (no frozen panel result, none entered): not in the model. */
  unscored: string[];
  /** The same, with their titles and countries, for the merits form. */
  unscoredProposals: { id: string; title: string; country: string }[];
  /**
   * Proposals asking for samples whose lead institution has an overdue duty under a sample loan
   * (issue 10): shown with that reason, and kept out of any selection (must-reject in the model).
   */
  blocked: {
    applicationId: string;
    institutionId: string;
    reason: 'BORROWER_BLOCKED';
    overdue: { loanReference: string; kind: string; dueOn: string }[];
  }[];
}

/** The panel's calibrated score (0–100, one decimal) as an integer merit. */
export const panelMerit = (calibrated: number) => Math.round(calibrated * 10);

const ELIGIBLE = ['submitted', 'shortlisted'];

interface PanelRanking {
  ranking?: { applicationId: string; calibrated: number | null }[];
}

/** The frozen panel result of the call's latest round, as applicationId → integer merit. */
async function panelMerits(db: DbOrTx, callId: string): Promise<Map<string, number>> {
  const [row] = await db
    .select({ result: panelResults.result })
    .from(panelResults)
    .innerJoin(reviewRounds, eq(reviewRounds.id, panelResults.roundId))
    .where(eq(reviewRounds.callId, callId))
    .orderBy(desc(panelResults.frozenAt))
    .limit(1);
  const merits = new Map<string, number>();
  for (const p of (row?.result as PanelRanking | undefined)?.ranking ?? [])
    if (p.calibrated !== null && p.calibrated !== undefined) merits.set(p.applicationId, Math.max(0, panelMerit(p.calibrated)));
  return merits;
}

/** The budgets of the call, in a fixed order (module offers then sample offers, by id). */
async function loadBudgets(db: DbOrTx, callId: string): Promise<{ budgets: Budget[]; sources: BudgetSource[] }> {
  const modules = await db
    .select({ offer: callModuleOffers, name: hostModules.name })
    .from(callModuleOffers)
    .innerJoin(hostModules, eq(hostModules.id, callModuleOffers.hostModuleId))
    .where(eq(callModuleOffers.callId, callId))
    .orderBy(callModuleOffers.id);
  const samples = await db
    .select()
    .from(callSampleOffers)
    .where(eq(callSampleOffers.callId, callId))
    .orderBy(callSampleOffers.id);
  const budgets: Budget[] = [];
  const sources: BudgetSource[] = [];
  const add = (budget: Budget, source: BudgetSource) => {
    budgets.push(budget);
    sources.push(source);
  };
  for (const { offer, name } of modules) {
    add(
      { id: `${offer.id}:mass_g`, amount: offer.poolMassG, unit: 'g' },
      { kind: 'module', offerId: offer.id, measure: 'mass_g', label: `${name} mass` },
    );
    if (offer.poolPowerMw !== null)
      add(
        { id: `${offer.id}:avg_power_mw`, amount: offer.poolPowerMw, unit: 'mW' },
        { kind: 'module', offerId: offer.id, measure: 'avg_power_mw', label: `${name} power` },
      );
    if (offer.poolDataMbPerDay !== null)
      add(
        { id: `${offer.id}:data_mb_per_day`, amount: offer.poolDataMbPerDay, unit: 'MB/day' },
        { kind: 'module', offerId: offer.id, measure: 'data_mb_per_day', label: `${name} data` },
      );
  }
  for (const o of samples)
    add(
      { id: `${o.id}:mass_mg`, amount: o.availableMg - o.reserveMg, unit: 'mg' },
      { kind: 'sample', offerId: o.id, label: `${o.sampleType} sample mass` },
    );
  return { budgets, sources };
}

/**
 * The selection model of a call, read from the database: merit per eligible proposal (entered, or
 * the panel's), budgets from the offers, each proposal's use from its submitted version's request
 * rows, the lead's country, and the call's rules. Proposals in the rules that are not in the model
 * (withdrawn, unscored) are dropped from the rules rather than failing the solve.
 */
export async function loadSelectionSnapshot(db: DbOrTx, call: CallRow): Promise<SelectionSnapshot> {
  const apps = await db
    .select({
      id: applications.id,
      title: applications.title,
      country: applications.leadCountry,
      institutionId: applications.leadInstitutionId,
      version: applications.submittedVersion,
    })
    .from(applications)
    .where(
      and(
        eq(applications.callId, call.id),
        // A two-stage call selects among full proposals; its letters of intent were only shortlisted.
        eq(applications.stage, 'full_proposal'),
        inArray(applications.status, ELIGIBLE),
        isNotNull(applications.submittedVersion),
      ),
    )
    .orderBy(applications.id);
  const entered = new Map(
    (await db.select().from(selectionMerits).where(eq(selectionMerits.callId, call.id))).map((m) => [m.applicationId, m]),
  );
  const panel = await panelMerits(db, call.id);
  const { budgets, sources } = await loadBudgets(db, call.id);
  const index = new Map(budgets.map((b, i) => [b.id, i]));
  const requests = apps.length
    ? await db
        .select()
        .from(applicationRequests)
        .where(
          inArray(
            applicationRequests.applicationId,
            apps.map((a) => a.id),
          ),
        )
    : [];
  const [rules] = await db.select().from(selectionRules).where(eq(selectionRules.callId, call.id));

  const proposals: Proposal[] = [];
  const infos: ProposalInfo[] = [];
  const unscored: string[] = [];
  const unscoredProposals: { id: string; title: string; country: string }[] = [];
  for (const app of apps) {
    const stored = entered.get(app.id);
    const merit = stored?.merit ?? panel.get(app.id);
    if (merit === undefined) {
      unscored.push(app.id);
      unscoredProposals.push({ id: app.id, title: app.title, country: app.country ?? 'unknown' });
      continue;
    }
    const use = budgets.map(() => 0);
    const minUse = budgets.map(() => 0);
    let partial = false;
    for (const r of requests) {
      if (r.applicationId !== app.id || r.version !== app.version) continue;
      const add = (measure: string, offerId: string | null, amount: number | null, min?: number) => {
        const at = offerId ? index.get(`${offerId}:${measure}`) : undefined;
        if (at === undefined || !amount) return;
        use[at] = (use[at] as number) + amount;
        minUse[at] = (minUse[at] as number) + (min ?? amount);
        if (min !== undefined && min < amount) partial = true;
      };
      add('mass_g', r.moduleOfferId, r.massG);
      add('avg_power_mw', r.moduleOfferId, r.avgPowerMw);
      add('data_mb_per_day', r.moduleOfferId, r.dataMbPerDay);
      const stated = (r.detail as { minMassMg?: unknown }).minMassMg;
      const min =
        rules?.allowPartialGrants && typeof stated === 'number' && stated > 0 ? Math.min(stated, r.massMg ?? 0) : undefined;
      add('mass_mg', r.sampleOfferId, r.massMg, min);
    }
    proposals.push({ id: app.id, country: app.country ?? 'unknown', merit, use, ...(partial ? { minUse } : {}) });
    infos.push({
      id: app.id,
      title: app.title,
      country: app.country ?? 'unknown',
      meritSource: stored ? (stored.source as 'panel' | 'entered') : 'panel',
    });
  }

  const known = new Set(proposals.map((p) => p.id));
  const blocked = await blockedProposals(db, apps, proposals, sources);
  const instance: SelectionInstance = { budgets, proposals };
  if (rules?.countryCap) instance.countryCap = rules.countryCap;
  if (rules?.minCountries) instance.minCountries = rules.minCountries;
  if (rules) {
    instance.excludes = rules.links.excludes.filter(([a, b]) => known.has(a) && known.has(b));
    instance.requires = rules.links.requires.filter((r) => known.has(r.proposal) && known.has(r.needs));
    instance.mustSelect = rules.mustSelect.filter((d) => known.has(d.id));
    instance.mustReject = rules.mustReject.filter((d) => known.has(d.id));
  }
  if (blocked.length) {
    const rejected = new Set((instance.mustReject ?? []).map((d) => d.id));
    instance.mustReject = [
      ...(instance.mustReject ?? []),
      ...blocked.filter((b) => !rejected.has(b.applicationId)).map((b) => ({ id: b.applicationId, reason: b.reason })),
    ];
    instance.mustSelect = (instance.mustSelect ?? []).filter((d) => !blocked.some((b) => b.applicationId === d.id));
  }
  const groups = await loadMergeGroups(db, call.id, known);
  const together = groups.filter((g) => g.members.length >= 2).map((g) => ({ id: g.id, members: g.members }));
  if (together.length) instance.together = together;
  return {
    instance,
    groups,
    allowPartialGrants: rules?.allowPartialGrants ?? false,
    budgets: sources,
    proposals: infos,
    unscored,
    unscoredProposals,
    blocked,
  };
}

/** The call's merge groups (by name), each with its members that are in the model. */
async function loadMergeGroups(db: DbOrTx, callId: string, known: Set<string>): Promise<MergeGroupInfo[]> {
  const rows = await db
    .select({ id: selectionMergeGroups.id, name: selectionMergeGroups.name, member: selectionMergeMembers.applicationId })
    .from(selectionMergeGroups)
    .innerJoin(selectionMergeMembers, eq(selectionMergeMembers.groupId, selectionMergeGroups.id))
    .where(eq(selectionMergeGroups.callId, callId))
    .orderBy(selectionMergeGroups.name, selectionMergeMembers.applicationId);
  const groups = new Map<string, MergeGroupInfo>();
  for (const r of rows) {
    const g = groups.get(r.id) ?? { id: r.id, name: r.name, members: [] };
    if (known.has(r.member)) g.members.push(r.member);
    groups.set(r.id, g);
  }
  return [...groups.values()];
}

/** Proposals that ask for sample mass from a lead institution with an overdue loan duty. */
async function blockedProposals(
  db: DbOrTx,
  apps: { id: string; institutionId: string | null }[],
  proposals: Proposal[],
  sources: BudgetSource[],
): Promise<SelectionSnapshot['blocked']> {
  const asksForSamples = (p: Proposal) => sources.some((s, r) => s.kind === 'sample' && (p.use[r] as number) > 0);
  const candidates = apps.filter((a) => a.institutionId && proposals.some((p) => p.id === a.id && asksForSamples(p)));
  const blocked = await blockedBorrowers(
    db,
    candidates.map((a) => a.institutionId!),
  );
  return candidates
    .filter((a) => blocked.has(a.institutionId!))
    .map((a) => ({
      applicationId: a.id,
      institutionId: a.institutionId!,
      reason: 'BORROWER_BLOCKED' as const,
      overdue: blocked.get(a.institutionId!)!.map((d) => ({ loanReference: d.loanReference, kind: d.kind, dueOn: d.dueOn })),
    }));
}
