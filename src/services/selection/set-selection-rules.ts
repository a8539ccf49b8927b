import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications, selectionRules } from '../../db/schema.js';
import type { SelectionLinks } from '../../db/tables/selection.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadDecidableCall, refuseWhenDecided } from './selection-access.js';

export interface SelectionRulesInput {
  countryCap: number | null;
  minCountries: number | null;
  excludes: [string, string][];
  requires: { proposal: string; needs: string }[];
  mustSelect: { id: string; reason: string }[];
  mustReject: { id: string; reason: string }[];
  allowPartialGrants: boolean;
}

function referencedIds(input: SelectionRulesInput): string[] {
  return [
    ...input.excludes.flat(),
    ...input.requires.flatMap((r) => [r.proposal, r.needs]),
    ...input.mustSelect.map((d) => d.id),
    ...input.mustReject.map((d) => d.id),
  ];
}

/** The call's selection rules, replaced whole. Every proposal named must be in the call. */
export async function setSelectionRules(db: Db, actor: Actor, callId: string, input: SelectionRulesInput) {
  authorize(actor, 'selection.decide');
  const issues: FieldIssue[] = [];
  const official = [
    ...input.mustSelect.map((d, i) => ['mustSelect', i, d] as const),
    ...input.mustReject.map((d, i) => ['mustReject', i, d] as const),
  ];
  for (const [list, i, d] of official)
    if (d.reason.trim().length === 0)
      issues.push({
        field: `${list}.${i}.reason`,
        code: 'VALIDATION_FAILED',
        message: 'Say why the proposal is forced in or out.',
      });
  if (issues.length) throw AppError.fromIssues(issues);
  return db.transaction(async (tx) => {
    const call = await loadDecidableCall(tx, actor, callId);
    refuseWhenDecided(call);
    const ids = [...new Set(referencedIds(input))];
    const known = ids.length
      ? new Set(
          (
            await tx
              .select({ id: applications.id })
              .from(applications)
              .where(and(eq(applications.callId, call.id), inArray(applications.id, ids)))
          ).map((a) => a.id),
        )
      : new Set<string>();
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length)
      throw new AppError('VALIDATION_FAILED', `Not proposals of this call: ${unknown.join(', ')}.`, [
        { field: 'rules', code: 'REFERENCE_NOT_FOUND', message: `Unknown proposals: ${unknown.join(', ')}.` },
      ]);
    const links: SelectionLinks = { excludes: input.excludes, requires: input.requires };
    const values = {
      countryCap: input.countryCap,
      minCountries: input.minCountries,
      links,
      mustSelect: input.mustSelect.map((d) => ({ id: d.id, reason: d.reason.trim() })),
      mustReject: input.mustReject.map((d) => ({ id: d.id, reason: d.reason.trim() })),
      allowPartialGrants: input.allowPartialGrants,
      updatedBy: actor.label,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(selectionRules)
      .values({ callId: call.id, ...values })
      .onConflictDoUpdate({ target: selectionRules.callId, set: values });
    await recordAudit(tx, actor, {
      action: 'selection.rules_set',
      subjectType: 'call',
      subjectId: call.id,
      details: { ...input },
    });
    return { callId: call.id, ...input };
  });
}
