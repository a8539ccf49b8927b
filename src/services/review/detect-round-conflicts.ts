import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { reviewConflicts } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { detectConflictsOffThread } from '../../solvers/review/runner.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadRoundSnapshot } from './load-round-snapshot.js';
import { loadManagedRound } from './review-access.js';

/**
 * Runs conflict detection over the round's pool and proposals and brings the stored detected
 * conflicts up to date: new ones are added pinned (an applicant cannot remove them), changed
 * evidence is refreshed, and ones no longer found are removed unless an officer waived them (the
 * waiver stays on record). A new conflict in force takes any review of the pair out of the figures
 * (trigger) and removes the pair's assignment when no review was begun (a begun one stays, excluded,
 * as the record of what happened).
 *
 * The records are read first, detection runs in a worker thread (a conference-sized round takes
 * seconds, during which the server keeps answering and no transaction is held open), then the
 * changes and their audit row are written in one transaction.
 */
export async function detectRoundConflicts(db: Db, actor: Actor, roundId: string) {
  authorize(actor, 'review.manage');
  const { round } = await loadManagedRound(db, actor, roundId);
  const snapshot = await loadRoundSnapshot(db, round);
  const found = await detectConflictsOffThread(snapshot.conflictExperts, snapshot.conflictProposals, {
    sameCountry: round.sameCountryRule as 'off' | 'lead' | 'any_member',
    coauthorWindowYears: round.coauthorWindowYears,
    referenceYear: round.deadlineAt.getUTCFullYear(),
  });
  return db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(reviewConflicts)
      .where(and(eq(reviewConflicts.callId, round.callId), eq(reviewConflicts.source, 'detected')));
    const key = (e: string, a: string) => `${e}/${a}`;
    const before = new Map(existing.map((c) => [key(c.expertId, c.applicationId), c]));
    const proposalIds = new Set(snapshot.proposals.map((p) => p.applicationId));
    let added = 0;
    let removed = 0;
    const seen = new Set<string>();
    for (const conflict of found) {
      const k = key(conflict.expertId, conflict.proposalId);
      seen.add(k);
      const old = before.get(k);
      if (!old) {
        await tx.insert(reviewConflicts).values({
          callId: round.callId,
          expertId: conflict.expertId,
          applicationId: conflict.proposalId,
          source: 'detected',
          evidence: conflict.evidence,
          pinned: true,
          createdBy: actor.label,
        });
        added++;
      } else if (JSON.stringify(old.evidence) !== JSON.stringify(conflict.evidence)) {
        await tx
          .update(reviewConflicts)
          .set({ evidence: conflict.evidence, updatedAt: sql`now()` })
          .where(eq(reviewConflicts.id, old.id));
      }
    }
    for (const [k, old] of before) {
      // Only this round's proposals were examined; conflicts of the other stage stay.
      if (seen.has(k) || !proposalIds.has(old.applicationId) || old.waivedAt) continue;
      await tx.delete(reviewConflicts).where(eq(reviewConflicts.id, old.id));
      removed++;
    }
    // `returning` gives the released rows on both drivers (their affected-row counts differ in shape).
    const released = await queryRows<{ id: string }>(
      tx,
      sql`delete from review_assignments a
          where a.round_id = ${round.id}
            and exists (select 1 from review_conflicts c where c.expert_id = a.expert_id and c.application_id = a.application_id and c.waived_at is null)
            and not exists (select 1 from reviews r where r.assignment_id = a.id)
          returning a.id`,
    );
    const releasedCount = released.length;
    await recordAudit(tx, actor, {
      action: 'review_conflicts.detected',
      subjectType: 'review_round',
      subjectId: round.id,
      details: { found: found.length, added, removed, assignmentsReleased: releasedCount },
    });
    return { found: found.length, added, removed, assignmentsReleased: releasedCount };
  });
}
