import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, wrapPglite } from '../../src/db/connection.js';
import { INITIAL_IMAGE } from '../../src/db/initial-image.js';
import { migrate } from '../../src/db/migrate.js';
import { loadDemoPrograms } from '../../src/services/seed/demo-programs.js';
import { beginFirstStart } from '../../src/services/seed/first-start.js';
import { type TestDatabase, testDatabase } from './db.js';

/**
 * A database holding what the demo image holds (the registry, the demo calls and the five programs'
 * review, selection and agreement demos; no account that can sign in), for the tests that check the
 * demo. Loading it takes a minute of use cases, so it is loaded once per run and cloned per file:
 * - embedded: the image `npm run build` made (dist/initial-db.tar.gz), when it is newer than every
 *   source file it is made from; otherwise (sources edited since the last build) it is loaded here,
 *   once per worker, exactly as the image is built;
 * - PostgreSQL: a template database loaded once per run (an advisory lock keeps workers in step; the
 *   run's id, written on the template, tells a template of an earlier run to be rebuilt).
 */
export function demoTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? serverDemoDatabase(url) : embeddedDemoDatabase();
}

const SOURCES = fileURLToPath(new URL('../../src/', import.meta.url));

/** The newest change to the sources the image is built from (the UI is not one of them). */
function newestSourceChange(dir = SOURCES): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name === 'web' && dir === SOURCES) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let embeddedTemplate: Promise<PGlite> | undefined;

async function loadEmbeddedTemplate(): Promise<PGlite> {
  const image = fileURLToPath(INITIAL_IMAGE);
  if (existsSync(image) && statSync(image).mtimeMs > newestSourceChange()) {
    return PGlite.create({ loadDataDir: new Blob([readFileSync(image)]) });
  }
  const client = await PGlite.create();
  const database = wrapPglite(client);
  await migrate(database);
  await beginFirstStart(database.db, true);
  await loadDemoPrograms(database.db);
  return client;
}

async function embeddedDemoDatabase(): Promise<TestDatabase> {
  embeddedTemplate ??= loadEmbeddedTemplate();
  const clone = (await (await embeddedTemplate).clone()) as PGlite;
  const database = wrapPglite(clone);
  return { ...database, dispose: () => database.close() };
}

const DEMO_TEMPLATE = 'orbitshare_test_demo_template';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let serverTemplate: Promise<void> | undefined;

async function ensureServerDemoTemplate(url: string): Promise<void> {
  const runId = inject('testRunId');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(4243)');
    const found = await admin.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [DEMO_TEMPLATE],
    );
    if (found.rows[0]?.comment === `run ${runId}`) return;
    await admin.query(`drop database if exists ${DEMO_TEMPLATE} with (force)`);
    // Made empty and migrated here rather than from the migrated test template, which another
    // worker may be cloning at this moment (a template in use cannot be copied).
    await admin.query(`create database ${DEMO_TEMPLATE}`);
    const template = openPostgres(withDatabase(url, DEMO_TEMPLATE), 1);
    try {
      await migrate(template);
      await beginFirstStart(template.db, true);
      await loadDemoPrograms(template.db);
    } finally {
      await template.close();
    }
    await admin.query(`comment on database ${DEMO_TEMPLATE} is 'run ${runId}'`);
  } finally {
    await admin.query('select pg_advisory_unlock(4243)');
    await admin.end();
  }
}

async function serverDemoDatabase(url: string): Promise<TestDatabase> {
  serverTemplate ??= ensureServerDemoTemplate(url);
  await serverTemplate;
  return testDatabase({ template: DEMO_TEMPLATE });
}
