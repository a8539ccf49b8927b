import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { shipments } from '../../db/schema.js';
import { IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { appendEntry, translateLedgerError } from './custody-access.js';
import { moveCustodian, refuseClosed, setSampleStatus } from './loan-access.js';
import { appendHandover, loadShipment, transition } from './shipment-access.js';

/**
 * The sender hands the sealed containers to the courier. Outbound, the mass leaves the store: a
 * ship entry per subsample under its loan item (the database refuses more than is in store or lent).
 * Either way the courier becomes the custodian of every sample in it, and the hand-over starts the
 * shipment's chain of custody.
 */
export async function dispatchShipment(db: Db, actor: Actor, shipmentId: string, input: { place: string; note?: string | null }) {
  authorize(actor, 'custody.ship');
  const issues = new IssueList();
  if (!input.place?.trim()) issues.add('place', 'VALIDATION_FAILED', 'Say where the courier took it.');
  issues.throwIfAny();
  return db
    .transaction(async (tx) => {
      const { shipment, items, loan } = await loadShipment(tx, actor, shipmentId, 'sender', true);
      refuseClosed(loan);
      const status = transition(shipment, 'dispatch');
      const outbound = shipment.direction === 'outbound';
      if (outbound)
        for (const item of items)
          await appendEntry(tx, actor, {
            sampleId: item.sampleId,
            kind: 'ship',
            deltaUg: -item.packedMassUg,
            loanItemId: item.loanItemId,
            reason: `shipment ${shipment.reference}`,
          });
      const sampleIds = items.map((i) => i.sampleId);
      await moveCustodian(tx, actor, sampleIds, { kind: 'courier', holder: shipment.courier, loanId: loan.id });
      await setSampleStatus(tx, sampleIds, 'in_transit');
      await appendHandover(tx, actor, shipment, {
        fromHolder: outbound ? 'Agency curation' : loan.borrowerName,
        toHolder: shipment.courier,
        toKind: 'courier',
        place: input.place.trim(),
        note: input.note,
      });
      await tx.update(shipments).set({ status, dispatchedAt: sql`now()` }).where(eq(shipments.id, shipment.id));
      await recordAudit(tx, actor, {
        action: 'shipment.dispatched',
        subjectType: 'shipment',
        subjectId: shipment.id,
        details: {
          reference: shipment.reference,
          loanId: loan.id,
          courier: shipment.courier,
          trackingNumber: shipment.trackingNumber,
          place: input.place.trim(),
          items: items.map((i) => ({ sampleId: i.sampleId, massUg: i.packedMassUg })),
        },
      });
      return { id: shipment.id, reference: shipment.reference, status };
    })
    .catch(translateLedgerError);
}
