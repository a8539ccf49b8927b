// A first start killed between its steps (unpacking the starter database, loading the registry and
// the demo calls, creating the demo accounts) is finished by the next start: the accounts exist and
// the registry is loaded exactly once. The crash is a real SIGKILL of the built server, at a step
// named by ORBITSHARE_TEST_CRASH_AFTER (first-start.ts).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows, wrapPglite } from '../../src/db/connection.js';
import { UNPACKING_MARKER } from '../../src/db/initial-image.js';
import { SYSTEM } from '../../src/services/actor.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/services/seed/demo-accounts.js';
import { beginFirstStart, FIRST_START_FACT } from '../../src/services/seed/first-start.js';
import { seedIfEmpty, seedRegistry } from '../../src/services/seed/load-seed.js';
import { databaseKind, type TestDatabase, testDatabase } from '../support/db.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'bin/orbitshare.js');

interface FirstStartState {
  registryLoads: number;
  callsLoads: number;
  demoAccounts: number;
  missions: number;
  completed: boolean;
}

async function stateOf(db: Db): Promise<FirstStartState> {
  const [row] = await queryRows<FirstStartState>(
    db,
    sql`select
      (select count(*)::int from audit_log where action = 'seed.loaded' and subject_id = 'seed.registry') as "registryLoads",
      (select count(*)::int from audit_log where action = 'seed.loaded' and subject_id = 'seed.calls') as "callsLoads",
      (select count(*)::int from accounts where email like '%@orbitshare.demo') as "demoAccounts",
      (select count(*)::int from missions) as missions,
      coalesce((select value ? 'completedAt' from installation_facts where key = ${FIRST_START_FACT}), false) as completed`,
  );
  return row!;
}

const DONE: FirstStartState = {
  registryLoads: 1,
  callsLoads: 1,
  demoAccounts: DEMO_ACCOUNTS.length,
  missions: 7,
  completed: true,
};

describe(`a first start stopped between steps, in process, on ${databaseKind} Postgres`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database.dispose());

  it('is finished by the next start: demo calls and accounts made, the registry loaded once', async () => {
    // What a start killed right after loading the registry leaves behind.
    await beginFirstStart(database.db, true);
    await seedRegistry(database.db, SYSTEM);
    expect(await stateOf(database.db)).toMatchObject({ registryLoads: 1, callsLoads: 0, demoAccounts: 0, completed: false });

    expect(await seedIfEmpty(database.db, { environment: 'development' })).toBe(false);
    expect(await stateOf(database.db)).toEqual(DONE);
    expect(await seedIfEmpty(database.db, { environment: 'development' })).toBe(false);
    expect(await stateOf(database.db)).toEqual(DONE);
  }, 900_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function env(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...extra };
  delete result.NODE_OPTIONS; // vitest's worker options are not the server's
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete result[key];
  return result;
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function serve(extra: Record<string, string | undefined>): Run {
  let output = '';
  const child = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exit };
}

/** A start that dies at the named step: it must be killed there, not finish or fail otherwise. */
async function crashAt(step: string, extra: Record<string, string | undefined>) {
  const run = serve({ ...extra, PORT: String(await freePort()), ORBITSHARE_TEST_CRASH_AFTER: step });
  const exited = await Promise.race([run.exit, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 450_000))]);
  if (exited === 'timeout') run.child.kill('SIGKILL');
  expect(exited, `server output:\n${run.output()}`).toEqual({ code: null, signal: 'SIGKILL' });
}

/** A normal start: every demo account signs in; then SIGTERM. */
async function startAndSignIn(extra: Record<string, string | undefined>) {
  const port = await freePort();
  const run = serve({ ...extra, PORT: String(port) });
  try {
    const deadline = Date.now() + 150_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      if (run.child.exitCode !== null || run.child.signalCode !== null) throw new Error(`the server exited:\n${run.output()}`);
      healthy = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (!healthy) await new Promise((r) => setTimeout(r, 250));
    }
    expect(healthy, `no answer from /api/health; server output:\n${run.output()}`).toBe(true);
    for (const demo of DEMO_ACCOUNTS) {
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: demo.email, password: DEMO_PASSWORD }),
      });
      expect(res.status, demo.email).toBe(200);
    }
  } finally {
    run.child.kill('SIGTERM');
    await run.exit;
  }
}

beforeAll(() => {
  // The crash runs use the built server and its starter image: build them when they are missing.
  if (existsSync(join(ROOT, 'dist/cli/main.js')) && existsSync(join(ROOT, 'dist/initial-db.tar.gz'))) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

describe('the built server killed with SIGKILL during its first start, embedded database', () => {
  let root: string;
  let dataDir: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'orbitshare-first-start-'));
    dataDir = join(root, 'data');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('resumes after a kill while unpacking and after a kill before the demo accounts', async () => {
    const embedded = { DATA_DIR: dataDir, DATABASE_URL: undefined };
    await crashAt('image-extracted', embedded);
    expect(existsSync(join(dataDir, UNPACKING_MARKER))).toBe(true); // the next start unpacks again
    await crashAt('image-unpacked', embedded);
    expect(existsSync(join(dataDir, UNPACKING_MARKER))).toBe(false);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    await startAndSignIn(embedded);

    const client = await PGlite.create({ dataDir });
    try {
      expect(await stateOf(wrapPglite(client).db)).toEqual(DONE);
    } finally {
      await client.close();
    }
  }, 1_200_000);
});

describe.runIf(process.env.DATABASE_URL)('the built server killed with SIGKILL during its first start, PostgreSQL', () => {
  const admin = () => new pg.Client({ connectionString: process.env.DATABASE_URL });
  const name = `orbitshare_first_start_${process.pid}`;
  let url = '';
  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
    await client.end();
    const u = new URL(process.env.DATABASE_URL ?? '');
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });

  it('resumes after a kill once the registry is loaded', async () => {
    await crashAt('registry', { DATABASE_URL: url });
    await crashAt('demo-calls', { DATABASE_URL: url });
    await startAndSignIn({ DATABASE_URL: url });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`select
        (select count(*)::int from audit_log where action = 'seed.loaded' and subject_id = 'seed.registry') as "registryLoads",
        (select count(*)::int from audit_log where action = 'seed.loaded' and subject_id = 'seed.calls') as "callsLoads",
        (select count(*)::int from accounts where email like '%@orbitshare.demo') as "demoAccounts",
        (select count(*)::int from missions) as missions,
        (select value ? 'completedAt' from installation_facts where key = 'first_start') as completed`);
      expect(rows[0]).toEqual(DONE);
    } finally {
      await client.end();
    }
  }, 1_200_000);
});
