import type { Db } from '../../src/db/connection.js';
import { SYSTEM } from '../../src/services/actor.js';
import { registerSample } from '../../src/services/custody/register-sample.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { makeMission } from './factories.js';

let counter = 0;

/** A sample collection of a new mission (1,731 g returned, like Chang'e-5). */
export async function makeSampleCollection(db: Db, returnedMassMg = 1_731_000): Promise<{ id: string; slug: string }> {
  const n = ++counter;
  const mission = await makeMission(db);
  const row = (await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get('sample-collections')!, {
    slug: `custody-samples-${n}-${Date.now()}`,
    missionId: mission.id,
    name: `Custody samples ${n}`,
    returnedMassMg,
  })) as { id: string; slug: string };
  return row;
}

/** A parent sample registered through the use case, as the system. */
export async function makeParentSample(db: Db, collectionId: string, massUg: number, number?: string) {
  return registerSample(db, SYSTEM, collectionId, {
    number: number ?? `T${++counter}X${Date.now() % 100000}`,
    sampleType: 'regolith',
    massUg,
  });
}
