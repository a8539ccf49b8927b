import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { getRecord, loadRow, notFound } from './get-record.js';
import { assertMayWriteRecord } from './record-scope.js';
import type { RegistryResource } from './resources.js';

/**
 * Archives (or, with `archived: false`, restores) a record. Records are never deleted: calls,
 * agreements and the audit log keep pointing at them. Repeating the same request changes nothing.
 */
export async function setArchived(db: Db, actor: Actor, resource: RegistryResource, id: string, archived: boolean) {
  authorize(actor, 'registry.write');
  return db.transaction((tx) => setArchivedIn(tx, actor, resource, id, archived));
}

/** The same use case inside a transaction the caller holds. */
export async function setArchivedIn(tx: DbOrTx, actor: Actor, resource: RegistryResource, id: string, archived: boolean) {
  authorize(actor, 'registry.write');
  const row = await loadRow(tx, resource, id, true);
  if (!row) throw notFound(resource, id);
  await assertMayWriteRecord(tx, actor, resource, 'archive', [row]);
  if (Boolean(row.archivedAt) !== archived) {
    await tx
      .update(resource.table)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(resource.id, id));
    await recordAudit(tx, actor, {
      action: `${resource.name}.${archived ? 'archived' : 'restored'}`,
      subjectType: resource.noun,
      subjectId: id,
    });
  }
  return getRecord(tx, actor, resource, id);
}
