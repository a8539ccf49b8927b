import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { custodyDiscrepancies } from '../../db/schema.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { type DiscrepancyResolution, resolutionRefusal } from '../../domain/samples/shipment.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../calls/call-access.js';
import { weighedSoFar } from './confirm-receipt.js';
import { appendEntry, translateLedgerError } from './custody-access.js';
import { closeLoanIfSettled, loadLoan } from './loan-access.js';

export interface Resolution {
  resolution: DiscrepancyResolution;
  /** remeasured: the new weighing, whole µg. */
  remeasuredMassUg?: number;
  note: string;
}

/**
 * The curator resolves a receipt discrepancy, once: either the missing mass is booked as lost (with
 * the note as its report), or a new weighing within tolerance is booked as the receipt's weighing
 * difference. Outbound, the entries fall on the loan item (what the borrower holds); on a return, on
 * the store. A second resolution is refused, by this service and by the database.
 */
export async function resolveDiscrepancy(db: Db, actor: Actor, discrepancyId: string, input: Resolution) {
  authorize(actor, 'custody.write');
  const issues = new IssueList();
  if (!input.note?.trim()) issues.add('note', 'VALIDATION_FAILED', 'Say how it was resolved.');
  issues.throwIfAny();
  return db
    .transaction(async (tx) => {
      const [d] = isUuid(discrepancyId)
        ? await tx.select().from(custodyDiscrepancies).where(eq(custodyDiscrepancies.id, discrepancyId)).for('update')
        : [];
      if (!d) throw new AppError('NOT_FOUND', `No discrepancy "${discrepancyId}".`);
      const [item] = await queryRows<{ loanId: string }>(
        tx,
        sql`select loan_id as "loanId" from loan_items where id = ${d.loanItemId}`,
      );
      await loadLoan(tx, actor, item!.loanId, 'curator');
      if (d.status !== 'open') throw new AppError('CONFLICT', 'This discrepancy is already resolved: it is resolved once.');
      const weighed = await weighedSoFar(tx, d.sampleId);
      const refusal = resolutionRefusal(d, input.resolution, input.remeasuredMassUg, weighed);
      if (refusal)
        throw new AppError('VALIDATION_FAILED', refusal, [
          { field: input.resolution === 'loss' ? 'resolution' : 'remeasuredMassUg', code: 'VALIDATION_FAILED', message: refusal },
        ]);
      const outbound = d.direction === 'outbound';
      const onLoanItem = outbound ? d.loanItemId : null;
      let massUg: number;
      if (input.resolution === 'loss') {
        massUg = d.expectedUg - d.measuredUg;
        await appendEntry(tx, actor, {
          sampleId: d.sampleId,
          kind: 'loss',
          deltaUg: -massUg,
          loanItemId: onLoanItem,
          reason: input.note.trim(),
        });
      } else {
        massUg = input.remeasuredMassUg!;
        const difference = massUg - d.expectedUg;
        if (difference !== 0)
          await appendEntry(tx, actor, {
            sampleId: d.sampleId,
            kind: outbound ? 'receive' : 'return_receipt',
            deltaUg: difference,
            loanItemId: d.loanItemId,
            reason: input.note.trim(),
          });
      }
      const updated = await tx
        .update(custodyDiscrepancies)
        .set({
          status: 'resolved',
          resolution: input.resolution,
          resolvedMassUg: massUg,
          resolutionNote: input.note.trim(),
          resolvedBy: actor.label,
          resolvedAt: sql`now()`,
        })
        .where(and(eq(custodyDiscrepancies.id, d.id), eq(custodyDiscrepancies.status, 'open')))
        .returning({ id: custodyDiscrepancies.id });
      if (updated.length === 0) throw new AppError('CONFLICT', 'This discrepancy is already resolved: it is resolved once.');
      await recordAudit(tx, actor, {
        action: 'custody.discrepancy_resolved',
        subjectType: 'discrepancy',
        subjectId: d.id,
        details: { resolution: input.resolution, massUg, note: input.note.trim(), sampleId: d.sampleId },
      });
      const loanClosed = await closeLoanIfSettled(tx, actor, item!.loanId);
      return { id: d.id, status: 'resolved' as const, resolution: input.resolution, massUg, loanClosed };
    })
    .catch(translateLedgerError);
}
