// Public portal reads under an announcement spike, against a real PostgreSQL: the built server as a
// child process with the demo data (SEED_ON_EMPTY=true, LOG_LEVEL=warn), and beside it a bare Fastify
// "hello" route in a child process of its own, measured in the same run with the same autocannon
// settings (50 connections). Prints req/s and p50/p99 for the home page's API, a program page's API
// and the bare route, and each portal figure as a share of the bare route's req/s.
// Targets: >= 50 % of the bare route's req/s, p99 < 20 ms. Prints figures, asserts nothing.
//   npm run build && scripts/with-postgres.sh node --import tsx bench/portal-reads.ts
// BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureBuilt, freePort, ROOT, startServerProcess } from './support.js';

const TARGET_SHARE = 0.5;
const TARGET_P99_MS = 20;

const HELLO_SERVER = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
`;

async function startHello(): Promise<{ url: string; stop: () => Promise<void> }> {
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

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
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
}

async function measure(label: string, url: string, connections: number, duration: number): Promise<Figure> {
  await autocannon({ url, connections, duration: 2 }); // warm-up: JIT, pool connections, the cache
  const r = await autocannon({ url, connections, duration });
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failures: r.non2xx + r.errors };
}

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
  const server = await startServerProcess({ DATABASE_URL: withDatabase(url, name), SEED_ON_EMPTY: 'true', LOG_LEVEL: 'warn' });
  const hello = await startHello();
  try {
    const programs = (await (await fetch(`${server.url}/api/portal/programs`)).json()) as {
      items: { slug: string; counts: { projects: number } }[];
    };
    const program = [...programs.items].sort((x, y) => y.counts.projects - x.counts.projects)[0]!.slug;
    console.log(`portal-reads: ${connections} connections, ${duration} s each, PostgreSQL; program page: ${program}`);
    const figures: Figure[] = [];
    figures.push(await measure('bare Fastify GET /hello', `${hello.url}/hello`, connections, duration));
    figures.push(await measure('GET /api/portal/summary (home)', `${server.url}/api/portal/summary`, connections, duration));
    figures.push(
      await measure(`GET /api/portal/programs/${program}`, `${server.url}/api/portal/programs/${program}`, connections, duration),
    );
    // The bare route again at the end: the machine's load may have moved during the run.
    figures.push(await measure('bare Fastify GET /hello (again)', `${hello.url}/hello`, connections, duration));
    const bare = (figures[0]!.rps + figures[3]!.rps) / 2;
    for (const f of figures) {
      const share = f.rps / bare;
      const portal = !f.label.startsWith('bare');
      const verdict = share >= TARGET_SHARE && f.p99 < TARGET_P99_MS ? 'meets' : 'MISSES';
      console.log(
        `  ${f.label}: ${Math.round(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms` +
          (f.failures ? `, ${f.failures} failures` : '') +
          (portal
            ? ` — ${(share * 100).toFixed(0)} % of the bare route (target >= 50 %, p99 < ${TARGET_P99_MS} ms: ${verdict})`
            : ''),
      );
    }
  } finally {
    await hello.stop();
    await server.stop();
    await admin(url, `drop database if exists ${name} with (force)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await portalReads();
