import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { presentRows } from './present.js';
import type { RegistryResource } from './resources.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads one record by id (archived ones too: links to them must keep working). */
export async function loadRow(db: DbOrTx, resource: RegistryResource, id: string, lock = false) {
  // A malformed uuid cannot name a record; answering 404 keeps the database from raising 22P02.
  if (!resource.naturalId && !UUID.test(id)) return undefined;
  const query = db.select().from(resource.table).where(eq(resource.id, id)).limit(1);
  const rows = (lock ? await query.for('update') : await query) as Record<string, unknown>[];
  return rows[0];
}

export function notFound(resource: RegistryResource, id: string): AppError {
  return new AppError('NOT_FOUND', `No ${resource.noun} with ${resource.idField} "${id}".`);
}

export async function getRecord(db: DbOrTx, actor: Actor, resource: RegistryResource, id: string) {
  authorize(actor, 'registry.read');
  const row = await loadRow(db, resource, id);
  if (!row) throw notFound(resource, id);
  const [record] = await presentRows(db, resource, [row]);
  return record as Record<string, unknown>;
}
