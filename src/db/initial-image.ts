import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { SYSTEM } from '../services/actor.js';
import { seedDemoAgreements } from '../services/seed/demo-agreements.js';
import { seedDemoCalls } from '../services/seed/demo-calls.js';
import { seedDemoCustody } from '../services/seed/demo-custody.js';
import { seedDemoReview } from '../services/seed/demo-review.js';
import { seedDemoSelection } from '../services/seed/demo-selection.js';
import { seedDemoStation } from '../services/seed/demo-station.js';
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
    // Paid here, at build time, not at first start: the review demo runs every use case (~20 s).
    await seedDemoReview(database.db);
    // The selection demo decides three calls from the review demo's panels and makes their letters.
    await seedDemoSelection(database.db);
    // The China Space Station first cycle: two review stages, then selection (demo-station.ts).
    await seedDemoStation(database.db);
    await seedDemoAgreements(database.db);
    // The custody of the Chang'e-5 loans and gifts, through the custody use cases (demo-custody.ts).
    await seedDemoCustody(database.db);
    const blob = await client.dumpDataDir('gzip');
    const bytes = Buffer.from(await blob.arrayBuffer());
    writeFileSync(target, bytes);
    return bytes.length;
  } finally {
    await client.close();
  }
}

/** Present in DATA_DIR while the image is being unpacked into it: a start killed then left it half-written. */
export const UNPACKING_MARKER = '.orbitshare-unpacking';

/** Opens DATA_DIR; an empty one is filled from the image when the build made one (and it is wanted). */
export async function openEmbeddedFromImage(dataDir: string, useImage = true): Promise<Database & { createdFromImage: boolean }> {
  const marker = join(dataDir, UNPACKING_MARKER);
  // The marker is written before the first file of the image and removed once the database has
  // opened on it: a data folder that still has it was left by an unpack killed half way, and holds
  // nothing worth keeping. (Unpacking in place, not beside and renamed, boots the database once.)
  if (existsSync(marker)) rmSync(dataDir, { recursive: true, force: true });
  const empty = !existsSync(join(dataDir, 'PG_VERSION'));
  if (useImage && empty && existsSync(INITIAL_IMAGE)) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(marker, 'unpacking the starter database; a start that finds this file unpacks it again\n');
    const client = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(INITIAL_IMAGE)]) });
    firstStartCheckpoint('image-extracted');
    rmSync(marker);
    firstStartCheckpoint('image-unpacked');
    return { ...wrapPglite(client), createdFromImage: true };
  }
  const client = await PGlite.create({ dataDir });
  return { ...wrapPglite(client), createdFromImage: false };
}
