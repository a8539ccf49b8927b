import { asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { custodyHandovers, shipmentItems, shipments } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { nextShipmentStatus, type ShipmentEvent, type ShipmentStatus } from '../../domain/samples/shipment.js';
import type { Actor } from '../actor.js';
import { isUuid } from '../calls/call-access.js';
import { loadLoan } from './loan-access.js';

export type ShipmentRow = typeof shipments.$inferSelect;

/**
 * A shipment with its packing list and loan, for the side that acts on it now: the sender
 * dispatches (the curator outbound, the borrower a return), the receiver confirms receipt.
 */
export async function loadShipment(
  tx: DbOrTx,
  actor: Actor,
  shipmentId: string,
  as: 'sender' | 'receiver' | 'either',
  lock = false,
) {
  const query = tx
    .select()
    .from(shipments)
    .where(eq(shipments.id, isUuid(shipmentId) ? shipmentId : '00000000-0000-0000-0000-000000000000'));
  const [shipment] = lock ? await query.for('update') : await query;
  if (!shipment) throw new AppError('NOT_FOUND', `No shipment "${shipmentId}".`);
  const curatorSide = (shipment.direction === 'outbound') === (as === 'sender');
  const role = as === 'either' ? 'either' : curatorSide ? 'curator' : 'borrower';
  const loaded = await loadLoan(tx, actor, shipment.loanId, role).catch(() => {
    throw new AppError('NOT_FOUND', `No shipment "${shipmentId}".`);
  });
  const items = await tx
    .select()
    .from(shipmentItems)
    .where(eq(shipmentItems.shipmentId, shipment.id))
    .orderBy(asc(shipmentItems.id));
  return { shipment, items, loan: loaded.loan, loanItems: loaded.items, viewer: loaded.viewer };
}

/** The next status, or CONFLICT naming what the shipment is. */
export function transition(shipment: ShipmentRow, event: ShipmentEvent): ShipmentStatus {
  const next = nextShipmentStatus(shipment.status, event);
  if (!next)
    throw new AppError(
      'CONFLICT',
      `Shipment ${shipment.reference} is ${shipment.status.replace('_', ' ')}: it cannot be ${event.replace('_', ' ')}ed now.`,
    );
  return next;
}

export async function appendHandover(
  tx: DbOrTx,
  actor: Actor,
  shipment: ShipmentRow,
  handover: {
    fromHolder: string;
    toHolder: string;
    toKind: 'agency' | 'courier' | 'borrower';
    place: string;
    note?: string | null;
  },
) {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(position), 0)::int as n from custody_handovers where shipment_id = ${shipment.id}`,
  );
  await tx.insert(custodyHandovers).values({
    shipmentId: shipment.id,
    position: (row?.n ?? 0) + 1,
    ...handover,
    note: handover.note ?? null,
    recordedBy: actor.label,
  });
}

/** The current holder of a shipment: the last hand-over's receiver. */
export async function currentHolder(tx: DbOrTx, shipmentId: string): Promise<string | null> {
  const [row] = await queryRows<{ to_holder: string }>(
    tx,
    sql`select to_holder from custody_handovers where shipment_id = ${shipmentId} order by position desc limit 1`,
  );
  return row?.to_holder ?? null;
}
