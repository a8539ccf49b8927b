#!/usr/bin/env node
// The `npm test` pre-step: browser tests drive Debian's Chromium at /usr/bin/chromium (no browser
// downloads on these machines). Installs it with apt when running as root; otherwise says how.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `ensure-chromium: ${CHROMIUM} is missing and the browser tests need it.\n` +
      "Install Debian's Chromium as root, then run the tests again:\n" +
      '  sudo apt-get update && sudo apt-get install -y chromium',
  );
  process.exit(1);
}

const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Wait for another apt/dpkg run (say, a parallel setup step) instead of failing on its lock.
const LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=600'];
function run(args) {
  console.log(`ensure-chromium: apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', [...LOCK_WAIT, ...args], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (result.error || result.status !== 0) {
    console.error(
      `ensure-chromium: apt-get ${args[args.length - 1]} failed (${result.error?.message ?? `exit ${result.status}`}).`,
    );
    process.exit(1);
  }
}

run(['update', '-qq']);
run(['install', '-y', '-qq', 'chromium']);
if (!existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: apt-get installed chromium but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
console.log(`ensure-chromium: installed ${CHROMIUM}`);
