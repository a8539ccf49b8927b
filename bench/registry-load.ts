// Registry read load against a real PostgreSQL: the built server as a child process with the demo
// data (SEED_ON_EMPTY=true; a few hundred records are added over the API when the registry is
// empty), then autocannon, 50 connections, on two list endpoints. Targets: >= 2,000 req/s and
// p99 < 50 ms per endpoint. Prints figures, asserts nothing.
//   scripts/with-postgres.sh node --import tsx bench/registry-load.ts
// BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_LOG_LEVELS (default
// "info,warn": the server's default level, which logs every request, and warn).
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureBuilt, startServerProcess } from './support.js';

const TARGET_RPS = 2_000;
const TARGET_P99_MS = 50;
const ENDPOINTS = ['/api/institutions?pageSize=20', '/api/missions'];

const COUNTRIES = [
  ['FR', 'France'],
  ['DE', 'Germany'],
  ['JP', 'Japan'],
  ['IT', 'Italy'],
  ['US', 'United States'],
  ['IN', 'India'],
  ['CN', 'China'],
  ['BR', 'Brazil'],
  ['CA', 'Canada'],
  ['ES', 'Spain'],
] as const;
const INSTITUTION_KINDS = ['university', 'research_institute', 'space_agency', 'company', 'government'];
const TARGETS = ['moon', 'mars', 'earth_orbit', 'sun', 'asteroid'];

const TICKS_PER_MS = 100 / 1000; // Linux USER_HZ

/** CPU time (ms) used so far by one process, from /proc; undefined where /proc is not there. */
function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
  } catch {
    return undefined;
  }
}

/** CPU time (ms) used so far by all PostgreSQL server processes visible in /proc. */
function postgresCpuMs(): number | undefined {
  try {
    let sum = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (stat.includes('(postgres)')) sum += cpuMsOf(Number(entry)) ?? 0;
      } catch {}
    }
    return sum;
  } catch {
    return undefined;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Registry writes need an account that may make them: an administrator's API token, made in the
// bench database directly (the same helper the tests use).
let writeHeaders: Record<string, string> = {};

async function signInAdministrator(databaseUrl: string): Promise<void> {
  const { openPostgres } = await import('../src/db/connection.js');
  const { seedAdministrator } = await import('../test/support/accounts.js');
  const database = openPostgres(databaseUrl, 1);
  try {
    writeHeaders = (await seedAdministrator(database.db)).headers;
  } finally {
    await database.close();
  }
}

async function post(base: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...writeHeaders },
    body: JSON.stringify(body),
  });
  if (response.status !== 201 && response.status !== 409) {
    throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  }
  await response.body?.cancel();
}

async function total(base: string, path: string): Promise<number> {
  const response = await fetch(`${base}${path}?pageSize=1`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return ((await response.json()) as { total: number }).total;
}

/** Adds countries, 300 institutions and 60 missions when the demo data did not fill the registry. */
async function populate(base: string): Promise<void> {
  const institutions = await total(base, '/api/institutions');
  const missions = await total(base, '/api/missions');
  if (institutions >= 100 && missions >= 20) {
    console.log(`  registry holds ${institutions} institutions and ${missions} missions (demo data)`);
    return;
  }
  console.log(`  registry holds ${institutions} institutions and ${missions} missions: adding some over the API`);
  for (const [code, name] of COUNTRIES) await post(base, '/api/countries', { code, name });
  const jobs: (() => Promise<void>)[] = [];
  for (let i = 0; i < 300; i++) {
    const [code] = COUNTRIES[i % COUNTRIES.length]!;
    jobs.push(() =>
      post(base, '/api/institutions', {
        slug: `bench-institution-${i}`,
        name: `Bench Institute of Space Science ${i}`,
        kind: INSTITUTION_KINDS[i % INSTITUTION_KINDS.length],
        countryCode: code,
      }),
    );
  }
  for (let i = 0; i < 60; i++) {
    jobs.push(() =>
      post(base, '/api/missions', {
        slug: `bench-mission-${i}`,
        name: `Bench Mission ${i}`,
        targetBody: TARGETS[i % TARGETS.length],
        status: 'launched',
        launchYear: 1970 + (i % 50),
      }),
    );
  }
  // A few at a time, as a client would.
  for (let i = 0; i < jobs.length; i += 10) await Promise.all(jobs.slice(i, i + 10).map((job) => job()));
  console.log(`  now ${await total(base, '/api/institutions')} institutions, ${await total(base, '/api/missions')} missions`);
}

export async function registryLoad(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('registry-load: skipped, DATABASE_URL is not set (run it through scripts/with-postgres.sh)');
    return;
  }
  ensureBuilt();
  const duration = Number(process.env.BENCH_DURATION ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const levels = (process.env.BENCH_LOG_LEVELS ?? 'info,warn').split(',').filter(Boolean);

  const name = `orbitshare_bench_${randomBytes(4).toString('hex')}`;
  await admin(url, (c) => c.query(`create database ${name}`));
  const databaseUrl = withDatabase(url, name);
  try {
    for (const [round, level] of levels.entries()) {
      const server = await startServerProcess({ DATABASE_URL: databaseUrl, SEED_ON_EMPTY: 'true', LOG_LEVEL: level });
      try {
        if (round === 0) {
          await signInAdministrator(databaseUrl);
          await populate(server.url);
        }
        console.log(`LOG_LEVEL=${level}:`);
        for (const path of ENDPOINTS) {
          // A short warm-up (JIT, pool connections), then the measured run.
          await autocannon({ url: `${server.url}${path}`, connections, duration: 2 });
          const pid = server.child.pid!;
          const [serverBefore, pgBefore] = [cpuMsOf(pid), postgresCpuMs()];
          const r = await autocannon({ url: `${server.url}${path}`, connections, duration });
          const [serverAfter, pgAfter] = [cpuMsOf(pid), postgresCpuMs()];
          const rps = r.requests.average;
          const p99 = r.latency.p99;
          const ok = rps >= TARGET_RPS && p99 < TARGET_P99_MS ? 'meets' : 'MISSES';
          // CPU per request does not depend on what else the machine is doing, unlike req/s.
          const perRequest = (before?: number, after?: number) =>
            before === undefined || after === undefined ? '?' : ((after - before) / r.requests.total).toFixed(2);
          console.log(
            `  GET ${path}: ${Math.round(rps)} req/s, p50 ${r.latency.p50} ms, p99 ${p99} ms` +
              `${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ''}` +
              ` (target >= ${TARGET_RPS} req/s, p99 < ${TARGET_P99_MS} ms: ${ok}); CPU per request: ` +
              `server ${perRequest(serverBefore, serverAfter)} ms, PostgreSQL ${perRequest(pgBefore, pgAfter)} ms`,
          );
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await admin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('registry-load: list endpoints under load, built server on PostgreSQL');
  await registryLoad();
}
