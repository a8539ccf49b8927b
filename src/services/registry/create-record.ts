import type { Db } from '../../db/connection.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { translateWriteError } from './db-errors.js';
import { getRecord } from './get-record.js';
import type { RegistryResource } from './resources.js';

/** Validates by the domain rule, inserts, and audits, in one transaction. */
export async function createRecord(db: Db, actor: Actor, resource: RegistryResource, input: Record<string, unknown>) {
  const checked = resource.check(input);
  const childField = resource.children?.field;
  const { [childField ?? '']: children, ...values } = checked;
  try {
    return await db.transaction(async (tx) => {
      const [row] = (await tx.insert(resource.table).values(values).returning()) as Record<string, unknown>[];
      const id = String(row?.[resource.idField]);
      if (resource.children && Array.isArray(children)) await resource.children.replace(tx, id, children);
      await recordAudit(tx, actor, {
        action: `${resource.name}.created`,
        subjectType: resource.noun,
        subjectId: id,
        details: { values: checked },
      });
      return getRecord(tx, actor, resource, id);
    });
  } catch (error) {
    translateWriteError(error, resource.noun, resource.idField);
  }
}
