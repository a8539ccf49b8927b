import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import type { Actor } from '../services/actor.js';
import { CliError, EXIT } from './errors.js';

export type DatabaseFactory = () => Promise<Database>;

/** The default: DATABASE_URL or the embedded database in DATA_DIR, migrated to the current schema. */
const openConfigured: DatabaseFactory = async () => {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
};

let factory: DatabaseFactory = openConfigured;

/**
 * Replaces where CLI commands get their database (tests hand in their own); returns a function
 * that puts the previous factory back.
 */
export function setDatabaseFactory(next: DatabaseFactory): () => void {
  const previous = factory;
  factory = next;
  return () => {
    factory = previous;
  };
}

/**
 * Commands that only read (export) must not create an embedded database where there is none: with
 * `existing`, a DATA_DIR without one is an error that names it.
 */
function refuseMissingEmbedded() {
  if (factory !== openConfigured) return;
  const config = loadConfig();
  if (config.DATABASE_URL || existsSync(join(config.DATA_DIR, 'PG_VERSION'))) return;
  throw new CliError(
    `no database in DATA_DIR ${config.DATA_DIR}: nothing to read. Start the server once (or run "orbitshare seed"), or set DATA_DIR or DATABASE_URL.`,
    EXIT.failure,
  );
}

/** Opens the database for one command and closes it afterwards. */
export async function withDatabase<T>(
  work: (database: Database) => Promise<T>,
  options: { existing?: boolean } = {},
): Promise<T> {
  if (options.existing) refuseMissingEmbedded();
  const database = await factory();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** The CLI is run by the operator on the server: it acts as the system, labelled for the audit log. */
export const CLI_ACTOR: Actor = { kind: 'system', label: 'system:cli' };
