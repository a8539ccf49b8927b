import { existsSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { wrapPglite } from '../../src/db/connection.js';
import { buildInitialImage, INITIAL_IMAGE } from '../../src/db/initial-image.js';
import type { TestDatabase } from './db.js';

/**
 * The demo database as `npm start` first opens it: the starter image `npm run build` makes
 * (dist/initial-db.tar.gz, every demo loaded through its use cases), unpacked into an in-memory
 * PGlite — seconds, where loading the demos again costs minutes. Built here when missing (slow,
 * once). The image is always embedded, so tests of the demo's content use it on either engine.
 * Rebuild it (`npm run build`) after changing a demo: a stale image tests the old demo.
 */
export async function demoImageDatabase(): Promise<TestDatabase> {
  if (!existsSync(INITIAL_IMAGE)) await buildInitialImage();
  const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(INITIAL_IMAGE)]) });
  const database = wrapPglite(client);
  return { ...database, dispose: () => database.close() };
}
