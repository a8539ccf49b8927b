import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications, selectionMerits } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadDecidableCall, refuseWhenDecided } from './selection-access.js';

export interface MeritInput {
  applicationId: string;
  merit: number;
}

/**
 * Entered merits, for calls run without the panel (or an official's correction of one proposal).
 * Integers; they take precedence over the panel's calibrated score in the selection model.
 */
export async function setSelectionMerits(db: Db, actor: Actor, callId: string, merits: MeritInput[]) {
  authorize(actor, 'selection.decide');
  const issues = merits.flatMap((m, i) =>
    Number.isInteger(m.merit) && m.merit >= 0 && m.merit <= 1_000_000
      ? []
      : [
          {
            field: `merits.${i}.merit`,
            code: 'VALIDATION_FAILED' as const,
            message: 'A merit is a whole number from 0 to 1,000,000.',
          },
        ],
  );
  if (issues.length) throw AppError.fromIssues(issues);
  return db.transaction(async (tx) => {
    const call = await loadDecidableCall(tx, actor, callId);
    refuseWhenDecided(call);
    const own = new Set(
      (await tx.select({ id: applications.id }).from(applications).where(eq(applications.callId, call.id))).map((a) => a.id),
    );
    const foreign = merits.findIndex((m) => !own.has(m.applicationId));
    if (foreign >= 0)
      throw new AppError('VALIDATION_FAILED', 'A merit names a proposal that is not in this call.', [
        { field: `merits.${foreign}.applicationId`, code: 'REFERENCE_NOT_FOUND', message: 'Not a proposal of this call.' },
      ]);
    for (const m of merits) {
      const values = { merit: m.merit, source: 'entered', enteredBy: actor.label, enteredAt: sql`now()` };
      await tx
        .insert(selectionMerits)
        .values({ callId: call.id, applicationId: m.applicationId, ...values })
        .onConflictDoUpdate({ target: [selectionMerits.callId, selectionMerits.applicationId], set: values });
    }
    await recordAudit(tx, actor, {
      action: 'selection.merits_entered',
      subjectType: 'call',
      subjectId: call.id,
      details: { merits: merits.map((m) => ({ applicationId: m.applicationId, merit: m.merit })) },
    });
    return { callId: call.id, entered: merits.length };
  });
}
