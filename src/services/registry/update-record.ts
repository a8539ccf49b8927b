import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { translateWriteError } from './db-errors.js';
import { getRecord, loadRow, notFound } from './get-record.js';
import { assertMayWriteRecord } from './record-scope.js';
import type { RegistryResource } from './resources.js';

/**
 * Applies a partial change. The domain rule sees the whole record as it would be after the change,
 * so a change to one field cannot break a rule that spans two (launch date and year, say).
 */
export async function updateRecord(
  db: Db,
  actor: Actor,
  resource: RegistryResource,
  id: string,
  change: Record<string, unknown>,
) {
  authorize(actor, 'registry.write');
  try {
    return await db.transaction((tx) => updateRecordIn(tx, actor, resource, id, change));
  } catch (error) {
    translateWriteError(error, resource.noun, resource.idField);
  }
}

/** The same use case inside a transaction the caller holds. */
export async function updateRecordIn(
  tx: DbOrTx,
  actor: Actor,
  resource: RegistryResource,
  id: string,
  change: Record<string, unknown>,
) {
  authorize(actor, 'registry.write');
  if (resource.idField in change && change[resource.idField] !== id) {
    const message = `The ${resource.idField} of a ${resource.noun} cannot be changed.`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: resource.idField, code: 'VALIDATION_FAILED', message }]);
  }
  try {
    const row = await loadRow(tx, resource, id, true);
    if (!row) throw notFound(resource, id);
    await assertMayWriteRecord(tx, actor, resource, 'update', [row, change]);
    if (row.archivedAt) throw new AppError('ARCHIVED', `This ${resource.noun} is archived; restore it before changing it.`);
    const current = (await getRecord(tx, actor, resource, id)) as Record<string, unknown>;
    const checked = resource.check({ ...current, ...change });
    const childField = resource.children?.field;
    const values: Record<string, unknown> = {};
    for (const key of Object.keys(change)) if (key !== childField) values[key] = checked[key];
    await tx
      .update(resource.table)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(resource.id, id));
    if (resource.children && childField && Array.isArray(change[childField])) {
      await resource.children.replace(tx, id, checked[childField] as unknown[]);
    }
    const before = Object.fromEntries(Object.keys(change).map((k) => [k, current[k]]));
    await recordAudit(tx, actor, {
      action: `${resource.name}.updated`,
      subjectType: resource.noun,
      subjectId: id,
      details: { before, after: Object.fromEntries(Object.keys(change).map((k) => [k, checked[k]])) },
    });
    return await getRecord(tx, actor, resource, id);
  } catch (error) {
    translateWriteError(error, resource.noun, resource.idField);
  }
}
