import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseFactory } from '../../src/cli/database.js';
import { main } from '../../src/cli/main.js';
import * as t from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { setArchived } from '../../src/services/registry/archive-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { updateRecord } from '../../src/services/registry/update-record.js';
import { seedRegistry } from '../../src/services/seed/load-seed.js';
import { exportRegistry, type RegistryExport } from '../../src/services/transfer/export-registry.js';
import { importRegistry } from '../../src/services/transfer/import-registry.js';
import { type TestDatabase, testDatabase } from '../support/db.js';

type Row = Record<string, unknown>;

/** A record as it should survive a round trip: timestamps are the importer's, archived-ness is kept. */
function comparable(records: Record<string, Row[]>) {
  const out: Record<string, Row[]> = {};
  for (const [name, rows] of Object.entries(records)) {
    const idField = RESOURCE_BY_NAME.get(name)!.idField;
    out[name] = rows
      .map(({ createdAt: _c, updatedAt: _u, archivedAt, ...rest }): Row => ({ ...rest, archived: archivedAt != null }))
      .sort((a, b) => String(a[idField]).localeCompare(String(b[idField])));
  }
  return out;
}

const counts = (document: RegistryExport) =>
  Object.fromEntries(Object.entries(document.resources).map(([name, rows]) => [name, rows.length]));

/** Runs the CLI against `database`, capturing what it prints. */
async function cli(database: TestDatabase, args: string[]) {
  const restore = setDatabaseFactory(async () => ({ ...database, close: async () => {} }));
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

describe('export and import', () => {
  let source: TestDatabase;
  let original: RegistryExport;
  let dir: string;
  const targets: TestDatabase[] = [];
  const fresh = async () => {
    const database = await testDatabase();
    targets.push(database);
    return database;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orbitshare-transfer-'));
    source = await testDatabase();
    await seedRegistry(source.db, SYSTEM);
    // Some history worth carrying over: an archived record and an edited one.
    const institutions = RESOURCE_BY_NAME.get('institutions')!;
    const [iloa] = await source.db.select().from(t.institutions).where(eq(t.institutions.slug, 'iloa'));
    await setArchived(source.db, SYSTEM, institutions, iloa!.id, true);
    const [rover] = await source.db.select().from(t.projects).where(eq(t.projects.title, 'Pakistani lunar rover'));
    await updateRecord(source.db, SYSTEM, RESOURCE_BY_NAME.get('projects')!, rover!.id, { massG: 30000 });
    original = await exportRegistry(source.db, SYSTEM);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all([source, ...targets].map((d) => d.dispose()));
  });

  it('exports every resource, archived records included', () => {
    expect(counts(original)).toMatchObject({ countries: 249, missions: 7, programs: 9, projects: 40, people: 0 });
    const iloa = original.resources.institutions!.find((i) => i.slug === 'iloa');
    expect(iloa?.archivedAt).toBeTruthy();
  });

  it('round-trips through JSON into a fresh database, then finds nothing to change', async () => {
    const target = await fresh();
    const report = await importRegistry(target.db, SYSTEM, original.resources);
    expect(report.created).toHaveLength(Object.values(counts(original)).reduce((a, b) => a + b, 0));
    const copy = await exportRegistry(target.db, SYSTEM);
    expect(counts(copy)).toEqual(counts(original));
    expect(comparable(copy.resources)).toEqual(comparable(original.resources));

    const again = await importRegistry(target.db, SYSTEM, original.resources);
    expect(again.created).toHaveLength(0);
    expect(again.updated).toHaveLength(0);
  });

  it('updates a changed record by id and rehearses with dryRun without writing', async () => {
    const target = await fresh();
    await importRegistry(target.db, SYSTEM, original.resources);
    const programs = structuredClone(original.resources.programs!);
    const ilrs = programs.find((p) => p.slug === 'ilrs')!;
    ilrs.status = 'completed';
    const rehearsal = await importRegistry(target.db, SYSTEM, { programs }, { dryRun: true });
    expect(rehearsal.updated).toEqual([{ resource: 'programs', id: ilrs.id, fields: ['status'] }]);
    const [stillRunning] = await target.db.select().from(t.programs).where(eq(t.programs.slug, 'ilrs'));
    expect(stillRunning?.status).toBe('running');
    await importRegistry(target.db, SYSTEM, { programs });
    const [done] = await target.db.select().from(t.programs).where(eq(t.programs.slug, 'ilrs'));
    expect(done?.status).toBe('completed');
  });

  it('refuses an import that breaks a domain rule and writes nothing', async () => {
    const target = await fresh();
    const resources = structuredClone(original.resources);
    const project = resources.projects!.find((p) => (p.participants as unknown[]).length === 2)!;
    (project.participants as { role: string }[])[1]!.role = 'lead';
    const error = await importRegistry(target.db, SYSTEM, resources).then(
      () => new Error('the import was accepted'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toMatch(/projects\[\d+\]\.participants: A project has exactly one lead institution; 2 were given/);
    const [row] = await target.db.select().from(t.countries).limit(1);
    expect(row).toBeUndefined();
  });

  it('round-trips through the CLI as JSON and as CSV', async () => {
    const json = join(dir, 'registry.json');
    const exported = await cli(source, ['export', '--out', json]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(readFileSync(json, 'utf8')).resources.countries).toHaveLength(249);

    const viaJson = await fresh();
    const imported = await cli(viaJson, ['import', json]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('updated 0, left 0 unchanged');

    const csvDir = join(dir, 'csv');
    expect((await cli(source, ['export', '--format', 'csv', '--out', csvDir])).code).toBe(0);
    expect(readFileSync(join(csvDir, 'projects.csv'), 'utf8').split('\r\n')[0]).toMatch(/^id,programId,title,/);
    const viaCsv = await fresh();
    const rehearsal = await cli(viaCsv, ['import', csvDir, '--dry-run']);
    expect(rehearsal.stdout).toContain('dry run: would have created');
    expect((await exportRegistry(viaCsv.db, SYSTEM)).resources.countries).toHaveLength(0);
    expect((await cli(viaCsv, ['import', csvDir])).code).toBe(0);

    for (const target of [viaJson, viaCsv]) {
      const copy = await exportRegistry(target.db, SYSTEM);
      expect(comparable(copy.resources)).toEqual(comparable(original.resources));
    }
  });

  it('exports and imports one resource as CSV', async () => {
    const file = join(dir, 'missions-only.csv');
    const exported = await cli(source, ['export', '--format', 'csv', '--resource', 'missions', '--out', file]);
    expect(exported.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.trim().split('\r\n')).toHaveLength(8);
    writeFileSync(file, text.replace('Tiangong; the launch date', 'Tiangong station; the launch date'));
    const result = await cli(source, ['import', file, '--resource', 'missions']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/updated 1, left 6 unchanged/);
    expect(result.stdout).toMatch(/updated missions\/[0-9a-f-]+: summary/);
  });
});
