import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { installationFacts, missions } from '../../db/schema.js';

/**
 * The first start of an empty database is several steps (unpack the starter image or load the
 * registry, load the demo calls, create the demo accounts), each in its own transaction. A process
 * killed between two of them must not leave an instance that later starts skip: the plan is
 * recorded in the database before the first step, every step is check-and-do (each records its own
 * installation fact), and every start resumes a plan that is not marked complete.
 */
export const FIRST_START_FACT = 'first_start';

export interface FirstStartPlan {
  /** Demo calls and demo accounts belong to this instance (never in production). */
  demo: boolean;
  /** Set once every step has run; later starts then skip the registry and calls steps. */
  completedAt?: string;
}

export type FirstStartStep = 'image-extracted' | 'image-unpacked' | 'registry' | 'demo-calls' | 'demo-accounts';

/**
 * For the crash tests only: ORBITSHARE_TEST_CRASH_AFTER=<step> kills the process outright (as
 * kill -9 would) just after that step, so a test can prove the next start resumes from there.
 */
export function firstStartCheckpoint(step: FirstStartStep): void {
  if (process.env.ORBITSHARE_TEST_CRASH_AFTER === step) process.kill(process.pid, 'SIGKILL');
}

/**
 * The recorded plan, recording it first when the database is empty (no registry loaded, no
 * missions). Null for a database that was filled another way (by hand, `orbitshare seed`, or before
 * first starts were recorded): there is no first start to run or resume.
 */
export async function beginFirstStart(db: Db, demo: boolean): Promise<FirstStartPlan | null> {
  return db.transaction(async (tx) => {
    // Two processes starting at once must agree on one plan.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('orbitshare.first_start'))`);
    const [fact] = await tx.select().from(installationFacts).where(eq(installationFacts.key, FIRST_START_FACT));
    if (fact) return fact.value as FirstStartPlan;
    const [registry] = await tx.select().from(installationFacts).where(eq(installationFacts.key, 'seed.registry'));
    const [row] = await tx.select({ n: count() }).from(missions);
    if (registry || Number(row?.n ?? 0) > 0) return null;
    const plan: FirstStartPlan = { demo };
    await tx.insert(installationFacts).values({ key: FIRST_START_FACT, value: plan });
    return plan;
  });
}

export async function completeFirstStart(db: Db, plan: FirstStartPlan): Promise<void> {
  await db
    .update(installationFacts)
    .set({ value: { ...plan, completedAt: new Date().toISOString() } })
    .where(eq(installationFacts.key, FIRST_START_FACT));
}

/** Whether the demo calls (synthetic applications) are loaded: such an instance is a demo one. */
export async function hasDemoData(db: Db, callsFact: string): Promise<boolean> {
  const [fact] = await db.select().from(installationFacts).where(eq(installationFacts.key, callsFact));
  return fact !== undefined;
}
