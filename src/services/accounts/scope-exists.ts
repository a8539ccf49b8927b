import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { institutions, programs, sampleCollections } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TABLES = {
  institution: institutions,
  program: programs,
  sample_collection: sampleCollections,
} as const;

/** Refuses a grant or sign-up whose scope names no record. Calls are checked once they exist. */
export async function assertScopeExists(tx: DbOrTx, scopeType: string | null, scopeId: string | null, field = 'scopeId') {
  if (!scopeType || !scopeId || !(scopeType in TABLES)) return;
  const table = TABLES[scopeType as keyof typeof TABLES];
  const found = UUID.test(scopeId) ? await tx.select({ id: table.id }).from(table).where(eq(table.id, scopeId)).limit(1) : [];
  if (found.length === 0) {
    const message = `No ${scopeType.replace('_', ' ')} with id "${scopeId}".`;
    throw new AppError('REFERENCE_NOT_FOUND', message, [{ field, code: 'REFERENCE_NOT_FOUND', message }]);
  }
}
