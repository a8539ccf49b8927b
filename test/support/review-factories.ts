import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/connection.js';
import { applications, applicationVersions, calls } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createCall } from '../../src/services/calls/create-call.js';

// Review starts where submission ends: these seed calls and applications straight into the state
// review needs (closed call, submitted versions) instead of walking the applicant's whole path.

let n = 0;

/** A one-stage call with weighted criteria, moved to `closed` (its window in the past). */
export async function seedClosedCall(
  db: Db,
  programId: string,
  criteria = [
    { key: 'science', name: 'Scientific merit', weight: 60, scaleMin: 1, scaleMax: 5 },
    { key: 'feasibility', name: 'Feasibility', weight: 40, scaleMin: 1, scaleMax: 5 },
  ],
) {
  n++;
  const call = await createCall(db, SYSTEM, {
    slug: `review-call-${n}-${Date.now()}`,
    programId,
    title: `Lunar sample loans, round ${n}`,
    stages: 1,
    timeZone: 'Asia/Shanghai',
    opensAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    closesAt: new Date(Date.now() - 86_400_000).toISOString(),
    eligibility: {},
    requiredDocuments: [],
    criteria,
    sampleOffers: [],
    moduleOffers: [],
  });
  await db.update(calls).set({ status: 'closed' }).where(eq(calls.id, call.id));
  return call;
}

export interface SubmittedApplicationInput {
  callId: string;
  ownerAccountId: string;
  title: string;
  team: { institutionId: string; role: 'lead' | 'partner' }[];
  people?: {
    name: string;
    email?: string;
    orcid?: string;
    institutionId?: string;
    role: 'principal_investigator' | 'co_investigator';
  }[];
  scheme?: string;
  leadCountry?: string;
}

/** An application with one submitted version, as if its applicant had submitted it in time. */
export async function seedSubmittedApplication(db: Db, input: SubmittedApplicationInput) {
  const document = {
    title: input.title,
    abstract: `Abstract of ${input.title}.`,
    team: input.team,
    people: input.people ?? [],
    scheme: { objectives: input.scheme ?? input.title, methods: '', expectedResults: '', heritage: '' },
    sampleRequests: [],
    payloadRequests: [],
  };
  const [application] = await db
    .insert(applications)
    .values({
      callId: input.callId,
      ownerAccountId: input.ownerAccountId,
      stage: 'full_proposal',
      status: 'submitted',
      title: input.title,
      draft: document,
      draftRevision: 1,
      submittedVersion: 1,
      // Before the seeded call's deadline (a day ago), as the invariant checker requires.
      submittedAt: sql`now() - interval '2 days'`,
      leadInstitutionId: input.team.find((m) => m.role === 'lead')?.institutionId ?? null,
      leadCountry: input.leadCountry ?? null,
    })
    .returning();
  await db.insert(applicationVersions).values({
    applicationId: application!.id,
    version: 1,
    content: document,
    checkReport: { result: 'pass', items: [] },
    draftRevision: 1,
    submittedBy: `account:${input.ownerAccountId}`,
    submittedAt: new Date(Date.now() - 2 * 86_400_000),
  });
  return application!;
}
