#!/usr/bin/env node
// `npm run dev`: the API server from source under `tsx watch` (restarts on change) on PORT 3000, and
// Vite's dev server (hot reload, proxies /api to :3000, see vite.config.ts) on 5173, side by side.
// Ctrl-C (or SIGTERM) stops both; if either one exits, the other is stopped too.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const apiPort = '3000'; // vite.config.ts proxies /api here

const children = [];

function start(label, command, args, env) {
  // Each child leads its own process group, so that stopping it also stops what it started
  // (tsx watch runs the server as a grandchild).
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let rest = '';
    from.setEncoding('utf8');
    from.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) to.write(`[${label}] ${line}\n`);
    });
    from.on('end', () => rest && to.write(`[${label}] ${rest}\n`));
  }
  child.on('exit', (code, signal) => {
    child.exited = true;
    if (!stopping) {
      console.error(`[dev] ${label} exited (${signal ?? `code ${code}`}); stopping the rest.`);
      stop(code ?? 1);
    } else if (children.every((c) => c.exited)) {
      process.exit(exitCode);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
let exitCode = 0;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const child of children) {
    if (child.exited) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
  setTimeout(() => {
    for (const child of children) {
      if (child.exited) continue;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
    process.exit(exitCode);
  }, 5000).unref();
  if (children.every((c) => c.exited)) process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

start('api', bin('tsx'), ['watch', '--clear-screen=false', 'src/cli/dev-serve.ts'], {
  PORT: apiPort,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
});
start('web', bin('vite'), ['--strictPort'], {});
console.log(`[dev] API on http://localhost:${apiPort} (tsx watch), UI on http://localhost:5173 (Vite; /api is proxied)`);
