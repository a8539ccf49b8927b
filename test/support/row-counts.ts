import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../src/db/connection.js';

/** Rows per table, by name: a loader run twice, or a refused write, must leave them as they were. */
export async function rowCounts(db: DbOrTx, tables: Record<string, PgTable>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    out[name] = Number(row?.n);
  }
  return out;
}
