import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { agreementSettings } from '../../db/schema.js';
import { DEFAULT_LOAN_DURATION_MONTHS, DEFAULT_SIGNATURE_WORKING_DAYS } from '../../domain/agreements/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadManagedCall } from '../calls/call-access.js';

/** A call's agreement settings (the defaults until an officer changes them). */
export async function getAgreementSettings(db: Db, actor: Actor, callId: string) {
  authorize(actor, 'agreements.manage');
  const call = await loadManagedCall(db, actor, callId);
  const [row] = await db.select().from(agreementSettings).where(eq(agreementSettings.callId, call.id));
  return {
    callId: call.id,
    loanDurationMonths: row?.loanDurationMonths ?? DEFAULT_LOAN_DURATION_MONTHS,
    signatureWorkingDays: row?.signatureWorkingDays ?? DEFAULT_SIGNATURE_WORKING_DAYS,
  };
}

export async function updateAgreementSettings(
  db: Db,
  actor: Actor,
  callId: string,
  input: { loanDurationMonths: number; signatureWorkingDays: number },
) {
  authorize(actor, 'agreements.manage');
  return db.transaction(async (tx) => {
    const call = await loadManagedCall(tx, actor, callId, true);
    await tx
      .insert(agreementSettings)
      .values({ callId: call.id, ...input, updatedBy: actor.label })
      .onConflictDoUpdate({ target: agreementSettings.callId, set: { ...input, updatedBy: actor.label, updatedAt: sql`now()` } });
    await recordAudit(tx, actor, { action: 'call.agreement_settings', subjectType: 'call', subjectId: call.id, details: input });
    return { callId: call.id, ...input };
  });
}
