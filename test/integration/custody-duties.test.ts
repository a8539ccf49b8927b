import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { applicationRequests, callSampleOffers } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { confirmReceipt } from '../../src/services/custody/confirm-receipt.js';
import { dispatchShipment } from '../../src/services/custody/dispatch-shipment.js';
import { fileInventory } from '../../src/services/custody/file-inventory.js';
import { fileResearchOutput } from '../../src/services/custody/file-research-output.js';
import { listOverdueDuties } from '../../src/services/custody/list-overdue-duties.js';
import { prepareShipment } from '../../src/services/custody/prepare-shipment.js';
import { remindBorrowerDuties } from '../../src/services/custody/remind-borrower-duties.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { actorWith } from '../support/custody-actors.js';
import { makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';
import { type SeededLoan, seedOpenLoan } from '../support/loan-factories.js';
import { seedClosedCall, seedSubmittedApplication } from '../support/review-factories.js';

let t: TestApp;
let db: Db;
let collectionId: string;
let lab: string;
let other: string;
let borrowerAccount: SeededAccount;
let official: SeededAccount;
let loan: SeededLoan;
let call: { callId: string; blockedApp: string; freeApp: string };

const DAY = 86_400_000;

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  collectionId = (await makeSampleCollection(db)).id;
  lab = String((await makeInstitution(db, { countryCode: 'DE' })).id);
  other = String((await makeInstitution(db, { countryCode: 'FR' })).id);
  borrowerAccount = await seedActiveAccount(db, [{ role: 'applicant', scopeId: lab }]);
  // Opened 400 days ago: the first annual inventory and report were due 35 days ago.
  loan = await seedOpenLoan(db, {
    collectionId,
    masses: [12_000, 8_000],
    institutionId: lab,
    openedAt: new Date(Date.now() - 400 * DAY),
  });
  const curator = actorWith('curator', collectionId);
  const shipment = await prepareShipment(db, curator, loan.loanId, 'outbound', {
    courier: 'SF Express',
    trackingNumber: 'SF1',
    sealedContainerIds: ['C1'],
    items: loan.items.map((i) => ({ loanItemId: i.loanItemId, containerId: 'C1' })),
  });
  await dispatchShipment(db, curator, shipment.id, { place: 'store' });
  const items = await queryRows<{ id: string; packed: string }>(
    db,
    sql`select id, packed_mass_ug::text as packed from shipment_items where shipment_id = ${shipment.id}`,
  );
  await confirmReceipt(db, actorWith('applicant', lab), shipment.id, {
    place: 'Cologne',
    items: items.map((i) => ({ shipmentItemId: i.id, measuredMassUg: Number(i.packed) })),
  });

  const programId = String((await makeProgram(db)).id);
  official = await seedActiveAccount(db, [{ role: 'selection_official', scopeId: programId }]);
  const closed = await seedClosedCall(db, programId);
  const [offer] = await db
    .insert(callSampleOffers)
    .values({ callId: closed.id, sampleCollectionId: collectionId, sampleType: 'regolith', availableMg: 1000, reserveMg: 0 })
    .returning();
  const apply = async (institutionId: string, title: string) => {
    const app = await seedSubmittedApplication(db, {
      callId: closed.id,
      ownerAccountId: borrowerAccount.id,
      title,
      team: [{ institutionId, role: 'lead' }],
      leadCountry: institutionId === lab ? 'DE' : 'FR',
    });
    await db.insert(applicationRequests).values({ applicationId: app.id, version: 1, sampleOfferId: offer!.id, massMg: 300 });
    return app.id;
  };
  call = {
    callId: closed.id,
    blockedApp: await apply(lab, 'Borrower behind on duties'),
    freeApp: await apply(other, 'Clean borrower'),
  };
  const merits = await t.app.inject({
    method: 'POST',
    url: `/api/calls/${call.callId}/selection/merits`,
    headers: official.headers,
    payload: {
      merits: [
        { applicationId: call.blockedApp, merit: 90 },
        { applicationId: call.freeApp, merit: 50 },
      ],
    },
  });
  expect(merits.statusCode, merits.body).toBe(200);
}, 120_000);

afterAll(async () => {
  expect(await checkInvariants(db)).toEqual([]);
  await t.close();
});

const decide = (chosen: string[]) =>
  t.app.inject({
    method: 'POST',
    url: `/api/calls/${call.callId}/selection/decisions`,
    headers: official.headers,
    payload: {
      decisions: [call.blockedApp, call.freeApp].map((applicationId) => ({
        applicationId,
        outcome: chosen.includes(applicationId) ? 'selected' : 'rejected',
        reason: 'test',
      })),
    },
  });

describe(`borrower duties on ${databaseKind} Postgres`, () => {
  it('the scheduled duty materialises the yearly duties and reminds the borrower once when overdue', async () => {
    const first = await remindBorrowerDuties(db, SYSTEM, { base: 'https://orbitshare.test' });
    expect(first.sent).toBe(2);
    const duties = await queryRows<{ kind: string; period: number; overdue: boolean }>(
      db,
      sql`select kind, period, due_on < current_date as overdue from borrower_duties where loan_id = ${loan.loanId} order by kind`,
    );
    expect(duties).toEqual([
      { kind: 'annual_inventory', period: 1, overdue: true },
      { kind: 'research_report', period: 1, overdue: true },
    ]);
    const mail = await queryRows<{ to_address: string; subject: string; body: string }>(
      db,
      sql`select to_address, subject, body from outbox where template = 'duty_overdue' order by id`,
    );
    expect(mail.map((m) => m.to_address)).toEqual([borrowerAccount.email, borrowerAccount.email]);
    expect(mail[0]!.body).toContain(`/borrower/loans/${loan.loanId}`);
    expect(mail.map((m) => m.subject).join(' ')).toMatch(new RegExp(`overdue annual inventory for loan ${loan.reference}`));
    expect((await remindBorrowerDuties(db, SYSTEM, { base: 'https://orbitshare.test' })).sent).toBe(0);
  });

  it('lists the overdue duties for the curator of the collection, and for no other curator', async () => {
    const listed = await listOverdueDuties(db, actorWith('curator', collectionId));
    expect(listed.duties.filter((d) => d.loanId === loan.loanId).map((d) => d.kind)).toEqual([
      'annual_inventory',
      'research_report',
    ]);
    expect(listed.duties[0]).toMatchObject({ institutionId: lab, countryCode: 'DE', loanReference: loan.reference });
    expect(listed.duties[0]!.daysOverdue).toBeGreaterThanOrEqual(34);
    const elsewhere = (await makeSampleCollection(db)).id;
    expect((await listOverdueDuties(db, actorWith('curator', elsewhere))).duties).toEqual([]);
  });

  it('the selection shows the blocked borrower and refuses to allocate to it with BORROWER_BLOCKED', async () => {
    const proposal = await t.app.inject({
      url: `/api/calls/${call.callId}/selection/proposal?sweep=false`,
      headers: official.headers,
    });
    expect(proposal.statusCode, proposal.body).toBe(200);
    const body = proposal.json();
    expect(body.blocked).toEqual([
      expect.objectContaining({ applicationId: call.blockedApp, institutionId: lab, reason: 'BORROWER_BLOCKED' }),
    ]);
    expect(body.selected).not.toContain(call.blockedApp);
    const refused = await decide([call.blockedApp]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'BORROWER_BLOCKED' });
    expect(refused.json().detail).toContain(loan.reference);
  });

  it('filing the inventory (every subsample held) and the report lifts the block', async () => {
    const borrower = actorWith('applicant', lab);
    const partial = await fileInventory(db, borrower, loan.loanId, {
      lines: [{ loanItemId: loan.items[0]!.loanItemId, massUg: 12_000, state: 'intact', location: 'Cologne, cabinet N2-4' }],
    }).catch((e) => e);
    expect(partial.code).toBe('VALIDATION_FAILED');
    const filed = await fileInventory(db, borrower, loan.loanId, {
      lines: loan.items.map((i) => ({
        loanItemId: i.loanItemId,
        massUg: i.massUg,
        state: 'intact' as const,
        location: 'Cologne, cabinet N2-4',
      })),
    });
    expect(filed.dutyFulfilled).not.toBeNull();
    expect((await decide([call.blockedApp])).json()).toMatchObject({ code: 'BORROWER_BLOCKED' });
    const badDoi = await fileResearchOutput(db, borrower, loan.loanId, {
      kind: 'publication',
      title: 'x',
      doi: 'not a doi',
      sampleIds: [loan.items[0]!.sampleId],
    }).catch((e) => e);
    expect(badDoi.code).toBe('VALIDATION_FAILED');
    await fileResearchOutput(db, borrower, loan.loanId, {
      kind: 'report',
      title: 'Year 1: W isotopes',
      sampleIds: [loan.items[0]!.sampleId],
    });
    const pub = await fileResearchOutput(db, borrower, loan.loanId, {
      kind: 'publication',
      title: 'Tungsten isotopes of Chang’e-5 basalts',
      doi: 'https://doi.org/10.1038/s41586-021-04100-2',
      sampleIds: loan.items.map((i) => i.sampleId),
    });
    expect(pub.doi).toBe('10.1038/s41586-021-04100-2');
    expect((await listOverdueDuties(db, SYSTEM)).duties.filter((d) => d.loanId === loan.loanId)).toEqual([]);
    const decided = await decide([call.blockedApp]);
    expect(decided.statusCode, decided.body).toBe(201);
    const audits = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where subject_type = 'loan' and subject_id = ${loan.loanId} order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'loan.duty_overdue_reminded',
        'loan.inventory_filed',
        'loan.report_filed',
        'loan.publication_filed',
      ]),
    );
  });
});
