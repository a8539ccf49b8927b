import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openPostgres, wrapPglite } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';

/**
 * A fresh, migrated database for one test file: the real engine, never a mock. With DATABASE_URL
 * set, a new PostgreSQL database cloned from a migrated template; otherwise a clone of a migrated
 * in-memory PGlite (migrating once per worker, since a fresh PGlite costs seconds).
 */
export interface TestDatabase extends Database {
  /** Closes the handle and drops the database. */
  dispose(): Promise<void>;
  /** The connection URL of this database, on a PostgreSQL server (e.g. to start servers on it). */
  url?: string;
}

let embeddedTemplate: Promise<PGlite> | undefined;

async function migratedPglite(): Promise<PGlite> {
  const client = await PGlite.create();
  await migrate(wrapPglite(client));
  return client;
}

async function embeddedTestDatabase(): Promise<TestDatabase> {
  embeddedTemplate ??= migratedPglite();
  const clone = (await (await embeddedTemplate).clone()) as PGlite;
  const database = wrapPglite(clone);
  return { ...database, dispose: () => database.close() };
}

const TEMPLATE = 'orbitshare_test_template';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let serverTemplate: Promise<void> | undefined;

/** Builds the template database once per run; an advisory lock keeps parallel workers in step. */
async function ensureServerTemplate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(4242)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [TEMPLATE]);
    if (exists.rowCount === 0 || process.env.ORBITSHARE_TEST_FRESH_TEMPLATE === '1') {
      await admin.query(`drop database if exists ${TEMPLATE}`);
      await admin.query(`create database ${TEMPLATE}`);
      const template = openPostgres(withDatabase(url, TEMPLATE), 1);
      await migrate(template);
      await template.close();
    } else {
      // A template from an earlier run may predate a new migration: bring it up to date.
      const template = openPostgres(withDatabase(url, TEMPLATE), 1);
      await migrate(template);
      await template.close();
    }
  } finally {
    await admin.query('select pg_advisory_unlock(4242)');
    await admin.end();
  }
}

async function serverTestDatabase(url: string, template = TEMPLATE): Promise<TestDatabase> {
  if (template === TEMPLATE) {
    serverTemplate ??= ensureServerTemplate(url);
    await serverTemplate;
  }
  const name = `orbitshare_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const database = openPostgres(withDatabase(url, name), 10);
  return {
    ...database,
    url: withDatabase(url, name),
    dispose: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** `template`: on PostgreSQL, another template database to clone (test/support/demo-db.ts). */
export function testDatabase(options: { template?: string } = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? serverTestDatabase(url, options.template) : embeddedTestDatabase();
}

export const databaseKind = process.env.DATABASE_URL ? 'postgres' : 'embedded';
