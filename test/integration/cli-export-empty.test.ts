import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseFactory } from '../../src/cli/database.js';
import { EXIT } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { type TestDatabase, testDatabase } from '../support/db.js';

// `orbitshare export` must not print an empty registry as if it were a result, nor create a database
// where there was none: both say what is wrong and exit non-zero.

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    return { code: await main(args), stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('orbitshare export without data', () => {
  let empty: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    empty = await testDatabase(); // migrated, no records
    dir = mkdtempSync(join(tmpdir(), 'orbitshare-export-'));
  });
  afterAll(async () => {
    await empty.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the database is empty and exits 1', async () => {
    const restore = setDatabaseFactory(async () => ({ ...empty, close: async () => {} }));
    try {
      const result = await run(['export']);
      expect(result.code).toBe(EXIT.failure);
      expect(result.stderr).toMatch(/the database is empty/);
      expect(result.stdout).toBe('');
    } finally {
      restore();
    }
  });

  it('says there is no database in a missing DATA_DIR, exits 1, and creates nothing there', async () => {
    const missing = join(dir, 'nowhere');
    vi.stubEnv('DATA_DIR', missing);
    vi.stubEnv('DATABASE_URL', undefined);
    try {
      const result = await run(['export']);
      expect(result.code).toBe(EXIT.failure);
      expect(result.stderr).toContain(`no database in DATA_DIR ${missing}`);
      expect(existsSync(missing)).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
