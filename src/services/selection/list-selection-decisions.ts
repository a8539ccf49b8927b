import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { sampleAllocations, selectionDecisions } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadSelectionCall } from './selection-access.js';

/** The frozen decisions of a call with their sample allocations (empty before the decision). */
export async function listSelectionDecisions(db: Db, actor: Actor, callId: string) {
  authorize(actor, 'selection.read');
  const call = await loadSelectionCall(db, actor, callId);
  const rows = await db
    .select()
    .from(selectionDecisions)
    .where(eq(selectionDecisions.callId, call.id))
    .orderBy(selectionDecisions.applicationId);
  const allocations = rows.length
    ? await db
        .select()
        .from(sampleAllocations)
        .where(
          inArray(
            sampleAllocations.decisionId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.applicationId,
    outcome: r.outcome,
    conditions: r.conditions,
    reason: r.reason,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt.toISOString(),
    allocations: allocations
      .filter((a) => a.decisionId === r.id)
      .map((a) => ({ sampleOfferId: a.sampleOfferId, massMg: a.massMg })),
  }));
}
