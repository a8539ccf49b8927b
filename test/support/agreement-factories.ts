import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/connection.js';
import { callSampleOffers, calls, sampleAllocations, selectionDecisions } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createCall } from '../../src/services/calls/create-call.js';
import { seedActiveAccount } from './accounts.js';
import { makeParentSample, makeSampleCollection } from './custody-factories.js';
import { makeInstitution, makeProgram } from './factories.js';
import { seedSubmittedApplication } from './review-factories.js';

let n = 0;

/**
 * A decided sample-loan call with one selected proposal granted `massMg` of regolith: the state an
 * agreement is drafted from. Returns the ids a test needs, and a parent sample to split loans from.
 */
export async function seedSelectedSampleProposal(db: Db, massMg = 2_000) {
  n++;
  const program = (await makeProgram(db, { kind: 'sample_loan' })) as { id: string };
  const collection = await makeSampleCollection(db, 1_731_000);
  const institution = (await makeInstitution(db, { name: `Borrower institute ${n}-${Date.now()}` })) as {
    id: string;
    name: string;
  };
  const owner = await seedActiveAccount(db);
  const call = await createCall(db, SYSTEM, {
    slug: `agreement-call-${n}-${Date.now()}`,
    programId: program.id,
    title: `Lunar sample loans ${n}`,
    stages: 1,
    timeZone: 'Asia/Shanghai',
    opensAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    closesAt: new Date(Date.now() - 86_400_000).toISOString(),
    eligibility: {},
    requiredDocuments: [],
    criteria: [{ key: 'science', name: 'Scientific merit', weight: 100, scaleMin: 1, scaleMax: 5 }],
    sampleOffers: [{ sampleCollectionId: collection.id, sampleType: 'regolith', availableMg: 100_000, reserveMg: 10_000 }],
    moduleOffers: [],
  });
  await db.update(calls).set({ status: 'decided' }).where(eq(calls.id, call.id));
  const application = await seedSubmittedApplication(db, {
    callId: call.id,
    ownerAccountId: owner.id,
    title: `Space weathering of regolith ${n}`,
    team: [{ institutionId: institution.id, role: 'lead' }],
  });
  const [offer] = await db.select().from(callSampleOffers).where(eq(callSampleOffers.callId, call.id));
  const { decision, allocation } = await db.transaction(async (tx) => {
    const [decision] = await tx
      .insert(selectionDecisions)
      .values({ callId: call.id, applicationId: application.id, outcome: 'selected', reason: 'Merit', decidedBy: 'test' })
      .returning();
    const [allocation] = await tx
      .insert(sampleAllocations)
      .values({ decisionId: decision!.id, sampleOfferId: offer!.id, massMg })
      .returning();
    return { decision: decision!, allocation: allocation! };
  });
  const parent = await makeParentSample(db, collection.id, 50_000_000);
  return { program, collection, institution, owner, call, application, decision, allocation, parent };
}
