import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { agreements, loans, sampleCustodians } from '../../src/db/schema.js';
import { type TestApp, testApp } from '../support/app.js';
import { makeParentSample, makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeProgram } from '../support/factories.js';

let t: TestApp;
let db: Db;

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
});
afterAll(() => t.close());

const sha = 'a'.repeat(64);
let n = 0;

async function makeAgreementRow(institutionId: string, status: 'draft' | 'awaiting_signatures' | 'in_force') {
  const program = (await makeProgram(db)) as { id: string };
  const id = crypto.randomUUID();
  const sent = status === 'draft' ? {} : { documentPdf: Buffer.from('%PDF'), documentSha256: sha, sentAt: new Date() };
  const [row] = await db
    .insert(agreements)
    .values({
      id,
      seriesId: id,
      reference: `SCHEMA-${++n}`,
      kind: 'sample_loan',
      programId: program.id,
      institutionId,
      title: 'Schema test',
      status,
      createdBy: 'test',
      ...(status === 'in_force' ? { inForceAt: new Date() } : {}),
      ...sent,
    })
    .returning();
  return row!;
}

/** The database's error message of a refused write (drizzle wraps the driver's error). */
async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const e = error as Error;
  return `${e.message} ${e.cause instanceof Error ? e.cause.message : ''}`;
}

describe(`agreements and loans schema on ${databaseKind} Postgres`, () => {
  it('refuses an open loan whose agreement is not in force, and an agreement leaving force under an open loan', async () => {
    const institution = (await makeInstitution(db)) as { id: string };
    const draft = await makeAgreementRow(institution.id, 'awaiting_signatures');
    const refused = await refusal(
      db.insert(loans).values({
        reference: `L-${++n}`,
        agreementId: draft.id,
        borrowerInstitutionId: institution.id,
        dueOn: '2030-04-24',
        openedBy: 'test',
      }),
    );
    expect(refused).toMatch(/needs a sample-loan agreement in force/);
    const inForce = await makeAgreementRow(institution.id, 'in_force');
    await db.insert(loans).values({
      reference: `L-${++n}`,
      agreementId: inForce.id,
      borrowerInstitutionId: institution.id,
      dueOn: '2030-04-24',
      openedBy: 'test',
    });
    const terminated = await refusal(
      db.update(agreements).set({ status: 'terminated', closedAt: new Date() }).where(sql`id = ${inForce.id}`),
    );
    expect(terminated).toMatch(/needs a sample-loan agreement in force/);
    const other = (await makeInstitution(db)) as { id: string };
    const wrongBorrower = await refusal(
      db.insert(loans).values({
        reference: `L-${++n}`,
        agreementId: inForce.id,
        borrowerInstitutionId: other.id,
        dueOn: '2030-04-24',
        openedBy: 'test',
      }),
    );
    expect(wrongBorrower).toMatch(/another institution/);
  });

  it('gives every new sample one current custodian and refuses a second or none', async () => {
    const collection = await makeSampleCollection(db, 10_000);
    const sample = await makeParentSample(db, collection.id, 1_000_000);
    const current = await queryRows<{ custodian_kind: string }>(
      db,
      sql`select custodian_kind from sample_custodians where sample_id = ${sample.id} and "until" is null`,
    );
    expect(current).toEqual([{ custodian_kind: 'agency' }]);
    const second = await refusal(
      db
        .insert(sampleCustodians)
        .values({ sampleId: sample.id, custodianKind: 'courier', holder: 'Courier', recordedBy: 'test' }),
    );
    expect(second).toMatch(/sample_custodians_one_current|duplicate key/);
    const none = await refusal(
      db.update(sampleCustodians).set({ until: new Date() }).where(sql`sample_id = ${sample.id} and "until" is null`),
    );
    expect(none).toMatch(/would have no current custodian/);
    // A hand-over (close, then open the next) in one transaction is accepted.
    await db.transaction(async (tx) => {
      await tx.update(sampleCustodians).set({ until: new Date() }).where(sql`sample_id = ${sample.id} and "until" is null`);
      await tx
        .insert(sampleCustodians)
        .values({ sampleId: sample.id, custodianKind: 'courier', holder: 'Courier', recordedBy: 'test' });
    });
    const periods = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from sample_custodians where sample_id = ${sample.id}`,
    );
    expect(periods[0]!.n).toBe(2);
  });
});
