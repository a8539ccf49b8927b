import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { PG, pgErrorOf } from '../../db/pg-errors.js';
import { accounts, applications, experts, reviewAssignments, reviews } from '../../db/schema.js';
import type { Locale } from '../../domain/accounts/roles.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import type { AssignmentSource } from '../../domain/review/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { loadManagedRound, type RoundRow } from './review-access.js';

export interface AssignmentPair {
  expertId: string;
  applicationId: string;
}

export interface AssignmentChangeset {
  add: AssignmentPair[];
  remove: AssignmentPair[];
}

export interface ApplyOptions {
  source: AssignmentSource;
  dryRun: boolean;
  links: { base: string; deadline: string };
}

const MESSAGES: Record<string, string> = {
  conflict: 'has a conflict of interest with this proposal',
  'not accepted': 'has not accepted the invitation',
  'maximum load': 'is at the maximum load',
  pool: 'is not in the pool of this call',
};

/** The database guard's refusal, said in the officer's terms, for the pair it names. */
function refusal(pair: AssignmentPair, index: number, error: unknown): FieldIssue | null {
  const pg = pgErrorOf(error);
  const message = (error as { cause?: { message?: string }; message?: string }).cause?.message ?? (error as Error).message ?? '';
  if (pg?.code === PG.checkViolation) {
    const reason = Object.entries(MESSAGES).find(([k]) => message.includes(k))?.[1] ?? 'cannot take this proposal';
    return { field: `add.${index}`, code: 'CONFLICT', message: `Expert ${pair.expertId} ${reason}.` };
  }
  if (pg?.code === PG.uniqueViolation)
    return { field: `add.${index}`, code: 'DUPLICATE', message: 'This pair is already assigned.' };
  if (pg?.code === PG.foreignKeyViolation)
    return { field: `add.${index}`, code: 'REFERENCE_NOT_FOUND', message: 'No such expert or proposal.' };
  return null;
}

async function applyIn(tx: Tx, actor: Actor, round: RoundRow, changes: AssignmentChangeset, source: AssignmentSource) {
  const issues: FieldIssue[] = [];
  for (const [i, pair] of changes.remove.entries()) {
    const [assignment] = await tx
      .select({ id: reviewAssignments.id })
      .from(reviewAssignments)
      .where(
        and(
          eq(reviewAssignments.roundId, round.id),
          eq(reviewAssignments.expertId, pair.expertId),
          eq(reviewAssignments.applicationId, pair.applicationId),
        ),
      );
    if (!assignment) {
      issues.push({ field: `remove.${i}`, code: 'NOT_FOUND', message: 'This pair is not assigned.' });
      continue;
    }
    const [begun] = await tx.select({ status: reviews.status }).from(reviews).where(eq(reviews.assignmentId, assignment.id));
    if (begun) {
      issues.push({
        field: `remove.${i}`,
        code: 'CONFLICT',
        message: `The expert has a ${begun.status} review of this proposal; it cannot be unassigned.`,
      });
      continue;
    }
    await tx.delete(reviewAssignments).where(eq(reviewAssignments.id, assignment.id));
  }
  const proposalIds = [...new Set(changes.add.map((p) => p.applicationId))];
  const inCall = proposalIds.length
    ? new Set(
        (
          await tx
            .select({ id: applications.id })
            .from(applications)
            .where(
              and(
                inArray(applications.id, proposalIds),
                eq(applications.callId, round.callId),
                eq(applications.stage, round.stage),
              ),
            )
        ).map((r) => r.id),
      )
    : new Set<string>();
  for (const [i, pair] of changes.add.entries()) {
    if (!inCall.has(pair.applicationId)) {
      issues.push({ field: `add.${i}`, code: 'REFERENCE_NOT_FOUND', message: 'Not a proposal of this round.' });
      continue;
    }
    // A savepoint per pair: a refused pair is reported, the rest still checked, and nothing is kept
    // unless every pair passes.
    try {
      await tx.transaction(async (sp) => {
        await sp.insert(reviewAssignments).values({ roundId: round.id, ...pair, source, createdBy: actor.label });
      });
    } catch (error) {
      const issue = refusal(pair, i, error);
      if (!issue) throw error;
      issues.push(issue);
    }
  }
  if (issues.length > 0)
    throw new AppError('CONFLICT', `${issues.length} change(s) cannot be applied; nothing was changed.`, issues);
}

/**
 * Applies an assignment changeset — the officer's manual edit or the solver's proposal, through the
 * same path: every pair is checked by the database guard (pool, acceptance, conflicts, load); all
 * or nothing. With dryRun the changes are checked and rolled back. Experts with new proposals get
 * one e-mail each.
 */
export async function applyAssignmentChanges(
  db: Db,
  actor: Actor,
  roundId: string,
  changes: AssignmentChangeset,
  options: ApplyOptions,
) {
  authorize(actor, 'review.manage');
  const DRY_RUN = Symbol('dry run');
  let summary = { added: changes.add.length, removed: changes.remove.length, dryRun: options.dryRun };
  try {
    await db.transaction(async (tx) => {
      const { round, call } = await loadManagedRound(tx, actor, roundId);
      if (round.status !== 'open') throw new AppError('CONFLICT', 'This review round is closed.');
      await applyIn(tx, actor, round, changes, options.source);
      if (options.dryRun) throw DRY_RUN;
      await recordAudit(tx, actor, {
        action: 'review_assignments.changed',
        subjectType: 'review_round',
        subjectId: round.id,
        details: { source: options.source, add: changes.add, remove: changes.remove },
      });
      const byExpert = new Map<string, number>();
      for (const p of changes.add) byExpert.set(p.expertId, (byExpert.get(p.expertId) ?? 0) + 1);
      if (byExpert.size) {
        const rows = await tx
          .select({ id: experts.id, name: experts.name, email: experts.email, locale: accounts.locale })
          .from(experts)
          .leftJoin(accounts, eq(accounts.id, experts.accountId))
          .where(inArray(experts.id, [...byExpert.keys()]));
        for (const e of rows) {
          await enqueueEmail(tx, {
            to: e.email,
            template: 'review_assigned',
            locale: (e.locale as Locale | null) ?? 'en',
            name: e.name,
            link: `${options.links.base}/review`,
            hours: 0,
            callTitle: call.title,
            deadline: options.links.deadline,
            count: byExpert.get(e.id),
          });
        }
      }
    });
  } catch (error) {
    if (error !== DRY_RUN) throw error;
    summary = { ...summary, dryRun: true };
  }
  return summary;
}
