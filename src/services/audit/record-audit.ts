import type { DbOrTx } from '../../db/connection.js';
import { auditLog } from '../../db/schema.js';
import type { Actor } from '../actor.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

/** Appends one audit row; call it inside the transaction that makes the change it records. */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actor: actor.label,
    address: actor.address ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.details ?? {},
  });
}
