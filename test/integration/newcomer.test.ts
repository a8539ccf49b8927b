// What a newcomer does first: build, `orbitshare serve` on an empty data folder, and it answers.
// Runs the BUILT server as a separate process with the embedded database (DATABASE_URL removed).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'bin/orbitshare.js');

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

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS; // vitest's worker options are not the newcomer's
  return env;
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

beforeAll(() => {
  if (existsSync(join(ROOT, 'dist/cli/main.js'))) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', env: cleanEnv({}) });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

describe('a newcomer starting the built server', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'orbitshare-newcomer-'));
  });

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a healthy API on an empty data folder, then stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [CLI, 'serve'], {
      cwd: ROOT,
      env: cleanEnv({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = exitOf(child);

    const deadline = Date.now() + 60_000;
    let body: unknown;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the server exited before answering (${child.exitCode ?? child.signalCode}):\n${output}`);
      }
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) {
          body = await response.json();
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(body, `no 200 from /api/health within 60 s; server output:\n${output}`).toMatchObject({
      status: 'ok',
      database: 'embedded',
    });

    child.kill('SIGTERM');
    const result = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000)),
    ]);
    expect(result, `server output:\n${output}`).toEqual({ code: 0, signal: null });
  }, 90_000);
});

describe('the CLI', () => {
  it('exits with code 2 and says why on an unknown command', () => {
    const result = spawnSync(process.execPath, [CLI, 'bogus'], { cwd: ROOT, encoding: 'utf8', env: cleanEnv({}) });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown command "bogus"/);
  });
});
