import { eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connection.js';
import { calls, installationFacts, institutions } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { type Actor, SYSTEM } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { createRecordIn } from '../registry/create-record.js';
import { RESOURCE_BY_NAME } from '../registry/resources.js';
import { DEMO_CALLS, DEMO_CALLS_VERSION, DEMO_INSTITUTIONS, SYNTHETIC_INSTITUTION_NOTE } from './demo-calls-data.js';
import { generateDemoApplications } from './demo-calls-generate.js';
import { insertApplication } from './demo-calls-insert-application.js';
import { insertCall } from './demo-calls-insert-call.js';
import { type InstitutionRef, type LoadedCall, refused } from './demo-calls-shared.js';

export { DEMO_APPLICANT_DOMAIN } from './demo-calls-shared.js';

/** The installation fact recording that the demo calls are loaded. */
export const CALLS_SEED_FACT = 'seed.calls';

export interface DemoCallsResult {
  outcome: 'loaded' | 'already_loaded';
  version: number;
  calls: number;
  applications: Record<string, Record<string, number>>;
}

async function institutionsBySlug(tx: DbOrTx): Promise<Map<string, InstitutionRef>> {
  const rows = await tx
    .select({
      slug: institutions.slug,
      id: institutions.id,
      name: institutions.name,
      countryCode: institutions.countryCode,
      organisationId: institutions.organisationId,
    })
    .from(institutions);
  return new Map(rows.map(({ slug, ...rest }) => [slug, rest]));
}

/** The institutions the demo applications need beyond the registry, through the registry use case. */
async function addInstitutions(tx: DbOrTx, actor: Actor): Promise<string[]> {
  const resource = RESOURCE_BY_NAME.get('institutions');
  if (!resource) throw new AppError('INTERNAL', 'No registry resource "institutions".');
  const existing = await institutionsBySlug(tx);
  const added: string[] = [];
  for (const i of DEMO_INSTITUTIONS) {
    if (existing.has(i.slug)) continue;
    const { country, ...rest } = i;
    await createRecordIn(tx, actor, resource, { ...rest, countryCode: country });
    added.push(i.slug);
  }
  return added;
}

/**
 * Loads the demo calls and their applications (demo-calls-data.ts, demo-calls-generate.ts) in ONE
 * transaction, after the demo registry. Historical applications are written directly with their
 * submission time (the live path refuses them: their deadlines are past), but each document goes
 * through validateSubmission first, and invalid demo data refuses the whole load. Idempotent: the
 * version is recorded in installation_facts (`seed.calls`).
 */
export async function seedDemoCalls(db: Db, actor: Actor = SYSTEM): Promise<DemoCallsResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('orbitshare.seed.calls'))`);
    const [fact] = await tx.select().from(installationFacts).where(eq(installationFacts.key, CALLS_SEED_FACT));
    if (fact) {
      const loaded = Number((fact.value as { version?: unknown }).version);
      if (loaded === DEMO_CALLS_VERSION)
        return { outcome: 'already_loaded', version: loaded, calls: 0, applications: {} } satisfies DemoCallsResult;
      throw new AppError(
        'CONFLICT',
        `Demo calls version ${loaded} are loaded; loading version ${DEMO_CALLS_VERSION} over them is not supported.`,
      );
    }
    const clash = await tx
      .select({ slug: calls.slug })
      .from(calls)
      .where(
        inArray(
          calls.slug,
          DEMO_CALLS.map((c) => c.slug),
        ),
      );
    if (clash.length) throw new AppError('DUPLICATE', `Calls with the demo slugs exist: ${clash.map((c) => c.slug).join(', ')}.`);

    const addedInstitutions = await addInstitutions(tx, actor);
    const ids = await institutionsBySlug(tx);
    const loadedCalls = new Map<string, LoadedCall>();
    for (const def of DEMO_CALLS) loadedCalls.set(def.slug, await insertCall(tx, actor, def));

    const countryOf = (slug: string) => ids.get(slug)?.countryCode ?? 'GB';
    const owners = new Map<string, string>();
    const counts: Record<string, Record<string, number>> = {};
    for (const app of generateDemoApplications(countryOf)) {
      const call = loadedCalls.get(app.call);
      if (!call) throw refused(`${app.key} names the unknown call "${app.call}".`);
      await insertApplication(tx, actor, app, call, ids, owners);
      counts[app.call] = counts[app.call] ?? {};
      const c = counts[app.call]!;
      const k = `${app.stage}:${app.status}`;
      c[k] = (c[k] ?? 0) + 1;
    }

    const value = {
      version: DEMO_CALLS_VERSION,
      calls: DEMO_CALLS.map((c) => c.slug),
      applications: counts,
      applicantAccounts: owners.size,
      syntheticInstitutions: DEMO_INSTITUTIONS.map((i) => i.slug),
      addedInstitutions,
      syntheticInstitutionNote: SYNTHETIC_INSTITUTION_NOTE,
    };
    await tx.insert(installationFacts).values({ key: CALLS_SEED_FACT, value });
    await recordAudit(tx, actor, {
      action: 'seed.loaded',
      subjectType: 'installation',
      subjectId: CALLS_SEED_FACT,
      details: value,
    });
    return {
      outcome: 'loaded',
      version: DEMO_CALLS_VERSION,
      calls: DEMO_CALLS.length,
      applications: counts,
    } satisfies DemoCallsResult;
  });
}
