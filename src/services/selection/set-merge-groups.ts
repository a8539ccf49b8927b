import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications, selectionMergeGroups, selectionMergeMembers } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { type MergeGroupInput, mergeGroupIssues } from '../../domain/selection/merge-groups.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadDecidableCall, refuseWhenDecided } from './selection-access.js';

/**
 * The call's merged proposals, replaced whole: each group becomes one project of the selection
 * model (selected or rejected as a whole, using the sum of its members' resources). Every member
 * must be a proposal of the call; the database keeps a proposal in at most one group.
 */
export async function setMergeGroups(db: Db, actor: Actor, callId: string, groups: MergeGroupInput[]) {
  authorize(actor, 'selection.decide');
  const issues = mergeGroupIssues(groups);
  if (issues.length) throw AppError.fromIssues(issues);
  return db.transaction(async (tx) => {
    const call = await loadDecidableCall(tx, actor, callId);
    refuseWhenDecided(call);
    const ids = [...new Set(groups.flatMap((g) => g.members))];
    const own = ids.length
      ? new Set(
          (
            await tx
              .select({ id: applications.id })
              .from(applications)
              .where(and(eq(applications.callId, call.id), inArray(applications.id, ids)))
          ).map((a) => a.id),
        )
      : new Set<string>();
    const unknown = ids.filter((id) => !own.has(id));
    if (unknown.length)
      throw new AppError('VALIDATION_FAILED', `Not proposals of this call: ${unknown.join(', ')}.`, [
        { field: 'groups', code: 'REFERENCE_NOT_FOUND', message: `Unknown proposals: ${unknown.join(', ')}.` },
      ]);
    await tx.delete(selectionMergeGroups).where(eq(selectionMergeGroups.callId, call.id));
    const saved: { id: string; name: string; members: string[] }[] = [];
    for (const g of groups) {
      const [row] = await tx
        .insert(selectionMergeGroups)
        .values({ callId: call.id, name: g.name.trim(), createdBy: actor.label })
        .returning({ id: selectionMergeGroups.id });
      const members = [...new Set(g.members)].sort();
      await tx
        .insert(selectionMergeMembers)
        .values(members.map((applicationId) => ({ groupId: row!.id, callId: call.id, applicationId })));
      saved.push({ id: row!.id, name: g.name.trim(), members });
    }
    await recordAudit(tx, actor, {
      action: 'selection.merge_groups_set',
      subjectType: 'call',
      subjectId: call.id,
      details: { groups: saved },
    });
    return { callId: call.id, groups: saved };
  });
}
