import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseFactory } from '../../src/cli/database.js';
import { EXIT } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { type TestDatabase, testDatabase } from '../support/db.js';

/** Runs the CLI, capturing what it prints. Without a database, any attempt to open one fails the test. */
async function cli(args: string[], database?: TestDatabase) {
  const restore = setDatabaseFactory(async () => {
    if (!database) throw new Error('this command should not have opened the database');
    return { ...database, close: async () => {} };
  });
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    restore();
  }
}

describe('CLI arguments', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orbitshare-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['seed', '--bogus'], /Unknown option '--bogus'/],
    [['seed', 'now'], /unexpected argument "now"/],
    [['export', '--format', 'xml'], /--format must be one of: json, csv \(got "xml"\)/],
    [['export', '--resource', 'planets'], /unknown resource "planets"; use one of: countries, /],
    [['export', '--format', 'csv'], /needs --out DIRECTORY/],
    [['export', '--out'], /--out/],
    [['export', 'extra'], /unexpected argument "extra"/],
    [['import'], /which file\?/],
    [['import', 'a.json', 'b.json'], /one file at a time/],
    [['import', '/nonexistent/registry.json'], /no such file or directory/],
    [['import', 'x.json', '--format', 'yaml'], /--format must be one of: json, csv/],
    [['import', 'x.json', '--dry-run=yes'], /--dry-run/],
    [['migrate', '--force'], /Unknown option '--force'/],
    [['launch'], /unknown command "launch"/],
  ])('%j exits 2 with a message on stderr', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('cannot tell the resource of a CSV file with a foreign name', async () => {
    const file = join(dir, 'stuff.csv');
    writeFileSync(file, 'id\n');
    const result = await cli(['import', file]);
    expect(result).toMatchObject({ code: EXIT.usage });
    expect(result.stderr).toMatch(/name the file NAME\.csv or give --resource NAME/);
  });

  it('reports a file that is not JSON as a failure (exit 1)', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ not json');
    const result = await cli(['import', file]);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toMatch(/is not valid JSON/);
  });

  it.each([['seed'], ['export'], ['import'], ['migrate'], ['serve']])('%s --help prints usage and exits 0', async (name) => {
    const result = await cli([name, '--help']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain(`Usage: orbitshare ${name}`);
  });

  it('lists the new commands in the general help', async () => {
    const result = await cli(['--help']);
    expect(result.stdout).toMatch(/seed .*\n.*export .*\n.*import <file>/);
  });
});

describe('orbitshare seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(() => database.dispose());

  it('rehearses, loads, then has nothing to do', async () => {
    const rehearsal = await cli(['seed', '--dry-run'], database);
    expect(rehearsal).toMatchObject({ code: 0, stderr: '' });
    expect(rehearsal.stdout).toMatch(
      /^dry run: would load demo data version 1: 249 countries, .*40 projects; nothing was written$/,
    );

    const loaded = await cli(['seed'], database);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toMatch(/^loaded demo data version 1: 249 countries, 5 organisations, /);

    const again = await cli(['seed'], database);
    expect(again).toMatchObject({ code: 0, stdout: 'demo data version 1 is already loaded; nothing to do' });
  });

  it('reports a domain refusal on import as a failure naming the field', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orbitshare-cli-')), 'institutions.csv');
    writeFileSync(file, 'slug,name,kind,countryCode,rorId\nsome-lab,Some Lab,research_institute,FR,0abcdefgh\n');
    const result = await cli(['import', file], database);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toMatch(/institutions\[0\]\.rorId: "0abcdefgh" is not a valid ROR id/);
  });
});
