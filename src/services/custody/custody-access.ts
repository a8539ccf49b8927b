import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { pgErrorOf } from '../../db/pg-errors.js';
import { ledgerEntries, samples } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { formatMg } from '../../domain/samples/ledger.js';
import type { LedgerKind } from '../../domain/samples/vocabulary.js';
import { holdsScoped } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { isUuid } from '../calls/call-access.js';

export type SampleRow = typeof samples.$inferSelect;

export const sampleNotFound = (id: string) => new AppError('NOT_FOUND', `No sample "${id}".`);

/** Curators keep the samples of their collections; administrators all. */
export const keepsCollection = (actor: Actor, collectionId: string) =>
  holdsScoped(actor, ['curator'], 'sample_collection', collectionId);

/**
 * Loads a sample the actor keeps, by id or number; NOT_FOUND otherwise, so existence does not leak.
 * `lock`: take the row lock first, the same lock the ledger trigger takes, so the check the service
 * makes against the balance still holds when its entries are written.
 */
export async function loadKeptSample(tx: DbOrTx, actor: Actor, idOrNumber: string, lock = false): Promise<SampleRow> {
  const where = isUuid(idOrNumber) ? eq(samples.id, idOrNumber) : eq(samples.number, idOrNumber);
  const query = tx.select().from(samples).where(where).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !keepsCollection(actor, row.collectionId)) throw sampleNotFound(idOrNumber);
  return row;
}

/** OVER_LIMIT unless `requestedUg` can leave `sample` now. */
export function refuseOverdraw(sample: SampleRow, requestedUg: number, field = 'massUg'): void {
  if (requestedUg <= sample.balanceUg) return;
  const message = `only ${formatMg(sample.balanceUg)} of ${sample.number} are available, ${formatMg(requestedUg)} were asked for`;
  throw new AppError('OVER_LIMIT', message, [{ field, code: 'OVER_LIMIT', message }]);
}

export async function appendEntry(
  tx: DbOrTx,
  actor: Actor,
  entry: {
    sampleId: string;
    kind: LedgerKind;
    deltaUg: number;
    counterpartSampleId?: string;
    reason?: string | null;
    loanItemId?: string | null;
  },
) {
  const [row] = await tx
    .insert(ledgerEntries)
    .values({ ...entry, reason: entry.reason ?? null, loanItemId: entry.loanItemId ?? null, actor: actor.label })
    .returning();
  return row!;
}

/** Database refusals that mean "more than there is" (the rest are conflicts with the state). */
const OVER_LIMIT_CONSTRAINTS = new Set([
  'ledger_balance_non_negative',
  'ledger_return_within_lent',
  'ledger_ship_within_loan',
  'loan_items_returned_within_lent',
]);

/**
 * The database's own refusals (migration 0012) as AppErrors. The services check first, so these
 * surface only when a rule was missed or a writer raced past the service's check.
 */
export function translateLedgerError(error: unknown): never {
  const pg = pgErrorOf(error);
  const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
  if (pg?.code === '23514' && (pg.constraint?.startsWith('ledger_') || pg.constraint?.startsWith('loan_items_')))
    throw new AppError(OVER_LIMIT_CONSTRAINTS.has(pg.constraint!) ? 'OVER_LIMIT' : 'CONFLICT', message);
  if (pg?.code === '23514' && pg.constraint === 'custody_discrepancy_resolved_once') throw new AppError('CONFLICT', message);
  if (pg?.code === '23505' && pg.constraint === 'samples_number_key')
    throw new AppError('DUPLICATE', 'A sample with this number already exists.', [
      { field: 'number', code: 'DUPLICATE', message: 'This sample number is taken.' },
    ]);
  throw error;
}

export function presentSample(row: SampleRow) {
  return {
    id: row.id,
    collectionId: row.collectionId,
    parentId: row.parentId,
    number: row.number,
    sampleType: row.sampleType,
    container: row.container,
    storageLocation: row.storageLocation,
    characterisation: row.characterisation,
    use: row.use,
    status: row.status,
    declaredMassUg: row.declaredMassUg,
    weighingToleranceUg: row.weighingToleranceUg,
    availableUg: row.balanceUg,
  };
}
export type PresentedSample = ReturnType<typeof presentSample>;
