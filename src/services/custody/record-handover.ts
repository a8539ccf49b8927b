import type { Db } from '../../db/connection.js';
import { IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { moveCustodian } from './loan-access.js';
import { appendHandover, currentHolder, loadShipment, transition } from './shipment-access.js';

/** A hand-over in transit (courier to courier, customs, a local agent): the next holder becomes the custodian. */
export async function recordHandover(
  db: Db,
  actor: Actor,
  shipmentId: string,
  input: { toHolder: string; place: string; note?: string | null },
) {
  authorize(actor, 'custody.ship');
  const issues = new IssueList();
  if (!input.toHolder?.trim()) issues.add('toHolder', 'VALIDATION_FAILED', 'Name who took it over.');
  if (!input.place?.trim()) issues.add('place', 'VALIDATION_FAILED', 'Say where.');
  issues.throwIfAny();
  return db.transaction(async (tx) => {
    const { shipment, items, loan } = await loadShipment(tx, actor, shipmentId, 'either', true);
    transition(shipment, 'hand_over');
    const from = (await currentHolder(tx, shipment.id)) ?? shipment.courier;
    await appendHandover(tx, actor, shipment, {
      fromHolder: from,
      toHolder: input.toHolder.trim(),
      toKind: 'courier',
      place: input.place.trim(),
      note: input.note,
    });
    await moveCustodian(
      tx,
      actor,
      items.map((i) => i.sampleId),
      { kind: 'courier', holder: input.toHolder.trim(), loanId: loan.id },
    );
    await recordAudit(tx, actor, {
      action: 'shipment.handed_over',
      subjectType: 'shipment',
      subjectId: shipment.id,
      details: { reference: shipment.reference, from, to: input.toHolder.trim(), place: input.place.trim() },
    });
    return { id: shipment.id, reference: shipment.reference, holder: input.toHolder.trim() };
  });
}
