import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  applicationRequests,
  callSampleOffers,
  decisionLetters,
  experts,
  outbox,
  outboxAttachments,
  panelResults,
  reviewAssignments,
  reviewRounds,
} from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { deliverOutbox, type Mailer } from '../../src/services/email/deliver-outbox.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind } from '../support/db.js';
import { ensureCountry, makeInstitution, makeMission, makeOrganisation, makeProgram } from '../support/factories.js';
import { icsInstant, parseIcsEvents } from '../support/ics.js';
import { checkInvariants } from '../support/invariants.js';
import { seedAgreementInForce, seedOpenLoan } from '../support/loan-factories.js';
import { extractPdfText, squash } from '../support/pdf-text.js';
import { seedClosedCall, seedSubmittedApplication } from '../support/review-factories.js';

// One decided sample-loan call with three applicants whose names are written in three scripts:
//   A — 王小明 at a Hong Kong university (a region), account in Chinese: selected
//   B — Émilie Dupont at a French institute, account in English: conditionally selected
//   C — Ольга Иванова at an international organisation's institute: rejected, with the panel's evaluation

let t: TestApp;
let official: SeededAccount;
let officer: SeededAccount;
const applicants: Record<'A' | 'B' | 'C', SeededAccount> = {} as never;
const ids: Record<'A' | 'B' | 'C', string> = {} as never;
let callId: string;
let callSlug: string;
let roundId: string;
const REASONS = {
  A: 'Top calibrated merit; the regolith asked fits the offer.',
  B: 'Strong scheme; the glove-box protocol must be agreed first.',
  C: 'Below the selected schemes on merit; the mass left could not cover it.',
};
const CONDITIONS = 'Agree the nitrogen glove-box handling protocol with the curator before shipment.';
const PANEL_REASON_C = 'Sound methods but a narrower scientific question than the selected schemes.';

const record = async (resource: string, values: Record<string, unknown>) =>
  (await createRecord(t.database.db, SYSTEM, RESOURCE_BY_NAME.get(resource)!, values)) as { id: string };

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  const programId = String((await makeProgram(db, { kind: 'sample_loan' }).catch(() => makeProgram(db))).id);
  official = await seedActiveAccount(db, [{ role: 'selection_official', scopeId: programId }]);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  await ensureCountry(db, 'CN');
  await record('countries', { code: 'HK', name: 'Hong Kong', kind: 'region', sovereignCode: 'CN' }).catch(() => undefined);
  const hk = String(
    (
      await makeInstitution(db, {
        countryCode: 'HK',
        name: 'Hong Kong University of Science and Technology',
        nativeName: '香港科技大学',
      })
    ).id,
  );
  const fr = String((await makeInstitution(db, { countryCode: 'FR', name: 'Institut de Physique du Globe de Paris' })).id);
  const org = String((await makeOrganisation(db, { acronym: `ISTVS${Date.now() % 100000}` })).id);
  const intl = String((await makeInstitution(db, { organisationId: org, name: 'Terrain-Vehicle Laboratory' })).id);
  const mission = String((await makeMission(db)).id);
  const collection = (
    await record('sample-collections', {
      slug: `ce-l-${Date.now()}`,
      missionId: mission,
      name: 'Chang’e test',
      returnedMassMg: 100_000,
    })
  ).id;
  const call = await seedClosedCall(db, programId);
  callId = call.id;
  callSlug = call.slug;
  const [offer] = await db
    .insert(callSampleOffers)
    .values({ callId, sampleCollectionId: collection, sampleType: 'regolith', availableMg: 1000, reserveMg: 200 })
    .returning();
  const people = { A: ['王小明', hk, 300], B: ['Émilie Dupont', fr, 400], C: ['Ольга Иванова', intl, 500] } as const;
  for (const key of ['A', 'B', 'C'] as const) {
    const [name, lab, mg] = people[key];
    applicants[key] = await seedActiveAccount(db, [{ role: 'applicant', scopeId: lab }]);
    await db
      .update(accounts)
      .set({ locale: key === 'A' ? 'zh' : 'en' })
      .where(eq(accounts.id, applicants[key].id));
    const app = await seedSubmittedApplication(db, {
      callId,
      ownerAccountId: applicants[key].id,
      title: `Proposal ${key}: space weathering of regolith grains`,
      team: [{ institutionId: lab, role: 'lead' }],
      people: [{ name, role: 'principal_investigator', institutionId: lab }],
      leadCountry: key === 'A' ? 'HK' : key === 'B' ? 'FR' : undefined,
    });
    ids[key] = app.id;
    await db.insert(applicationRequests).values({ applicationId: app.id, version: 1, sampleOfferId: offer!.id, massMg: mg });
  }
  // The panel's frozen result, as review (issue 8) writes it; the experts' biases are in it, never shown.
  const [round] = await db
    .insert(reviewRounds)
    .values({
      callId,
      stage: 'full_proposal',
      title: 'Screening',
      deadlineAt: new Date(Date.now() + 5 * 86_400_000),
      status: 'closed',
    })
    .returning();
  roundId = round!.id;
  const entry = (key: 'A' | 'B' | 'C', rank: number, calibrated: number, consensus: string, reasons: string) => ({
    applicationId: ids[key],
    title: `Proposal ${key}`,
    rank,
    calibrated,
    low: calibrated - 4,
    high: calibrated + 4,
    rawMean: calibrated + 1,
    reviews: 3,
    consensus,
    reasons,
  });
  await db.insert(panelResults).values({
    roundId,
    sha256: 'x'.repeat(64),
    frozenBy: 'test',
    result: {
      ranking: [
        entry('A', 1, 88.5, 'select', 'Excellent.'),
        entry('B', 2, 80.1, 'conditional', 'Good, handling to agree.'),
        entry('C', 3, 61.2, 'reject', PANEL_REASON_C),
      ],
      experts: [{ expertId: 'e1', name: 'Dr Hidden Reviewer', bias: 2.5 }],
    },
  });
  const decided = await t.app.inject({
    method: 'POST',
    url: `/api/calls/${callId}/selection/decisions`,
    headers: official.headers,
    payload: {
      decisions: [
        { applicationId: ids.A, outcome: 'selected', reason: REASONS.A },
        { applicationId: ids.B, outcome: 'conditional', conditions: CONDITIONS, reason: REASONS.B },
        { applicationId: ids.C, outcome: 'rejected', reason: REASONS.C },
      ],
    },
  });
  expect(decided.statusCode, decided.body).toBe(201);
}, 120_000);

afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const letterOf = async (key: 'A' | 'B' | 'C', locale: 'en' | 'zh', who: SeededAccount = applicants[key]) =>
  t.app.inject({ method: 'GET', url: `/api/applications/${ids[key]}/letters/${locale}`, headers: who.headers });

describe(`decision letters on ${databaseKind} Postgres`, () => {
  it('refuse to be sent by an officer or before the decision exists for anyone but the official', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/calls/${callId}/letters`, headers: officer.headers });
    expect(res.statusCode).toBe(403);
    const applicant = await t.app.inject({ method: 'POST', url: `/api/calls/${callId}/letters`, headers: applicants.A.headers });
    expect(applicant.statusCode).toBe(403);
  });

  it('are generated in English and Chinese and e-mailed once, in the account’s language, with the PDF attached', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/calls/${callId}/letters`, headers: official.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ generated: 3, emailed: 3, notEmailed: 0, alreadySent: 0 });
    const db = t.database.db;
    const mails = await db
      .select({ id: outbox.id, to: outbox.toAddress, locale: outbox.locale, subject: outbox.subject })
      .from(outbox)
      .where(eq(outbox.template, 'decision_letter'));
    const toA = mails.find((m) => m.to === applicants.A.email)!;
    expect(toA.locale).toBe('zh');
    expect(toA.subject).toContain('评选决定');
    expect(mails.find((m) => m.to === applicants.B.email)!.locale).toBe('en');
    const [attachment] = await db.select().from(outboxAttachments).where(eq(outboxAttachments.outboxId, toA.id));
    expect(attachment!.contentType).toBe('application/pdf');
    expect(attachment!.filename).toMatch(/-zh\.pdf$/);
    expect(attachment!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const [stored] = await db
      .select()
      .from(decisionLetters)
      .where(sql`${decisionLetters.applicationId} = ${ids.A} and locale = 'zh'`);
    expect(Buffer.compare(stored!.content, attachment!.content)).toBe(0);

    // Sending again sends nothing twice.
    const again = await t.app.inject({ method: 'POST', url: `/api/calls/${callId}/letters`, headers: official.headers });
    expect(again.json()).toMatchObject({ generated: 0, emailed: 0, alreadySent: 3 });
    expect((await db.select().from(outbox).where(eq(outbox.template, 'decision_letter'))).length).toBe(3);
  });

  it('state the decision, the reasons and the names in Chinese and Latin scripts (read back from the PDF)', async () => {
    const zh = await letterOf('A', 'zh');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toContain('application/pdf');
    const zhText = squash(await extractPdfText(zh.rawPayload));
    for (const s of ['王小明', '香港科技大学', '决定：入选', '决定理由', squash(REASONS.A), 'regolith', '300'])
      expect(zhText).toContain(s);
    const en = squash(await extractPdfText((await letterOf('A', 'en')).rawPayload));
    for (const s of ['王小明', 'HongKongUniversityofScienceandTechnology', 'Decision:selected', squash(REASONS.A)])
      expect(en).toContain(s);

    const b = squash(await extractPdfText((await letterOf('B', 'en')).rawPayload));
    for (const s of [
      'ÉmilieDupont',
      'InstitutdePhysiqueduGlobedeParis',
      'Decision:conditionallyselected',
      squash(CONDITIONS),
      squash(REASONS.B),
    ])
      expect(b).toContain(s);
  });

  it('give a rejection the panel’s evaluation, never an individual reviewer', async () => {
    const c = squash(await extractPdfText((await letterOf('C', 'en')).rawPayload));
    for (const s of [
      'ОльгаИванова',
      'Decision:notselected',
      squash(REASONS.C),
      'Rank3of3',
      '61.2',
      squash(PANEL_REASON_C),
      'individualreviewsarenotdisclosed',
    ])
      expect(c).toContain(s);
    expect(c).not.toContain('HiddenReviewer');
    const czh = squash(await extractPdfText((await letterOf('C', 'zh')).rawPayload));
    for (const s of ['ОльгаИванова', '未入选', '评审组的评价', squash(PANEL_REASON_C)]) expect(czh).toContain(s);
    // Selected letters carry no panel section.
    expect(squash(await extractPdfText((await letterOf('A', 'en')).rawPayload))).not.toContain('panel’sevaluation');
  });

  it('are downloadable by their applicant and the program’s staff; another applicant gets 404, nobody signed in 401', async () => {
    expect((await letterOf('B', 'en', applicants.A)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/applications/${ids.B}/letters`, headers: applicants.A.headers }))
        .statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/${ids.B}/letters/en` })).statusCode).toBe(401);
    expect((await letterOf('B', 'zh', officer)).statusCode).toBe(200);
    const own = await t.app.inject({ method: 'GET', url: `/api/applications/${ids.B}/letters`, headers: applicants.B.headers });
    expect(own.json().map((l: { locale: string }) => l.locale)).toEqual(['en', 'zh']);
    const staff = await t.app.inject({ method: 'GET', url: `/api/calls/${callId}/letters`, headers: officer.headers });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().decisions.map((d: { letters: unknown[] }) => d.letters.length)).toEqual([2, 2, 2]);
  });

  it('are frozen: the database refuses to change or delete a letter', async () => {
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => (e.cause ?? e).message,
      );
    expect(
      await refusal(t.database.db.execute(sql`update decision_letters set sha256 = 'x' where application_id = ${ids.A}`)),
    ).toMatch(/frozen/);
    expect(await refusal(t.database.db.execute(sql`delete from decision_letters where application_id = ${ids.A}`))).toMatch(
      /frozen/,
    );
  });

  it('reach the mail server with the PDF attached', async () => {
    const sent: Parameters<Mailer['send']>[0][] = [];
    await deliverOutbox(t.database.db, { send: async (m) => void sent.push(m) }, 100);
    const toC = sent.find((m) => m.to === applicants.C.email)!;
    expect(toC.attachments?.[0]?.filename).toMatch(/-en\.pdf$/);
    expect(squash(await extractPdfText(toC.attachments![0]!.content))).toContain('ОльгаИванова');
  });
});

describe(`public results on ${databaseKind} Postgres`, () => {
  it('list the selected institutions with their homes and the computed headline, never a rejection', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/results/${callSlug}` });
    expect(res.statusCode, res.body).toBe(200);
    const { results } = res.json();
    expect(results.unit).toBe('institutions');
    expect(results.headline).toEqual({
      en: '2 institutions from 2 countries and regions, 1 conditional',
      zh: '2家机构，来自2个国家和地区，其中1个为有条件入选',
    });
    expect(results.projects.map((p: { title: string }) => p.title)).toEqual([
      'Proposal A: space weathering of regolith grains',
      'Proposal B: space weathering of regolith grains',
    ]);
    expect(results.projects[0].institutions[0]).toMatchObject({
      countryCode: 'HK',
      homeKind: 'region',
      nativeName: '香港科技大学',
    });
    expect(results.projects[0].allocations).toEqual([{ sampleType: 'regolith', massMg: 300 }]);
    expect(res.body).not.toContain(REASONS.C);
    expect(res.body).not.toContain(CONDITIONS);
  });

  it('download as CSV and JSON, and the list shows the call as decided beside the others', async () => {
    const csv = await t.app.inject({ method: 'GET', url: `/api/results/${callSlug}/download.csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"香港科技大学"');
    expect(lines[2]).toContain('"conditional"');
    const json = await t.app.inject({ method: 'GET', url: `/api/results/${callSlug}/download.json` });
    expect(json.json().results.counts).toMatchObject({ institutions: 2, countries: 1, regions: 1 });
    const list = (await t.app.inject({ method: 'GET', url: '/api/results' })).json();
    const mine = list.find((c: { slug: string }) => c.slug === callSlug);
    expect(mine).toMatchObject({ phase: 'decided', selected: 2 });
    expect(mine.headline.en).toBe('2 institutions from 2 countries and regions, 1 conditional');
    expect((await t.app.inject({ method: 'GET', url: '/api/results/no-such-call' })).statusCode).toBe(404);
  });
});

describe(`calendars on ${databaseKind} Postgres`, () => {
  it('a call’s feed has its opening, deadline and announcement', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/calls/${callSlug}/calendar.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = parseIcsEvents(res.body);
    const byKind = new Map(events.map((e) => [e.CATEGORIES, e]));
    const call = (await t.app.inject({ method: 'GET', url: `/api/results/${callSlug}` })).json().call;
    const toSecond = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;
    expect(icsInstant(byKind.get('call_deadline')!.DTSTART!).getTime()).toBe(toSecond(call.closesAt));
    expect(icsInstant(byKind.get('call_opens')!.DTSTART!).getTime()).toBe(toSecond(call.opensAt));
    expect(byKind.get('announcement')!.SUMMARY).toContain('Results announced');
    expect(byKind.get('announcement')!.URL).toContain(`/results/${callSlug}`);
  });

  it('a person’s feed lists their review deadlines behind a secret address that rotation replaces', async () => {
    const db = t.database.db;
    const reviewer = await seedActiveAccount(db, []);
    const [expert] = await db
      .insert(experts)
      .values({ callId, accountId: reviewer.id, name: 'Reviewer', email: reviewer.email, status: 'accepted', invitedBy: 'test' })
      .returning();
    await db
      .insert(reviewAssignments)
      .values({ roundId, expertId: expert!.id, applicationId: ids.A, source: 'manual', createdBy: 'test' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/account/calendar-feed', headers: reviewer.headers })).json().exists,
    ).toBe(false);
    const made = await t.app.inject({ method: 'POST', url: '/api/account/calendar-feed', headers: reviewer.headers });
    expect(made.statusCode, made.body).toBe(200);
    const path = new URL(made.json().url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    const [event] = parseIcsEvents(feed.body).filter((e) => e.CATEGORIES === 'review_deadline');
    expect(event!.SUMMARY).toContain('Reviews due (1)');
    const [round] = await db.select().from(reviewRounds).where(eq(reviewRounds.id, roundId));
    expect(icsInstant(event!.DTSTART!).getTime()).toBe(Math.floor(round!.deadlineAt.getTime() / 1000) * 1000);

    const rotated = await t.app.inject({ method: 'POST', url: '/api/account/calendar-feed', headers: reviewer.headers });
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(rotated.json().url).pathname })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics' })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/account/calendar-feed' })).statusCode).toBe(401);
  });

  it('a person’s feed has the signatures they owe and the duties of loans their institution borrows', async () => {
    const db = t.database.db;
    const lab = String((await makeInstitution(db, { countryCode: 'DE' })).id);
    const person = await seedActiveAccount(db, [{ role: 'applicant', scopeId: lab }]);
    // An agreement awaiting the person's signature, and one they already signed (not listed).
    const deadline = new Date('2031-05-09T09:30:00Z');
    const waiting = await seedAgreementInForce(db, lab);
    await db.execute(
      sql`update agreements set status = 'awaiting_signatures', signature_deadline = ${deadline} where id = ${waiting}`,
    );
    await db.execute(sql`insert into agreement_signatories (agreement_id, position, party_role, party_name, signer_name, email)
      values (${waiting}, 2, 'partner', 'Lab', 'Person', ${person.email.toUpperCase()})`);
    // A loan opened two years and a half ago, due in 2031: inventories and reports each year, then the return.
    const loan = await seedOpenLoan(db, {
      collectionId: (await makeSampleCollection(db)).id,
      masses: [1_000],
      institutionId: lab,
      openedAt: new Date('2024-03-01T08:00:00Z'),
      dueOn: '2026-12-31',
    });
    await db.execute(sql`insert into borrower_duties (loan_id, kind, period, due_on, status, fulfilled_at, fulfilled_by)
      values (${loan.loanId}, 'annual_inventory', 1, '2025-03-01', 'fulfilled', now(), 'test')`);
    const made = await t.app.inject({ method: 'POST', url: '/api/account/calendar-feed', headers: person.headers });
    const feed = await t.app.inject({ method: 'GET', url: new URL(made.json().url).pathname });
    const events = parseIcsEvents(feed.body);
    const signature = events.filter((e) => e.CATEGORIES === 'signature_deadline');
    expect(signature.map((e) => icsInstant(e.DTSTART!).toISOString())).toEqual([deadline.toISOString()]);
    expect(signature[0]!.URL).toContain(`/agreements/${waiting}/sign`);
    const duties = events
      .filter((e) => e.CATEGORIES === 'loan_duty')
      .map((e) => [icsInstant(e.DTSTART!).toISOString().slice(0, 10), e.SUMMARY!.split(':')[0]]);
    expect(duties).toEqual([
      ['2025-03-01', 'Research report due'],
      ['2026-03-01', 'Annual inventory due'],
      ['2026-03-01', 'Research report due'],
      ['2026-12-31', 'Return or consumption record due'],
    ]);
    expect(events.find((e) => e.CATEGORIES === 'loan_duty')!.URL).toContain(`/borrower/loans/${loan.loanId}`);
    // Someone else's feed has none of these.
    const stranger = await seedActiveAccount(db, []);
    const theirs = await t.app.inject({ method: 'POST', url: '/api/account/calendar-feed', headers: stranger.headers });
    const other = parseIcsEvents((await t.app.inject({ method: 'GET', url: new URL(theirs.json().url).pathname })).body);
    expect(other.filter((e) => e.CATEGORIES === 'loan_duty' || e.CATEGORIES === 'signature_deadline')).toEqual([]);
  });
});
