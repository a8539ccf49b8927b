import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { inventoryLines, inventoryReports } from '../../db/schema.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { INVENTORY_STATES, type InventoryState } from '../../domain/samples/duties.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadLoan, refuseClosed } from './loan-access.js';

export interface InventoryInput {
  lines: { loanItemId: string; massUg: number; state: InventoryState; location: string }[];
  note?: string | null;
}

/**
 * The borrower's annual inventory: every subsample they hold under the loan, with its mass, state and
 * location. It fulfils the loan's earliest open inventory duty (an overdue one first).
 */
export async function fileInventory(db: Db, actor: Actor, loanId: string, input: InventoryInput) {
  authorize(actor, 'custody.borrow');
  const issues = new IssueList();
  input.lines.forEach((line, i) => {
    if (!Number.isSafeInteger(line.massUg) || line.massUg < 0)
      issues.add(`lines.${i}.massUg`, 'VALIDATION_FAILED', 'A mass is a whole, non-negative number of micrograms.');
    if (!INVENTORY_STATES.includes(line.state)) issues.add(`lines.${i}.state`, 'VALIDATION_FAILED', 'Unknown state.');
    if (!line.location?.trim()) issues.add(`lines.${i}.location`, 'VALIDATION_FAILED', 'Say where it is kept.');
  });
  issues.throwIfAny();
  return db.transaction(async (tx) => {
    const { loan, items } = await loadLoan(tx, actor, loanId, 'borrower', true);
    refuseClosed(loan);
    const held = items.filter((i) => i.outUg > 0 && i.sampleStatus !== 'in_transit');
    const given = new Map(input.lines.map((l) => [l.loanItemId, l]));
    const missing = held.filter((i) => !given.has(i.id));
    const foreign = input.lines.filter((l) => !items.some((i) => i.id === l.loanItemId));
    if (missing.length || foreign.length || given.size !== input.lines.length)
      throw new AppError('VALIDATION_FAILED', 'An inventory lists every subsample held under the loan, once each.', [
        {
          field: 'lines',
          code: 'VALIDATION_FAILED',
          message: missing.length
            ? `Missing: ${missing.map((m) => m.number).join(', ')}.`
            : 'Only subsamples of this loan, once each.',
        },
      ]);
    if (held.length === 0) throw new AppError('CONFLICT', 'Nothing is held under this loan: there is nothing to inventory.');
    const [duty] = await queryRows<{ id: string }>(
      tx,
      sql`select id from borrower_duties where loan_id = ${loan.id} and kind = 'annual_inventory' and status = 'open'
          order by due_on limit 1 for update`,
    );
    const [report] = await tx
      .insert(inventoryReports)
      .values({ loanId: loan.id, dutyId: duty?.id ?? null, filedBy: actor.label, note: input.note?.trim() || null })
      .returning();
    await tx.insert(inventoryLines).values(
      input.lines.map((l) => ({
        reportId: report!.id,
        loanItemId: l.loanItemId,
        sampleId: items.find((i) => i.id === l.loanItemId)!.sampleId,
        massUg: l.massUg,
        state: l.state,
        location: l.location.trim(),
      })),
    );
    if (duty)
      await tx.execute(sql`update borrower_duties set status = 'fulfilled', fulfilled_at = now(), fulfilled_by = ${actor.label}
        where id = ${duty.id}`);
    // What the borrower weighed against what the ledger says they hold: shown to the curator, not booked.
    const differences = input.lines
      .map((l) => ({
        number: items.find((i) => i.id === l.loanItemId)!.number,
        heldUg: items.find((i) => i.id === l.loanItemId)!.outUg,
        reportedUg: l.massUg,
      }))
      .filter((d) => d.heldUg !== d.reportedUg);
    await recordAudit(tx, actor, {
      action: 'loan.inventory_filed',
      subjectType: 'loan',
      subjectId: loan.id,
      details: { reportId: report!.id, dutyId: duty?.id ?? null, lines: input.lines.length, differences },
    });
    return { id: report!.id, loanId: loan.id, dutyFulfilled: duty?.id ?? null, differences };
  });
}
