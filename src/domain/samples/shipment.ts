// Shipments of loaned subsamples and what their receipt means for the ledger. Pure rules: the
// services apply them, migration 0017 enforces the same limits in the database.

export const SHIPMENT_DIRECTIONS = ['outbound', 'return'] as const;
export type ShipmentDirection = (typeof SHIPMENT_DIRECTIONS)[number];

/** prepared → in_transit (dispatched: the courier holds it) → received (opened and weighed); prepared → cancelled. */
export const SHIPMENT_STATUSES = ['prepared', 'in_transit', 'received', 'cancelled'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export type ShipmentEvent = 'dispatch' | 'hand_over' | 'receive' | 'cancel';

const TRANSITIONS: Record<ShipmentStatus, Partial<Record<ShipmentEvent, ShipmentStatus>>> = {
  prepared: { dispatch: 'in_transit', cancel: 'cancelled' },
  in_transit: { hand_over: 'in_transit', receive: 'received' },
  received: {},
  cancelled: {},
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextShipmentStatus(status: ShipmentStatus, event: ShipmentEvent): ShipmentStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

export const DISCREPANCY_RESOLUTIONS = ['loss', 'remeasured'] as const;
export type DiscrepancyResolution = (typeof DISCREPANCY_RESOLUTIONS)[number];

/**
 * What one weighed item of a receipt becomes: nothing (weighed as packed), a weighing entry of the
 * difference (within the sample's tolerance, counting the differences already recorded), or a
 * discrepancy for the curator.
 */
export type ReceiptOutcome =
  | { kind: 'as_packed' }
  | { kind: 'weighing'; differenceUg: number }
  | { kind: 'discrepancy'; differenceUg: number };

export function receiptOutcome(packedUg: number, measuredUg: number, toleranceUg: number, weighedSoFarUg = 0): ReceiptOutcome {
  const differenceUg = measuredUg - packedUg;
  if (differenceUg === 0) return { kind: 'as_packed' };
  if (Math.abs(weighedSoFarUg + differenceUg) <= toleranceUg) return { kind: 'weighing', differenceUg };
  return { kind: 'discrepancy', differenceUg };
}

/**
 * How a discrepancy may be resolved: `loss` books the missing mass as lost (only when less arrived
 * than was packed); `remeasured` takes a new weighing whose difference is within tolerance.
 */
export function resolutionRefusal(
  discrepancy: { expectedUg: number; measuredUg: number; toleranceUg: number },
  resolution: DiscrepancyResolution,
  remeasuredUg?: number,
  weighedSoFarUg = 0,
): string | null {
  if (resolution === 'loss') {
    return discrepancy.measuredUg < discrepancy.expectedUg ? null : 'More arrived than was packed: remeasure instead.';
  }
  if (remeasuredUg === undefined || !Number.isSafeInteger(remeasuredUg) || remeasuredUg < 0)
    return 'A remeasured mass is a whole, non-negative number of micrograms.';
  const outcome = receiptOutcome(discrepancy.expectedUg, remeasuredUg, discrepancy.toleranceUg, weighedSoFarUg);
  return outcome.kind === 'discrepancy' ? 'The new weighing is still beyond the weighing tolerance.' : null;
}
