import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, queryRows } from '../../db/connection.js';
import { custodyDiscrepancies, shipmentItems, shipments } from '../../db/schema.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { receiptOutcome } from '../../domain/samples/shipment.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { appendEntry, translateLedgerError } from './custody-access.js';
import { closeLoanIfSettled, moveCustodian, setSampleStatus } from './loan-access.js';
import { appendHandover, currentHolder, loadShipment, transition } from './shipment-access.js';

/** The weighing differences a sample has recorded so far (they share its tolerance). */
export async function weighedSoFar(tx: DbOrTx, sampleId: string): Promise<number> {
  const [row] = await queryRows<{ w: string }>(
    tx,
    sql`select coalesce(sum(delta_ug), 0)::text as w from ledger_entries
        where sample_id = ${sampleId} and kind in ('adjust', 'receive', 'return_receipt')`,
  );
  return Number(row?.w ?? 0);
}

/**
 * The receiver opens the containers and weighs every subsample. The borrower confirms an outbound
 * shipment (the samples are then theirs to hold); the curator a return (the returned mass goes back
 * into the store as a return entry). A measured difference within the weighing tolerance is booked
 * as a weighing entry; beyond it, a discrepancy opens for the curator to resolve. The courier hands
 * over to the receiver, who becomes the custodian. A return that brings everything back closes the loan.
 */
export async function confirmReceipt(
  db: Db,
  actor: Actor,
  shipmentId: string,
  input: { place: string; items: { shipmentItemId: string; measuredMassUg: number }[] },
) {
  authorize(actor, 'custody.ship');
  const issues = new IssueList();
  if (!input.place?.trim()) issues.add('place', 'VALIDATION_FAILED', 'Say where it was received.');
  input.items.forEach((item, i) => {
    if (!Number.isSafeInteger(item.measuredMassUg) || item.measuredMassUg < 0)
      issues.add(
        `items.${i}.measuredMassUg`,
        'VALIDATION_FAILED',
        'A measured mass is a whole, non-negative number of micrograms.',
      );
  });
  issues.throwIfAny();
  return db
    .transaction(async (tx) => {
      const { shipment, items, loan } = await loadShipment(tx, actor, shipmentId, 'receiver', true);
      const status = transition(shipment, 'receive');
      const measured = new Map(input.items.map((i) => [i.shipmentItemId, i.measuredMassUg]));
      const missing = items.filter((i) => !measured.has(i.id));
      if (missing.length || measured.size !== items.length)
        throw new AppError('VALIDATION_FAILED', 'Weigh every item of the packing list, once each.', [
          { field: 'items', code: 'VALIDATION_FAILED', message: 'Give a measured mass for every item of the packing list.' },
        ]);
      const outbound = shipment.direction === 'outbound';
      const { rows: tolerances } = await loanTolerances(
        tx,
        items.map((i) => i.sampleId),
      );
      const results = [];
      for (const item of items) {
        const measuredUg = measured.get(item.id)!;
        if (!outbound)
          await appendEntry(tx, actor, {
            sampleId: item.sampleId,
            kind: 'return',
            deltaUg: item.packedMassUg,
            loanItemId: item.loanItemId,
            reason: `return ${shipment.reference}`,
          });
        const outcome = receiptOutcome(
          item.packedMassUg,
          measuredUg,
          tolerances.get(item.sampleId) ?? 0,
          await weighedSoFar(tx, item.sampleId),
        );
        if (outcome.kind === 'weighing')
          await appendEntry(tx, actor, {
            sampleId: item.sampleId,
            kind: outbound ? 'receive' : 'return_receipt',
            deltaUg: outcome.differenceUg,
            loanItemId: item.loanItemId,
            reason: `weighed at receipt of ${shipment.reference}`,
          });
        let discrepancyId: string | null = null;
        if (outcome.kind === 'discrepancy') {
          const [row] = await tx
            .insert(custodyDiscrepancies)
            .values({
              shipmentItemId: item.id,
              loanItemId: item.loanItemId,
              sampleId: item.sampleId,
              direction: shipment.direction,
              expectedUg: item.packedMassUg,
              measuredUg,
              toleranceUg: tolerances.get(item.sampleId) ?? 0,
              openedBy: actor.label,
            })
            .returning({ id: custodyDiscrepancies.id });
          discrepancyId = row!.id;
          await recordAudit(tx, actor, {
            action: 'custody.discrepancy_opened',
            subjectType: 'discrepancy',
            subjectId: row!.id,
            details: { shipment: shipment.reference, sampleId: item.sampleId, expectedUg: item.packedMassUg, measuredUg },
          });
        }
        await tx.update(shipmentItems).set({ measuredMassUg: measuredUg }).where(eq(shipmentItems.id, item.id));
        results.push({
          shipmentItemId: item.id,
          sampleId: item.sampleId,
          outcome: outcome.kind,
          differenceUg: measuredUg - item.packedMassUg,
          discrepancyId,
        });
      }
      const sampleIds = items.map((i) => i.sampleId);
      const receiver = outbound
        ? { kind: 'borrower' as const, holder: loan.borrowerName, institutionId: loan.borrowerInstitutionId, loanId: loan.id }
        : { kind: 'agency' as const, holder: 'Agency curation' };
      await appendHandover(tx, actor, shipment, {
        fromHolder: (await currentHolder(tx, shipment.id)) ?? shipment.courier,
        toHolder: receiver.holder,
        toKind: receiver.kind,
        place: input.place.trim(),
      });
      await moveCustodian(tx, actor, sampleIds, receiver);
      await setSampleStatus(tx, sampleIds, outbound ? 'on_loan' : 'in_store');
      await tx
        .update(shipments)
        .set({ status, receivedAt: sql`now()`, receivedBy: actor.label })
        .where(and(eq(shipments.id, shipment.id), inArray(shipments.status, ['in_transit'])));
      await recordAudit(tx, actor, {
        action: outbound ? 'shipment.received' : 'shipment.return_received',
        subjectType: 'shipment',
        subjectId: shipment.id,
        details: { reference: shipment.reference, loanId: loan.id, place: input.place.trim(), items: results },
      });
      const closed = outbound ? false : await closeLoanIfSettled(tx, actor, loan.id);
      return { id: shipment.id, reference: shipment.reference, status, items: results, loanClosed: closed };
    })
    .catch(translateLedgerError);
}

async function loanTolerances(tx: DbOrTx, sampleIds: string[]) {
  const rows = await queryRows<{ id: string; t: string }>(
    tx,
    sql`select id, weighing_tolerance_ug::text as t from samples where id in (${sql.join(
      sampleIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return { rows: new Map(rows.map((r) => [r.id, Number(r.t)])) };
}
