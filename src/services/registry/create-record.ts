import type { Db, DbOrTx } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { translateWriteError } from './db-errors.js';
import { getRecord } from './get-record.js';
import { assertMayWriteRecord } from './record-scope.js';
import type { RegistryResource } from './resources.js';

/** Validates by the domain rule, inserts, and audits, in one transaction. */
export async function createRecord(db: Db, actor: Actor, resource: RegistryResource, input: Record<string, unknown>) {
  authorize(actor, 'registry.write');
  try {
    return await db.transaction((tx) => createRecordIn(tx, actor, resource, input));
  } catch (error) {
    translateWriteError(error, resource.noun, resource.idField);
  }
}

/**
 * The same use case inside a transaction the caller holds (the seed loader and the CLI import run
 * many of these in one all-or-nothing transaction). An `id` in the input is kept, so an import
 * preserves the ids of the records it brings in.
 */
export async function createRecordIn(tx: DbOrTx, actor: Actor, resource: RegistryResource, input: Record<string, unknown>) {
  authorize(actor, 'registry.write');
  await assertMayWriteRecord(tx, actor, resource, 'create', [input]);
  const checked = resource.check(input);
  const childField = resource.children?.field;
  const { [childField ?? '']: children, ...values } = checked;
  try {
    const [row] = (await tx.insert(resource.table).values(values).returning()) as Record<string, unknown>[];
    const id = String(row?.[resource.idField]);
    if (resource.children && Array.isArray(children)) await resource.children.replace(tx, id, children);
    await recordAudit(tx, actor, {
      action: `${resource.name}.created`,
      subjectType: resource.noun,
      subjectId: id,
      details: { values: checked },
    });
    return await getRecord(tx, actor, resource, id);
  } catch (error) {
    translateWriteError(error, resource.noun, resource.idField);
  }
}
