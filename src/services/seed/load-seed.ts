import { count, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connection.js';
import { countries, installationFacts, missions } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { type Actor, SYSTEM } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { createRecordIn } from '../registry/create-record.js';
import { RESOURCE_BY_NAME } from '../registry/resources.js';
import { seedDemoAccounts } from './demo-accounts.js';
import { seedDemoAgreements } from './demo-agreements.js';
import { CALLS_SEED_FACT, seedDemoCalls } from './demo-calls.js';
import { seedDemoCustody } from './demo-custody.js';
import { handOverDemoReviewer, seedDemoReview } from './demo-review.js';
import { seedDemoSelection } from './demo-selection.js';
import { enqueueStationDemo } from './demo-station.js';
import { beginFirstStart, completeFirstStart, firstStartCheckpoint, hasDemoData } from './first-start.js';
import { countByResource, planSeed, type SeedOperation } from './plan-seed.js';
import { parseSeedData, readSeedFile, type SeedData } from './seed-data.js';

/** The installation fact that records which version of the demo data is loaded. */
export const SEED_FACT = 'seed.registry';

export interface SeedResult {
  /** `loaded`: written now; `already_loaded`: this version was there; `not_empty`: skipped (seedIfEmpty);
   * `would_load`: a dry run that rolled back. */
  outcome: 'loaded' | 'already_loaded' | 'not_empty' | 'would_load';
  version: number;
  /** Records created (or, in a dry run, that would be), per resource name. */
  created: Record<string, number>;
}

export interface SeedOptions {
  /** Do everything in the transaction, then roll back. */
  dryRun?: boolean;
  /** Load only into a database with no missions and no seed fact (the first start of a server). */
  onlyIfEmpty?: boolean;
}

class RollBack extends Error {
  constructor(readonly result: SeedResult) {
    super('dry run');
  }
}

async function loadedVersion(tx: DbOrTx): Promise<number | undefined> {
  const [fact] = await tx.select().from(installationFacts).where(eq(installationFacts.key, SEED_FACT));
  return fact ? Number((fact.value as { version?: unknown }).version) : undefined;
}

/** Runs one planned record through the registry use case; a refusal names the record in the file. */
async function apply(tx: DbOrTx, actor: Actor, op: SeedOperation): Promise<void> {
  const resource = RESOURCE_BY_NAME.get(op.resource);
  if (!resource) throw new AppError('INTERNAL', `No registry resource "${op.resource}".`);
  try {
    await createRecordIn(tx, actor, resource, op.input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const issues = error.issues.length
      ? error.issues.map((i) => ({ ...i, field: `${op.path}.${i.field}` }))
      : [{ field: op.path, code: error.code, message: error.message }];
    throw new AppError(
      error.code,
      `The demo data was refused at ${op.path}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
}

/**
 * Loads the demo data (the file, unless `data` is given) in ONE transaction, through the same
 * registry use cases and domain rules as the API, with an audit row per record. Idempotent: the
 * loaded version is recorded in installation_facts, and loading it again does nothing. Countries
 * that already exist are left as they are (they are reference data a person may have added).
 */
export async function seedRegistry(
  db: Db,
  actor: Actor = SYSTEM,
  data?: unknown,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const parsed: SeedData = data === undefined ? readSeedFile() : parseSeedData(data);
  const plan = planSeed(parsed); // every reference checked before anything is written
  const version = parsed.version;
  try {
    return await db.transaction(async (tx) => {
      // Two processes starting at once must not both load.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('orbitshare.seed'))`);
      const loaded = await loadedVersion(tx);
      if (loaded === version) return { outcome: 'already_loaded', version, created: {} } satisfies SeedResult;
      if (loaded !== undefined) {
        throw new AppError(
          'CONFLICT',
          `Demo data version ${loaded} is loaded; loading version ${version} over it is not supported.`,
        );
      }
      if (options.onlyIfEmpty) {
        const [row] = await tx.select({ n: count() }).from(missions);
        if (Number(row?.n ?? 0) > 0) return { outcome: 'not_empty', version, created: {} } satisfies SeedResult;
      }
      const existingCountries = new Set((await tx.select({ code: countries.code }).from(countries)).map((r) => r.code));
      const todo = plan.filter((op) => !(op.resource === 'countries' && existingCountries.has(String(op.input.code))));
      for (const op of todo) await apply(tx, actor, op);
      const created = countByResource(todo);
      await tx.insert(installationFacts).values({ key: SEED_FACT, value: { version, created } });
      await recordAudit(tx, actor, {
        action: 'seed.loaded',
        subjectType: 'installation',
        subjectId: SEED_FACT,
        details: { version, created },
      });
      const result: SeedResult = { outcome: options.dryRun ? 'would_load' : 'loaded', version, created };
      if (options.dryRun) throw new RollBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
}

/**
 * The first start of an empty database: the real programs' registry, and outside production the
 * demo calls and one demo account per role. Resumable (first-start.ts): the plan is recorded before
 * the first step and every step is check-and-do, so a start killed between two steps is finished
 * by the next one. Demo accounts are also made on any start of a demo instance that lacks them.
 * Returns whether this call loaded the registry.
 */
export async function seedIfEmpty(db: Db, options: { environment?: string } = {}): Promise<boolean> {
  const environment = options.environment ?? 'development';
  // The demo calls hold synthetic applications and the demo accounts public passwords: neither
  // belongs in a production database, which gets the real programs' registry only.
  const demoAllowed = environment !== 'production';
  const plan = await beginFirstStart(db, demoAllowed);
  let loaded = false;
  if (plan && !plan.completedAt) {
    loaded = (await seedRegistry(db, SYSTEM, undefined, { onlyIfEmpty: true })).outcome === 'loaded';
    firstStartCheckpoint('registry');
    if (plan.demo && demoAllowed) {
      await seedDemoCalls(db, SYSTEM);
      firstStartCheckpoint('demo-calls');
      // Already in the initial image; loaded here for a database that did not start from it.
      await seedDemoReview(db);
      await seedDemoSelection(db);
      // The China Space Station demo takes minutes without the image: a durable one-off job runs
      // it once the server answers (in the image it is already loaded, and the job finds it so).
      await enqueueStationDemo(db);
      await seedDemoAgreements(db);
      await seedDemoCustody(db);
    }
  }
  const demo = plan ? plan.demo : await hasDemoData(db, CALLS_SEED_FACT);
  if (demo && demoAllowed) {
    await seedDemoAccounts(db, environment);
    firstStartCheckpoint('demo-accounts');
    await handOverDemoReviewer(db);
  }
  // A demo plan started under NODE_ENV=production stays open: a later demo start loads the calls.
  if (plan && !plan.completedAt && (demoAllowed || !plan.demo)) await completeFirstStart(db, plan);
  return loaded;
}
