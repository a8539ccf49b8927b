// A flood of sign-ins against the built server (embedded database, demo accounts): how /api/health
// answers while ~100 sign-ins/s (BENCH_SIGN_INS_PER_S) arrive, with the password-hashing cap off
// (PASSWORD_HASHING_CONCURRENCY=0, the "before") and at its default (the "after"). Each sign-in
// uses the right password of a demo account, so every one reaches argon2 (wrong ones would be
// refused by the throttles before hashing, which is not what is measured here). Prints the health
// latency alone and under the flood, and what the sign-ins got; asserts nothing.
//   npm run build && node --import tsx bench/sign-in-flood.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { ensureBuilt, startServerProcess } from './support.js';

const RATE = Number(process.env.BENCH_SIGN_INS_PER_S ?? 100);
const SECONDS = Number(process.env.BENCH_DURATION ?? 15);
const HEALTH_RATE = 20; // probes per second, a monitor's pace

interface Figures {
  healthP50: number;
  healthP99: number;
  healthMax: number;
  healthErrors: number;
  signInsPerS: number;
  signIn2xx: number;
  signIn429: number;
  signInP99: number;
}

function healthProbe(url: string, duration: number) {
  return autocannon({ url: `${url}/api/health`, connections: 2, overallRate: HEALTH_RATE, duration, timeout: 30 });
}

async function measure(label: string, env: Record<string, string>): Promise<{ alone: Figures; flood: Figures }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orbitshare-flood-'));
  const server = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env });
  try {
    const quiet = await healthProbe(server.url, 5);
    const flood = autocannon({
      url: `${server.url}/api/auth/sign-in`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'applicant@orbitshare.demo', password: 'orbitshare-demo' }),
      connections: 50,
      overallRate: RATE,
      duration: SECONDS,
      timeout: 30,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // let the flood build up first
    const busy = await healthProbe(server.url, SECONDS - 3);
    const signIns = await flood;
    const figures = (health: Result, signIn?: Result): Figures => ({
      healthP50: health.latency.p50,
      healthP99: health.latency.p99,
      healthMax: health.latency.max,
      healthErrors: health.errors + health.timeouts + health.non2xx,
      signInsPerS: signIn ? signIn.requests.total / signIn.duration : 0,
      signIn2xx: signIn ? signIn['2xx'] : 0,
      signIn429: signIn ? (signIn.statusCodeStats?.['429']?.count ?? 0) : 0,
      signInP99: signIn ? signIn.latency.p99 : 0,
    });
    const result = { alone: figures(quiet), flood: figures(busy, signIns) };
    const f = result.flood;
    console.log(
      `${label.padEnd(28)} health alone p50 ${result.alone.healthP50} ms, p99 ${result.alone.healthP99} ms | under ` +
        `${f.signInsPerS.toFixed(0)} sign-ins/s: health p50 ${f.healthP50} ms, p99 ${f.healthP99} ms, max ${f.healthMax} ms, ` +
        `failed ${f.healthErrors}; sign-ins 2xx ${f.signIn2xx}, 429 ${f.signIn429}, p99 ${f.signInP99} ms`,
    );
    return result;
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
