import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

// Runs once before the test workers start: the browser tests serve dist/web, so a missing or stale
// build of the UI is rebuilt here, never by two workers at once.

const WEB_SRC = fileURLToPath(new URL('../src/web/', import.meta.url));
const WEB_INDEX = fileURLToPath(new URL('../dist/web/index.html', import.meta.url));

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this run: a PostgreSQL template made by an earlier run is rebuilt (support/demo-db.ts). */
    testRunId: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide('testRunId', randomUUID());
  if (!existsSync(WEB_INDEX) || statSync(WEB_INDEX).mtimeMs < newestChange(WEB_SRC)) {
    execSync('npx vite build', { stdio: 'inherit' });
  }
}
