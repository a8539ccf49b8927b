import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { agreementSignatures, agreements, auditLog, outbox, selectionDecisions } from '../../src/db/schema.js';
import { addWorkingDays, localDate } from '../../src/domain/agreements/working-days.js';
import { SYSTEM } from '../../src/services/actor.js';
import { sendAgreementReminders } from '../../src/services/agreements/send-agreement-reminders.js';
import { openLoan } from '../../src/services/loans/open-loan.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { seedSelectedSampleProposal } from '../support/agreement-factories.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { checkInvariants } from '../support/invariants.js';
import { extractPdfText, squash } from '../support/pdf-text.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
let db: Db;
let seed: Awaited<ReturnType<typeof seedSelectedSampleProposal>>;
let officer: SeededAccount;
let partner: SeededAccount;
let agency: SeededAccount;
let curator: SeededAccount;

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  seed = await seedSelectedSampleProposal(db, 2_000);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: seed.program.id }]);
  partner = await seedActiveAccount(db);
  agency = await seedActiveAccount(db);
  curator = await seedActiveAccount(db, [{ role: 'curator', scopeId: seed.collection.id }]);
});
afterAll(() => t.close());

const call = (who: SeededAccount, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function draftAgreement() {
  const res = await call(officer, 'POST', '/api/agreements', {
    decisionId: seed.decision.id,
    signatories: [
      { partyRole: 'agency', partyName: 'China National Space Administration', signerName: 'Agency Signer', email: agency.email },
      { partyRole: 'partner', partyName: seed.institution.name, signerName: 'Partner Signer', email: partner.email },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const scan = Buffer.from('%PDF-1.4\n% scanned signed copy\n%%EOF\n');
let agreementId: string;

describe(`agreements on ${databaseKind} Postgres`, () => {
  it('drafts a loan agreement from the decision (allocated mass, 5-year default), sends it with a hash, and its PDF reads back in English and Chinese', async () => {
    agreementId = (await draftAgreement()).id;
    const draft = (await call(officer, 'GET', `/api/agreements/${agreementId}`)).json();
    expect(draft.status).toBe('draft');
    expect(draft.kind).toBe('sample_loan');
    expect(draft.durationMonths).toBe(60);
    expect(draft.terms.samples).toEqual([{ sampleType: 'regolith', massMg: 2000, allocationId: seed.allocation.id }]);
    expect(draft.terms.obligations).toContain('annual_inventory');
    const sent = await call(officer, 'POST', `/api/agreements/${agreementId}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    const doc = await call(partner, 'GET', `/api/agreements/${agreementId}/document`);
    expect(doc.statusCode).toBe(200);
    const bytes = doc.rawPayload;
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sent.json().documentSha256);
    const text = squash(await extractPdfText(bytes));
    expect(text).toContain(squash('Lunar Sample Loan Agreement'));
    expect(text).toContain(squash('月球样品借用协议'));
    expect(text).toContain(squash(seed.institution.name));
    expect(text).toContain('2,000');
    expect(text).toContain(squash('每年提交所持每份子样品的清点报告'));
    expect(text).toContain(squash('60 months from entry into force'));
    const mail = await db.select().from(outbox).where(eq(outbox.toAddress, partner.email));
    expect(mail.map((m) => m.template)).toContain('agreement_signature_request');
  });

  it('sets the deadline 10 working days after the decision, weekends skipped, in the call’s time zone', async () => {
    const [decision] = await db.select().from(selectionDecisions).where(eq(selectionDecisions.id, seed.decision.id));
    const [row] = await db.select().from(agreements).where(eq(agreements.id, agreementId));
    const lastDay = addWorkingDays(localDate(decision!.decidedAt, 'Asia/Shanghai'), 10);
    // The end of that day in Shanghai (UTC+8) is 16:00 UTC on it.
    expect(row!.signatureDeadline!.toISOString()).toBe(`${lastDay}T16:00:00.000Z`);
    // 24 April 2025 was a Thursday: ten working days later is Thursday 8 May.
    expect(addWorkingDays('2025-04-24', 10)).toBe('2025-05-08');
  });

  it('refuses a remote signature with a hash other than the document’s, writing nothing', async () => {
    const before = await rowCounts(db, { agreementSignatures, auditLog });
    const res = await call(partner, 'POST', `/api/agreements/${agreementId}/sign`, { documentSha256: 'f'.repeat(64) });
    expect(res.statusCode).toBe(409);
    expect(await rowCounts(db, { agreementSignatures, auditLog })).toEqual(before);
    const stranger = await seedActiveAccount(db);
    const row = (await call(officer, 'GET', `/api/agreements/${agreementId}`)).json();
    const notMine = await call(stranger, 'POST', `/api/agreements/${agreementId}/sign`, { documentSha256: row.documentSha256 });
    expect(notMine.statusCode).toBe(404);
  });

  it('reminds the unsigned signatories once when the deadline is near, through the outbox', async () => {
    await db.update(agreements).set({ signatureDeadline: sql`now() + interval '1 day'` }).where(eq(agreements.id, agreementId));
    const first = await sendAgreementReminders(db, SYSTEM, { base: 'http://x' });
    expect(first.signatures).toBe(2);
    const again = await sendAgreementReminders(db, SYSTEM, { base: 'http://x' });
    expect(again.signatures).toBe(0);
    const reminders = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, agency.email), eq(outbox.template, 'agreement_signature_reminder')));
    expect(reminders).toHaveLength(1);
  });

  it('takes one signature on site (scan, place, time) and one remotely; in force when both signed; certificate PDF in both languages', async () => {
    const row = (await call(officer, 'GET', `/api/agreements/${agreementId}`)).json();
    const agencySignatory = row.signatories.find((s: { partyRole: string }) => s.partyRole === 'agency');
    const onSite = await t.app.inject({
      method: 'POST',
      url: `/api/agreements/${agreementId}/on-site-signatures?${new URLSearchParams({
        signatoryId: agencySignatory.id,
        signerName: 'Agency Signer',
        place: 'Beijing',
        signedAt: new Date(Date.now() - 3600_000).toISOString(),
        filename: 'signed.pdf',
      })}`,
      headers: { ...officer.headers, 'content-type': 'application/pdf' },
      payload: scan,
    });
    expect(onSite.statusCode, onSite.body).toBe(200);
    expect(onSite.json().status).toBe('awaiting_signatures');
    const noCertificate = await call(officer, 'GET', `/api/agreements/${agreementId}/certificate`);
    expect(noCertificate.statusCode).toBe(409);
    const signed = await call(partner, 'POST', `/api/agreements/${agreementId}/sign`, {
      documentSha256: row.documentSha256.toUpperCase(),
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('in_force');
    const twice = await call(partner, 'POST', `/api/agreements/${agreementId}/sign`, { documentSha256: row.documentSha256 });
    expect(twice.statusCode).toBe(409);
    const now = (await call(officer, 'GET', `/api/agreements/${agreementId}`)).json();
    expect(now.startsOn).toBeTruthy();
    expect(now.endsOn.slice(0, 4)).toBe(String(Number(now.startsOn.slice(0, 4)) + 5));
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, agreementId));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'agreement.drafted',
        'agreement.sent_for_signature',
        'agreement.signed_on_site',
        'agreement.signed_remotely',
        'agreement.in_force',
      ]),
    );
    const scanBack = await call(officer, 'GET', `/api/agreements/${agreementId}/signatures/${agencySignatory.id}/scan`);
    expect(scanBack.rawPayload.equals(scan)).toBe(true);
    const certificate = await call(partner, 'GET', `/api/agreements/${agreementId}/certificate`);
    expect(certificate.statusCode).toBe(200);
    const text = squash(await extractPdfText(certificate.rawPayload));
    expect(text).toContain(squash('Sample Certificate'));
    expect(text).toContain(squash('样品证书'));
    expect(text).toContain(row.documentSha256);
  });

  it('lets the curator prepare subsamples and open a loan within the allocation, custodian the agency until shipped', async () => {
    const over = await call(curator, 'POST', '/api/loans', {
      agreementId,
      custodian: 'Lunar Sample Laboratory, NAOC',
      items: [{ sampleId: seed.parent.number, massUg: 2_000_001, allocationId: seed.allocation.id }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().code).toBe('OVER_LIMIT');
    // A loan recorded after the fact keeps its opening day: never before its agreement was in force, never in the future.
    for (const openedOn of ['2000-01-01', '2999-01-01']) {
      const refused = await openLoan(db, SYSTEM, {
        agreementId,
        custodian: 'Lunar Sample Laboratory, NAOC',
        openedOn,
        items: [{ sampleId: seed.parent.id, massUg: 1_000 }],
      }).catch((e) => e);
      expect([refused.code, refused.issues?.[0]?.field], openedOn).toEqual(['VALIDATION_FAILED', 'openedOn']);
    }
    const res = await call(curator, 'POST', '/api/loans', {
      agreementId,
      custodian: 'Lunar Sample Laboratory, NAOC',
      items: [
        { sampleId: seed.parent.number, massUg: 1_500_000, allocationId: seed.allocation.id },
        { sampleId: seed.parent.id, massUg: 500_000, allocationId: seed.allocation.id },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const loan = res.json();
    expect(loan.items.map((i: { number: string }) => i.number)).toEqual([`${seed.parent.number},1`, `${seed.parent.number},2`]);
    const listed = (await call(curator, 'GET', `/api/loans?agreementId=${agreementId}`)).json();
    expect(listed[0].items[0]).toMatchObject({ custodian: 'Lunar Sample Laboratory, NAOC', custodianKind: 'agency' });
    const standing = (await call(curator, 'GET', `/api/institutions/${seed.institution.id}/borrower-standing`)).json();
    expect(standing).toEqual({ institutionId: seed.institution.id, blocked: false, reasons: [] });
  });

  it('amends as a new version that, once in force, supersedes the old and takes over its open loan', async () => {
    const amended = await call(officer, 'POST', `/api/agreements/${agreementId}/amendments`, {
      note: 'Loan extended to 6 years.',
      durationMonths: 72,
    });
    expect(amended.statusCode, amended.body).toBe(201);
    const v2 = amended.json();
    expect(v2.version).toBe(2);
    const again = await call(officer, 'POST', `/api/agreements/${agreementId}/amendments`, { note: 'Another' });
    expect(again.statusCode).toBe(409);
    expect((await call(officer, 'POST', `/api/agreements/${v2.id}/send`)).statusCode).toBe(200);
    const row = (await call(officer, 'GET', `/api/agreements/${v2.id}`)).json();
    expect(row.documentSha256).not.toBe((await call(officer, 'GET', `/api/agreements/${agreementId}`)).json().documentSha256);
    const text = squash(await extractPdfText((await call(partner, 'GET', `/api/agreements/${v2.id}/document`)).rawPayload));
    expect(text).toContain(squash('Loan extended to 6 years.'));
    expect(
      (await call(agency, 'POST', `/api/agreements/${v2.id}/sign`, { documentSha256: row.documentSha256 })).json().status,
    ).toBe('awaiting_signatures');
    // The first version stays in force while the amendment is being signed.
    expect((await call(officer, 'GET', `/api/agreements/${agreementId}`)).json().status).toBe('in_force');
    expect(
      (await call(partner, 'POST', `/api/agreements/${v2.id}/sign`, { documentSha256: row.documentSha256 })).json().status,
    ).toBe('in_force');
    expect((await call(officer, 'GET', `/api/agreements/${agreementId}`)).json().status).toBe('superseded');
    const loans = await queryRows<{ agreement_id: string }>(
      db,
      sql`select agreement_id from loans where reference like ${`${row.reference}-L%`}`,
    );
    expect(loans.map((l) => l.agreement_id)).toEqual([v2.id]);
    const after = (await call(officer, 'GET', `/api/agreements/${v2.id}`)).json();
    expect(after.versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual([
      '1:superseded',
      '2:in_force',
    ]);
  });

  it('keeps the whole-database invariants', async () => {
    expect(await checkInvariants(db)).toEqual([]);
  });
});
