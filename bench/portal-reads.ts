// Public portal reads under an announcement spike, against a real PostgreSQL: the built server as a
// child process with the demo data (SEED_ON_EMPTY=true, LOG_LEVEL=warn), and beside it a bare Fastify
// "hello" route in a child process of its own, measured in the same run with the same autocannon
// settings (50 connections). Prints req/s and p50/p99 for the home page's API, a program page's API
// and the bare route, and each portal figure as a share of the bare route's req/s.
// Targets: >= 50 % of the bare route's req/s, p99 < 20 ms. Prints figures, asserts nothing.
//   npm run build && scripts/with-postgres.sh node --import tsx bench/portal-reads.ts
// BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50), BENCH_CPU_PROF (a directory: the
// portal server runs with --cpu-prof and writes its profile there when it stops).
// Also prints the machine's load before and after, and the CPU time per request of each server, of
// PostgreSQL (this cluster's processes) and of autocannon: unlike req/s, it hardly moves with the load
// of a shared machine, so the CPU share of the bare route is the steadier comparison.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  clusterCpuMs,
  cpuMsBetween,
  ensureBuilt,
  freePort,
  machineLoad,
  parentPid,
  processCpuMs,
  ROOT,
  startServerProcess,
} from './support.js';

const TARGET_SHARE = 0.5;
const TARGET_P99_MS = 20;

const HELLO_SERVER = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
`;

async function startHello(): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--input-type=module', '-e', HELLO_SERVER], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    try {
      const response = await fetch(`${url}/hello`);
      await response.body?.cancel();
      if (response.ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, statement: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL cluster's main process: the parent of a backend, asked while that backend lives. */
async function postmasterPid(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return parentPid(Number((await client.query('select pg_backend_pid() as pid')).rows[0].pid));
  } finally {
    await client.end();
  }
}

interface Figure {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU ms per request: the server that answered, PostgreSQL, and autocannon (this process). */
  cpu: { server?: number; postgres?: number; client: number };
}

interface Target {
  label: string;
  url: string;
  pid: number;
  headers?: Record<string, string>;
}

async function measure(target: Target, postmaster: number | undefined, connections: number, duration: number): Promise<Figure> {
  const { url, headers } = target;
  await autocannon({ url, headers, connections, duration: 2 }); // warm-up: JIT, pool connections, the cache
  const postgresBefore = postmaster ? clusterCpuMs(postmaster) : undefined;
  const before = { server: processCpuMs(target.pid), client: process.cpuUsage() };
  const r = await autocannon({ url, headers, connections, duration });
  const client = process.cpuUsage(before.client);
  const serverAfter = processCpuMs(target.pid);
  const postgres = postgresBefore && postmaster ? cpuMsBetween(postgresBefore, clusterCpuMs(postmaster)) : undefined;
  const total = r.requests.total || 1;
  const perRequest = (x?: number, y?: number) => (x === undefined || y === undefined ? undefined : (y - x) / total);
  // 304s are 3xx, which autocannon counts as non-2xx: only failures are counted for those runs.
  const failures = r.errors + (headers?.['if-none-match'] ? r.non2xx - r['3xx'] : r.non2xx);
  return {
    label: target.label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures,
    cpu: {
      server: perRequest(before.server, serverAfter),
      postgres: postgres === undefined ? undefined : postgres / total,
      client: (client.user + client.system) / 1000 / total,
    },
  };
}

/**
 * Waits until the demo data has settled: the seed's one-off jobs (the station call and its decision
 * letters, rendered as PDFs, run for a minute or so after a first start) are done and the public data
 * version has not moved for 3 s. Measured earlier, each of their writes empties the cache and their
 * PDF rendering takes the server's CPU, so the figures would be of the seed, not of the portal.
 */
async function waitForQuiet(databaseUrl: string, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let last = -1;
    let stableSince = performance.now();
    while (performance.now() - started < timeoutMs) {
      const { rows } = await client.query(
        `select (select version from public_data_version) as version,
                (select count(*) from jobs where kind like 'seed.%' and status in ('queued', 'running'))::int as pending`,
      );
      const { version, pending } = rows[0] as { version: string; pending: number };
      if (Number(version) !== last) [last, stableSince] = [Number(version), performance.now()];
      if (pending === 0 && performance.now() - stableSince >= 3_000) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
  return performance.now() - started;
}

const ms = (x: number | undefined) => (x === undefined ? '?' : x.toFixed(3));

export async function portalReads(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('portal-reads: skipped, DATABASE_URL is not set (run it through scripts/with-postgres.sh)');
    return;
  }
  ensureBuilt();
  const duration = Number(process.env.BENCH_DURATION ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const name = `orbitshare_bench_${randomBytes(4).toString('hex')}`;
  await admin(url, `create database ${name}`);
  const postmaster = await postmasterPid(url);
  const profileDir = process.env.BENCH_CPU_PROF;
  const databaseUrl = withDatabase(url, name);
  const server = await startServerProcess(
    { DATABASE_URL: databaseUrl, SEED_ON_EMPTY: 'true', LOG_LEVEL: 'warn' },
    600_000, // seeding PostgreSQL takes minutes on a busy machine
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const hello = await startHello();
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    const programs = (await (await fetch(`${server.url}/api/portal/programs`)).json()) as {
      items: { slug: string; counts: { projects: number } }[];
    };
    const program = [...programs.items].sort((x, y) => y.counts.projects - x.counts.projects)[0]!.slug;
    const home = `${server.url}/api/portal/summary`;
    const homeEtag = (await fetch(home)).headers.get('etag') ?? '';
    const waited = await waitForQuiet(databaseUrl);
    console.log(`portal-reads: ${connections} connections, ${duration} s each, PostgreSQL; program page: ${program}`);
    console.log(`  waited ${(waited / 1000).toFixed(1)} s for the demo seed's jobs to finish`);
    console.log(`  before: ${machineLoad()}`);
    const portalPid = server.child.pid!;
    const targets: Target[] = [
      { label: 'bare Fastify GET /hello', url: `${hello.url}/hello`, pid: hello.pid },
      { label: 'GET /api/portal/summary (home)', url: home, pid: portalPid },
      { label: `GET /api/portal/programs/${program}`, url: `${server.url}/api/portal/programs/${program}`, pid: portalPid },
      // A browser coming back: the same answer revalidated with its ETag.
      {
        label: 'GET /api/portal/summary, If-None-Match (304)',
        url: home,
        pid: portalPid,
        headers: { 'if-none-match': homeEtag },
      },
      // The bare route again at the end: the machine's load may have moved during the run.
      { label: 'bare Fastify GET /hello (again)', url: `${hello.url}/hello`, pid: hello.pid },
    ];
    const figures: Figure[] = [];
    for (const target of targets) figures.push(await measure(target, postmaster, connections, duration));
    const bare = figures.filter((f) => f.label.startsWith('bare'));
    const bareRps = (bare[0]!.rps + bare[1]!.rps) / 2;
    const bareCpu = (bare[0]!.cpu.server! + bare[1]!.cpu.server!) / 2;
    for (const f of figures) {
      const share = f.rps / bareRps;
      const portal = !f.label.startsWith('bare');
      const verdict = share >= TARGET_SHARE && f.p99 < TARGET_P99_MS ? 'meets' : 'MISSES';
      console.log(
        `  ${f.label}: ${Math.round(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms` +
          (f.failures ? `, ${f.failures} failures` : '') +
          (portal
            ? ` — ${(share * 100).toFixed(0)} % of the bare route (target >= 50 %, p99 < ${TARGET_P99_MS} ms: ${verdict})`
            : ''),
      );
      console.log(
        `      CPU per request: server ${ms(f.cpu.server)} ms` +
          (portal && f.cpu.server ? ` (bare route's is ${((bareCpu / f.cpu.server) * 100).toFixed(0)} % of it)` : '') +
          `, PostgreSQL ${ms(f.cpu.postgres)} ms, autocannon ${ms(f.cpu.client)} ms`,
      );
    }
    const cpu = process.cpuUsage(cpuStart);
    console.log(
      `  after: ${machineLoad()}; bench wall ${((performance.now() - wallStart) / 1000).toFixed(1)} s, ` +
        `bench CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
    );
  } finally {
    await hello.stop();
    await server.stop();
    await admin(url, `drop database if exists ${name} with (force)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await portalReads();
