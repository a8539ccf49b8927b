import type { Db } from '../../db/connection.js';
import { shipmentItems, shipments } from '../../db/schema.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { formatMg } from '../../domain/samples/ledger.js';
import type { ShipmentDirection } from '../../domain/samples/shipment.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { translateLedgerError } from './custody-access.js';
import { loadLoan, nextShipmentReference, refuseClosed } from './loan-access.js';

export interface ShipmentDraft {
  courier: string;
  trackingNumber: string;
  sealedContainerIds: string[];
  /** The packing list: which loan items, how much of each (whole µg; default all that can go), in which container. */
  items: { loanItemId: string; massUg?: number; containerId: string }[];
}

/**
 * The packing list of a shipment. Outbound: the curator packs subsamples of the loan from the
 * store (at most what is in store and what the loan still lends). Return: the borrower packs what
 * they hold (at most what is out under the loan). Nothing moves until the shipment is dispatched.
 */
export async function prepareShipment(db: Db, actor: Actor, loanId: string, direction: ShipmentDirection, draft: ShipmentDraft) {
  authorize(actor, direction === 'outbound' ? 'custody.write' : 'custody.borrow');
  const issues = new IssueList();
  if (!draft.courier?.trim()) issues.add('courier', 'VALIDATION_FAILED', 'Name the courier.');
  if (!draft.trackingNumber?.trim()) issues.add('trackingNumber', 'VALIDATION_FAILED', 'Give the tracking number.');
  const containers = [...new Set(draft.sealedContainerIds.map((c) => c.trim()).filter(Boolean))];
  if (containers.length === 0) issues.add('sealedContainerIds', 'VALIDATION_FAILED', 'List the sealed containers.');
  if (draft.items.length === 0) issues.add('items', 'VALIDATION_FAILED', 'Pack at least one subsample.');
  draft.items.forEach((item, i) => {
    if (!containers.includes(item.containerId?.trim()))
      issues.add(`items.${i}.containerId`, 'VALIDATION_FAILED', 'Pack it in one of the listed sealed containers.');
    if (item.massUg !== undefined && (!Number.isSafeInteger(item.massUg) || item.massUg <= 0))
      issues.add(`items.${i}.massUg`, 'VALIDATION_FAILED', 'A mass is a whole, positive number of micrograms.');
  });
  if (new Set(draft.items.map((i) => i.loanItemId)).size !== draft.items.length)
    issues.add('items', 'VALIDATION_FAILED', 'Each subsample appears once on a packing list.');
  issues.throwIfAny();
  return db
    .transaction(async (tx) => {
      const { loan, items } = await loadLoan(tx, actor, loanId, direction === 'outbound' ? 'curator' : 'borrower', true);
      refuseClosed(loan);
      const byId = new Map(items.map((i) => [i.id, i]));
      const packed = draft.items.map((line, i) => {
        const item = byId.get(line.loanItemId);
        if (!item)
          throw AppError.fromIssues([
            { field: `items.${i}.loanItemId`, code: 'REFERENCE_NOT_FOUND', message: 'Not an item of this loan.' },
          ]);
        const limit = direction === 'outbound' ? Math.min(item.storeUg, item.allocatedUg - item.shippedUg) : item.outUg;
        const massUg = line.massUg ?? limit;
        if (massUg <= 0 || massUg > limit) {
          const message = `${item.number}: ${formatMg(massUg)} asked, ${formatMg(limit)} can ${direction === 'outbound' ? 'be shipped' : 'be returned'}`;
          throw new AppError('OVER_LIMIT', message, [{ field: `items.${i}.massUg`, code: 'OVER_LIMIT', message }]);
        }
        return { item, massUg, containerId: line.containerId.trim() };
      });
      const reference = await nextShipmentReference(tx, loan, direction);
      const [shipment] = await tx
        .insert(shipments)
        .values({
          reference,
          loanId: loan.id,
          direction,
          courier: draft.courier.trim(),
          trackingNumber: draft.trackingNumber.trim(),
          sealedContainerIds: containers,
          preparedBy: actor.label,
        })
        .returning();
      await tx.insert(shipmentItems).values(
        packed.map((p) => ({
          shipmentId: shipment!.id,
          loanItemId: p.item.id,
          sampleId: p.item.sampleId,
          packedMassUg: p.massUg,
          containerId: p.containerId,
        })),
      );
      await recordAudit(tx, actor, {
        action: 'shipment.prepared',
        subjectType: 'shipment',
        subjectId: shipment!.id,
        details: {
          reference,
          loanId: loan.id,
          direction,
          courier: shipment!.courier,
          trackingNumber: shipment!.trackingNumber,
          sealedContainerIds: containers,
          items: packed.map((p) => ({ number: p.item.number, massUg: p.massUg, containerId: p.containerId })),
        },
      });
      return { id: shipment!.id, reference, status: shipment!.status };
    })
    .catch(translateLedgerError);
}
