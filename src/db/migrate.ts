import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './connection.js';

// src/db and dist/db are both two levels below the package root, so this resolves from either.
const MIGRATIONS_DIR = new URL('../../src/db/migrations/', import.meta.url);

export interface Migration {
  id: string;
  checksum: string;
  sql: string;
}

export function readMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{4}_.+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8');
      return { id: name.replace(/\.sql$/, ''), checksum: createHash('sha256').update(text).digest('hex'), sql: text };
    });
}

/**
 * Applies the pending migrations, each in its own transaction, under an advisory lock so that two
 * processes starting at once do not both apply one. Forward-only: a migration that was edited after
 * it was applied stops the start, since the database no longer matches the files.
 */
export async function migrate(database: Database): Promise<string[]> {
  const { db } = database;
  const applied: string[] = [];
  await database.runScript(
    `CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('orbitshare.migrate'))`);
    const rows = await queryRows<{ id: string; checksum: string }>(tx, sql`select id, checksum from schema_migrations`);
    const done = new Map(rows.map((r) => [r.id, r.checksum]));
    for (const migration of readMigrations()) {
      const previous = done.get(migration.id);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new Error(`Migration ${migration.id} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      for (const statement of migration.sql.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into schema_migrations (id, checksum) values (${migration.id}, ${migration.checksum})`);
      applied.push(migration.id);
    }
  });
  return applied;
}
