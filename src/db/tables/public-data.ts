import { sql } from 'drizzle-orm';
import { bigint, boolean, check, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row: the version of everything the public portal shows (migration 0018). Triggers on the
 * watched tables bump it at commit; public answers are cached under it (src/server/public-cache.ts).
 */
export const publicDataVersion = pgTable(
  'public_data_version',
  {
    id: boolean('id').primaryKey().default(true),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('public_data_version_id_check', sql`${t.id}`)],
);
