import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { SYSTEM } from '../services/actor.js';
import { seedDemoCalls } from '../services/seed/demo-calls.js';
import { beginFirstStart, firstStartCheckpoint } from '../services/seed/first-start.js';
import { seedRegistry } from '../services/seed/load-seed.js';
import { type Database, wrapPglite } from './connection.js';
import { migrate } from './migrate.js';

/**
 * A migrated embedded database with the demo registry loaded, made once by `npm run build`. A first
 * start on an empty DATA_DIR unpacks it instead of creating a cluster, migrating and loading the
 * demo data one record at a time, which takes several times longer (bench/cold-start.ts). It holds
 * no accounts that can sign in: demo accounts are made at first start, and never in production; the
 * demo calls' applications are owned by disabled accounts without a password (seed/demo-calls.ts).
 */
export const INITIAL_IMAGE = new URL('../../dist/initial-db.tar.gz', import.meta.url);

export async function buildInitialImage(target: URL = INITIAL_IMAGE): Promise<number> {
  const client = await PGlite.create();
  try {
    const database = wrapPglite(client);
    await migrate(database);
    // The image is only unpacked for a demo instance; its first start (seedIfEmpty) resumes this
    // plan and creates the demo accounts, which the image never holds.
    await beginFirstStart(database.db, true);
    await seedRegistry(database.db, SYSTEM);
    await seedDemoCalls(database.db, SYSTEM);
    const blob = await client.dumpDataDir('gzip');
    const bytes = Buffer.from(await blob.arrayBuffer());
    writeFileSync(target, bytes);
    return bytes.length;
  } finally {
    await client.close();
  }
}

/**
 * Unpacks the image beside DATA_DIR, then renames it into place: a start killed half way leaves
 * only the staging directory (cleared by the next attempt), never a half-written DATA_DIR that the
 * next start would take for a database.
 */
async function unpackImage(dataDir: string): Promise<void> {
  const target = resolve(dataDir);
  const staging = `${target}.unpacking`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  const client = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([readFileSync(INITIAL_IMAGE)]) });
  await client.close();
  firstStartCheckpoint('image-extracted');
  rmSync(target, { recursive: true, force: true }); // empty, or left by an older version's failed start
  renameSync(staging, target);
  firstStartCheckpoint('image-unpacked');
}

/** Opens DATA_DIR; an empty one is filled from the image when the build made one (and it is wanted). */
export async function openEmbeddedFromImage(dataDir: string, useImage = true): Promise<Database & { createdFromImage: boolean }> {
  const empty = !existsSync(join(dataDir, 'PG_VERSION'));
  const fromImage = useImage && empty && existsSync(INITIAL_IMAGE);
  if (fromImage) await unpackImage(dataDir);
  const client = await PGlite.create({ dataDir });
  return { ...wrapPglite(client), createdFromImage: fromImage };
}
