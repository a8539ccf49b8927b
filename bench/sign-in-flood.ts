// A flood of sign-ins against the built server (embedded database): how /api/health answers while
// ~100 sign-ins/s (BENCH_SIGN_INS_PER_S) arrive, with the password-hashing cap off
// (PASSWORD_HASHING_CONCURRENCY=0, the "before") and at its default (the "after").
// The flood is a password spray from many addresses (TRUST_PROXY=loopback, a new X-Forwarded-For
// and a new e-mail each time), so no throttle refuses it before argon2: every sign-in costs a hash
// (unknown e-mails are verified against a dummy hash), which is what the cap is about.
// Health is probed 20 times a second on a fixed schedule whether or not earlier probes answered,
// and every probe is awaited, so a starved server shows its full delay. Prints figures, asserts nothing.
//   npm run build && node --import tsx bench/sign-in-flood.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type RequestParams } from 'autocannon';
import { ensureBuilt, startServerProcess } from './support.js';

const RATE = Number(process.env.BENCH_SIGN_INS_PER_S ?? 100);
const SECONDS = Number(process.env.BENCH_DURATION ?? 15);
const PROBES_PER_S = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function probeHealth(url: string, seconds: number) {
  const latencies: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const probe = async () => {
    const start = performance.now();
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      if (response.status === 200) latencies.push(performance.now() - start);
      else failed++;
    } catch {
      failed++;
    }
  };
  const timer = setInterval(() => pending.push(probe()), 1000 / PROBES_PER_S);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearInterval(timer);
  await Promise.all(pending);
  const sorted = latencies.sort((a, b) => a - b);
  const ms = (v: number | undefined) => Math.round(v ?? Number.NaN);
  return { p50: ms(percentile(sorted, 50)), p99: ms(percentile(sorted, 99)), max: ms(sorted.at(-1)), failed };
}

let sprayed = 0;
function spraySignIn(request: RequestParams): RequestParams {
  const n = ++sprayed;
  return {
    ...request,
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    },
    body: JSON.stringify({ email: `sprayed-${n}@example.org`, password: 'Summer2025-guess' }),
  };
}

async function measure(label: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'orbitshare-flood-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'loopback',
    SEED_ON_EMPTY: 'false',
    ...env,
  });
  try {
    const alone = await probeHealth(server.url, 5);
    const flood = autocannon({
      url: server.url,
      requests: [{ method: 'POST', path: '/api/auth/sign-in', setupRequest: spraySignIn }],
      connections: 100,
      overallRate: RATE,
      duration: SECONDS,
      timeout: 60,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // let the flood build up first
    const busy = await probeHealth(server.url, SECONDS - 4);
    const signIns = await flood;
    const codes = signIns.statusCodeStats ?? {};
    console.log(
      `${label.padEnd(26)} health alone: p50 ${alone.p50} ms, p99 ${alone.p99} ms | under ` +
        `${(signIns.requests.total / signIns.duration).toFixed(0)} sign-ins/s: health p50 ${busy.p50} ms, p99 ${busy.p99} ms, ` +
        `max ${busy.max} ms, failed ${busy.failed} | sign-ins: 401 ${codes['401']?.count ?? 0}, 429 ${codes['429']?.count ?? 0}, ` +
        `errors ${signIns.errors + signIns.timeouts}, p50 ${signIns.latency.p50} ms, p99 ${signIns.latency.p99} ms`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

ensureBuilt();
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
await measure('before (hashing cap off)', { PASSWORD_HASHING_CONCURRENCY: '0' });
await measure('after (default cap)', {});
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
