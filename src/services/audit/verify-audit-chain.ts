import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/connection.js';

export interface ChainReport {
  rows: number;
  intact: boolean;
  /** The first row whose hash or link does not match what its content and predecessor imply. */
  firstBrokenId: number | null;
}

/**
 * Recomputes every hash of the audit log with the very expression the insert trigger uses
 * (migration 0001) and checks each row links to its predecessor. An edit, a deletion or an
 * insertion out of band shows as the first row that no longer matches.
 */
export async function verifyAuditChain(db: DbOrTx): Promise<ChainReport> {
  const rows = await queryRows<{ id: number; ok: boolean }>(
    db,
    sql`select id::int as id,
      prev_hash = coalesce(lag(hash) over (order by id), '')
      and hash = encode(sha256(convert_to(
        prev_hash || '|' || id || '|' || to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' ||
        actor || '|' || action || '|' || subject_type || '|' || subject_id || '|' ||
        details::text || '|' || coalesce(address, ''), 'UTF8')), 'hex') as ok
      from audit_log order by id`,
  );
  const broken = rows.find((r) => !r.ok);
  return { rows: rows.length, intact: !broken, firstBrokenId: broken?.id ?? null };
}
