import type { Db } from '../../src/db/connection.js';
import { applicationRequests, callModuleOffers, callSampleOffers } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { makeInstitution, makeMission } from './factories.js';
import { seedClosedCall, seedSubmittedApplication } from './review-factories.js';

export interface SelectionProposalSeed {
  key: string;
  title?: string;
  country: string;
  massG: number;
  massMg: number;
}

export interface SeededSelectionCall {
  callId: string;
  slug: string;
  title: string;
  moduleOfferId: string;
  sampleOfferId: string;
  /** Application id by the seed's key. */
  ids: Record<string, string>;
}

const record = async (db: Db, resource: string, values: Record<string, unknown>) =>
  (await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get(resource)!, values)) as { id: string };

/**
 * A closed call ready for selection: one orbiter offer with a `poolMassG` pool and one regolith
 * offer of `availableMg` less `reserveMg`, and a submitted proposal per seed asking for its grams and
 * milligrams (the lead's institution in the seed's country). Missing parents are made.
 */
export async function seedSelectionCall(
  db: Db,
  options: {
    programId: string;
    applicantAccountId: string;
    proposals: SelectionProposalSeed[];
    poolMassG?: number;
    availableMg?: number;
    reserveMg?: number;
  },
): Promise<SeededSelectionCall> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const mission = String((await makeMission(db)).id);
  const moduleId = (
    await record(db, 'host-modules', { missionId: mission, kind: 'orbiter', name: 'Orbiter', poolMassG: 1_000_000 })
  ).id;
  const collectionId = (
    await record(db, 'sample-collections', {
      slug: `sel-${stamp}`,
      missionId: mission,
      name: 'Chang’e test',
      returnedMassMg: 100_000,
    })
  ).id;
  const call = await seedClosedCall(db, options.programId);
  const [mod] = await db
    .insert(callModuleOffers)
    .values({ callId: call.id, hostModuleId: moduleId, poolMassG: options.poolMassG ?? 100 })
    .returning();
  const [sample] = await db
    .insert(callSampleOffers)
    .values({
      callId: call.id,
      sampleCollectionId: collectionId,
      sampleType: 'regolith',
      availableMg: options.availableMg ?? 1000,
      reserveMg: options.reserveMg ?? 200,
    })
    .returning();
  const labs = new Map<string, string>();
  const ids: Record<string, string> = {};
  for (const p of options.proposals) {
    if (!labs.has(p.country))
      labs.set(
        p.country,
        String((await makeInstitution(db, { countryCode: p.country, slug: `lab-${p.country}-${stamp}`.toLowerCase() })).id),
      );
    const app = await seedSubmittedApplication(db, {
      callId: call.id,
      ownerAccountId: options.applicantAccountId,
      title: p.title ?? `Proposal ${p.key}`,
      team: [{ institutionId: labs.get(p.country)!, role: 'lead' }],
      leadCountry: p.country,
    });
    ids[p.key] = app.id;
    await db.insert(applicationRequests).values([
      { applicationId: app.id, version: 1, moduleOfferId: mod!.id, massG: p.massG },
      { applicationId: app.id, version: 1, sampleOfferId: sample!.id, massMg: p.massMg },
    ]);
  }
  return { callId: call.id, slug: call.slug, title: call.title, moduleOfferId: mod!.id, sampleOfferId: sample!.id, ids };
}
