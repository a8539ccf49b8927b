import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/connection.js';

export interface ChainReport {
  rows: number;
  intact: boolean;
  /** The first row whose hash or link does not match what its content and predecessor imply. */
  firstBrokenId: number | null;
  /** The newest row: what an operator keeps outside the database to detect a later truncation. */
  head: { id: number; hash: string } | null;
}

/**
 * Recomputes every hash of the audit log with the very expression the insert trigger uses
 * (migrations 0001, 0007) and checks each row links to its predecessor. An edit, a deletion or an
 * insertion out of band shows as the first row that no longer matches. Deleting the newest rows
 * leaves a shorter chain that is still intact: only a head kept elsewhere reveals it
 * (checkExpectedHead).
 */
export async function verifyAuditChain(db: DbOrTx): Promise<ChainReport> {
  const rows = await queryRows<{ id: number; hash: string | null; ok: boolean }>(
    db,
    sql`select id::int as id, hash,
      prev_hash = coalesce(lag(hash) over (order by id), '')
      and hash = encode(sha256(convert_to(
        prev_hash || '|' || id || '|' || to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' ||
        actor || '|' || action || '|' || subject_type || '|' || subject_id || '|' ||
        details::text || '|' || coalesce(address, ''), 'UTF8')), 'hex') as ok
      from audit_log order by id`,
  );
  const broken = rows.find((r) => !r.ok);
  const last = rows.at(-1);
  return {
    rows: rows.length,
    intact: !broken,
    firstBrokenId: broken?.id ?? null,
    head: last ? { id: Number(last.id), hash: last.hash ?? '' } : null,
  };
}

export interface ExpectedHead {
  /** The row number the head had, when the operator kept it ("N:HASH"). */
  id?: number;
  hash: string;
}

/** Reads "HASH" or "N:HASH" as written by `orbitshare audit verify`; null when it is neither. */
export function parseExpectedHead(text: string): ExpectedHead | null {
  const match = /^(?:(\d+):)?([0-9a-f]{64})$/i.exec(text.trim());
  if (!match?.[2]) return null;
  return { ...(match[1] ? { id: Number(match[1]) } : {}), hash: match[2].toLowerCase() };
}

export type HeadCheck = { ok: true } | { ok: false; reason: string };

/**
 * A head recorded earlier must still be a row of the chain (with its number, when given). With the
 * chain intact from its first row, every row in it is linked back to the start, so a present head
 * is a prefix of today's chain; a missing one means rows were removed or rewritten since.
 */
export async function checkExpectedHead(db: DbOrTx, expected: ExpectedHead): Promise<HeadCheck> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select id::int as id from audit_log where hash = ${expected.hash} limit 1`,
  );
  if (!row) {
    return {
      ok: false,
      reason: `the expected head ${expected.hash} is no longer in the audit log: rows were removed or rewritten`,
    };
  }
  if (expected.id !== undefined && Number(row.id) !== expected.id) {
    return { ok: false, reason: `the expected head ${expected.hash} is row ${row.id}, not row ${expected.id}` };
  }
  return { ok: true };
}
