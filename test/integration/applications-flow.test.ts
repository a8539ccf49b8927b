import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { ensureCountry, makeInstitution, makeMission, makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';

let t: TestApp;
let officer: SeededAccount;
let otherOfficer: SeededAccount;
let applicant: SeededAccount;
let otherApplicant: SeededAccount;
let programId: string;
let hostModuleId: string;
let collectionId: string;
let leadId: string;
let partnerId: string;
let excludedId: string;
let n = 0;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  programId = String((await makeProgram(db)).id);
  const otherProgram = String((await makeProgram(db)).id);
  const mission = await makeMission(db, { name: "Chang'e-8" });
  const lander = await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get('host-modules')!, {
    missionId: mission.id,
    kind: 'lander',
    name: "Chang'e-8 lander",
    poolMassG: 200_000,
    itemMaxMassG: 100_000,
  });
  hostModuleId = String(lander.id);
  const collection = await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get('sample-collections')!, {
    slug: 'ce5-loan',
    missionId: mission.id,
    name: "Chang'e-5 samples",
    returnedMassMg: 1_731_000,
    sampleTypes: ['scooped regolith'],
  });
  collectionId = String(collection.id);
  await ensureCountry(db, 'KP');
  leadId = String((await makeInstitution(db, { countryCode: 'FR', name: 'Institut de Physique du Globe' })).id);
  partnerId = String((await makeInstitution(db, { countryCode: 'US', name: 'Stony Brook University' })).id);
  excludedId = String((await makeInstitution(db, { countryCode: 'KP', name: 'Excluded Institute' })).id);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  otherOfficer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: otherProgram }]);
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: leadId }]);
  otherApplicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: partnerId }]);
});
afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function publishedCall(overrides: Record<string, unknown> = {}) {
  n++;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/calls',
    headers: officer.headers,
    payload: {
      slug: `flow-call-${n}`,
      programId,
      title: `Chang'e-8 international payloads ${n}`,
      timeZone: 'Asia/Shanghai',
      opensAt: hours(-1),
      closesAt: hours(48),
      eligibility: { excludedCountries: ['KP'] },
      requiredDocuments: [{ key: 'technical_annex', name: 'technical annex', required: true }],
      criteria: [{ key: 'science', name: 'Science', weight: 100 }],
      sampleOffers: [{ sampleCollectionId: collectionId, sampleType: 'scooped regolith', availableMg: 10_000, reserveMg: 2_000 }],
      moduleOffers: [{ hostModuleId }],
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const call = res.json();
  const published = await t.app.inject({ method: 'POST', url: `/api/calls/${call.id}/publish`, headers: officer.headers });
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}

function goodDocument(call: { moduleOffers: { id: string }[]; sampleOffers: { id: string }[] }, massG = 20_000) {
  return {
    title: 'Lunar dust spectrometer',
    abstract: 'We measure the charging of lunar dust at the south pole.',
    team: [
      { institutionId: leadId, role: 'lead' },
      { institutionId: partnerId, role: 'partner' },
    ],
    people: [{ name: 'Ada Lovelace', role: 'principal_investigator', institutionId: leadId }],
    scheme: { objectives: 'Dust.', methods: 'Spectra.', expectedResults: 'Papers.', heritage: '' },
    sampleRequests: [{ offerId: call.sampleOffers[0]!.id, massMg: 500, form: 'powder_portion', purpose: 'Spectra' }],
    payloadRequests: [
      {
        offerId: call.moduleOffers[0]!.id,
        name: 'Dust spectrometer',
        massG,
        avgPowerMw: 5_000,
        peakPowerMw: 8_000,
        dataMbPerDay: 10,
        lengthMm: 300,
        widthMm: 200,
        heightMm: 150,
        minTempC: -40,
        maxTempC: 60,
        mounting: 'outside',
      },
    ],
  };
}

const as = (who: SeededAccount) => who.headers;

async function newDraft(callId: string, who = applicant, payload: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: `/api/calls/${callId}/applications`, headers: as(who), payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function save(id: string, document: unknown, baseRevision: number, who = applicant) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/applications/${id}/draft`,
    headers: as(who),
    payload: { document, baseRevision },
  });
}

async function upload(id: string, content: Buffer, filename = 'annex.pdf', documentKey = 'technical_annex') {
  return t.app.inject({
    method: 'POST',
    url: `/api/applications/${id}/attachments?documentKey=${documentKey}&filename=${encodeURIComponent(filename)}`,
    headers: { ...as(applicant), 'content-type': 'application/pdf' },
    payload: content,
  });
}

const submit = (id: string, revision: number, who = applicant) =>
  t.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: as(who), payload: { revision } });

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(t.database.db, query);
  return Number(row!.n);
}

describe(`applications on ${databaseKind} Postgres`, () => {
  it('runs the applicant flow: draft, revisions, check, submit with every error, fix, submit, repeat, amend, withdraw', async () => {
    const call = await publishedCall();
    const app = await newDraft(call.id);
    expect(app).toMatchObject({ status: 'draft', stage: 'full_proposal', draftRevision: 0, versions: [] });

    // Saves continuously; a stale base revision (another tab) is refused and names the current one.
    const first = await save(app.id, { title: 'Lunar dust' }, 0);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().draftRevision).toBe(1);
    const stale = await save(app.id, { title: 'Other tab' }, 0);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('current revision is 1');
    // A shape error (a mass as text) is refused; incompleteness is not.
    const badShape = await save(app.id, { payloadRequests: [{ offerId: 'x', massG: 'heavy' }] }, 1);
    expect(badShape.statusCode).toBe(400);
    expect(badShape.json().field).toBe('document.payloadRequests.0.massG');

    // Everything wrong at once: an ineligible partner, a 120 kg item, no abstract, no scheme, no annex.
    const wrong = {
      title: 'Lunar dust',
      team: [
        { institutionId: leadId, role: 'lead' },
        { institutionId: excludedId, role: 'partner' },
      ],
      payloadRequests: [{ ...goodDocument(call).payloadRequests[0], massG: 120_000 }],
    };
    const second = await save(app.id, wrong, 1);
    expect(second.statusCode, second.body).toBe(200);
    const check = await t.app.inject({ method: 'POST', url: `/api/applications/${app.id}/check`, headers: as(applicant) });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().check.result).toBe('fail');
    expect(check.json().window.open).toBe(true);
    const refused = await submit(app.id, 2);
    expect(refused.statusCode).toBe(400);
    const errors: { field: string; code: string; message: string }[] = refused.json().errors;
    const fields = errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'abstract',
        'scheme.objectives',
        'people',
        'team.1.institutionId',
        'payloadRequests.0.massG',
        'attachments.technical_annex',
      ]),
    );
    expect(errors.find((e) => e.field === 'team.1.institutionId')!.code).toBe('INELIGIBLE');
    const overLimit = errors.find((e) => e.field === 'payloadRequests.0.massG')!;
    expect(overLimit.message).toMatch(/120/);
    expect(overLimit.message).toMatch(/100/);
    expect(await count(sql`select count(*) as n from application_versions where application_id = ${app.id}`)).toBe(0);

    // A PNG renamed .pdf is refused by its content.
    const png = await upload(app.id, PNG, 'annex.pdf');
    expect(png.statusCode).toBe(400);
    expect(png.json()).toMatchObject({ code: 'INVALID_FILE', field: 'file' });
    expect(png.json().detail).toContain('PNG');
    const unknownKey = await upload(app.id, PDF, 'annex.pdf', 'budget');
    expect(unknownKey.json().field).toBe('documentKey');

    // Fix everything and submit.
    const uploaded = await upload(app.id, PDF, '技术附件 "v2".pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const fixed = await save(app.id, goodDocument(call), 2);
    expect(fixed.json().draftRevision).toBe(3);
    const ok = await submit(app.id, 3);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, status: 'submitted', repeated: false });

    // A double submit of the same revision is idempotent.
    const repeat = await submit(app.id, 3);
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect(repeat.json()).toMatchObject({ version: 1, repeated: true, submittedAt: ok.json().submittedAt });
    expect(await count(sql`select count(*) as n from application_versions where application_id = ${app.id}`)).toBe(1);
    expect(
      await count(sql`select count(*) as n from audit_log where subject_id = ${app.id} and action = 'application.submitted'`),
    ).toBe(1);
    const [mail] = await queryRows<{ subject: string; body: string }>(
      t.database.db,
      sql`select subject, body from outbox where template = 'submission_receipt' and to_address = ${applicant.email}`,
    );
    expect(mail!.subject).toContain(call.title);
    expect(mail!.body).toContain('Asia/Shanghai');

    // Amend before the deadline: version 2.
    const amended = await save(app.id, goodDocument(call, 30_000), 3);
    expect(amended.json().draftRevision).toBe(4);
    const v2 = await submit(app.id, 4);
    expect(v2.json()).toMatchObject({ version: 2, repeated: false });
    expect((await submit(app.id, 3)).statusCode).toBe(409); // an older revision is not the current draft

    const detail = await t.app.inject({ method: 'GET', url: `/api/applications/${app.id}`, headers: as(applicant) });
    expect(detail.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.json().attachments).toHaveLength(1);
    expect(detail.json().check.result).toBe('pass');
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/applications/${app.id}/attachments/${uploaded.json().id}`,
      headers: as(officer),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.rawPayload, PDF)).toBe(0);
    // A name in any script survives the download, with an ASCII fallback for old clients.
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="____ _v2_.pdf"; filename*=UTF-8''${encodeURIComponent('技术附件 "v2".pdf')}`,
    );

    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/applications/${app.id}/withdraw`, headers: as(applicant) });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await save(app.id, goodDocument(call), 4)).statusCode).toBe(409);
    expect((await submit(app.id, 4)).statusCode).toBe(409);
    const rows = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where subject_id = ${app.id} order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'application.created',
      'application.attachment_uploaded',
      'application.submitted',
      'application.amended',
      'application.withdrawn',
    ]);
  });

  it('keeps applications private: other applicants and other programs’ officers get 404', async () => {
    const call = await publishedCall();
    const app = await newDraft(call.id);
    for (const who of [otherApplicant, otherOfficer]) {
      expect((await t.app.inject({ method: 'GET', url: `/api/applications/${app.id}`, headers: as(who) })).statusCode).toBe(404);
    }
    expect((await save(app.id, { title: 'mine now' }, 0, otherApplicant)).statusCode).toBe(404);
    expect((await submit(app.id, 0, otherApplicant)).statusCode).toBe(404);
    const mine = await t.app.inject({ method: 'GET', url: '/api/applications', headers: as(otherApplicant) });
    expect(mine.json().map((a: { id: string }) => a.id)).not.toContain(app.id);
    // Not even the officer of the call's program reads a draft that was never submitted.
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/${app.id}`, headers: as(officer) })).statusCode).toBe(
      404,
    );
  });

  it('shows staff what was submitted, never a live draft: not before submission, and the submitted version during an amendment', async () => {
    const call = await publishedCall();
    const official = await seedActiveAccount(t.database.db, [{ role: 'selection_official', scopeId: programId }]);
    const app = await newDraft(call.id);
    const firstAnnex = (await upload(app.id, PDF, 'annex-v1.pdf')).json();
    expect((await save(app.id, goodDocument(call, 20_000), 0)).statusCode).toBe(200);
    const read = (who: SeededAccount) => t.app.inject({ method: 'GET', url: `/api/applications/${app.id}`, headers: as(who) });
    const annex = (who: SeededAccount, id: string) =>
      t.app.inject({ method: 'GET', url: `/api/applications/${app.id}/attachments/${id}`, headers: as(who) });
    const listed = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/calls/${call.id}/applications`, headers: as(officer) })).json();

    // A draft never submitted does not exist for staff: not read, not listed, not counted, not downloadable.
    for (const who of [officer, official]) expect((await read(who)).statusCode).toBe(404);
    expect((await annex(officer, firstAnnex.id)).statusCode).toBe(404);
    expect(await listed()).toEqual([]);
    const before = await t.app.inject({ method: 'GET', url: `/api/calls/${call.id}/stats`, headers: as(officer) });
    expect(before.json().applications).toBe(0);

    expect((await submit(app.id, 1)).json().version).toBe(1);
    for (const who of [officer, official]) {
      const res = await read(who);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ title: 'Lunar dust spectrometer', shownVersion: 1, draftRevision: 1 });
    }

    // The applicant starts an amendment: a new title, a heavier payload and a replaced annex, not submitted.
    const amendment = { ...goodDocument(call, 35_000), title: 'Amended title, work in progress' };
    expect((await save(app.id, amendment, 1)).statusCode).toBe(200);
    const secondAnnex = (await upload(app.id, PDF, 'annex-v2-draft.pdf')).json();

    const own = (await read(applicant)).json();
    expect(own).toMatchObject({ title: amendment.title, shownVersion: null, draftRevision: 2 });
    expect(own.draft.title).toBe(amendment.title);
    expect(own.attachments.map((a: { id: string }) => a.id)).toEqual([secondAnnex.id]);

    for (const who of [officer, official]) {
      const seen = (await read(who)).json();
      expect(seen).toMatchObject({ title: 'Lunar dust spectrometer', shownVersion: 1, draftRevision: 1, submittedVersion: 1 });
      expect(seen.draft.title).toBe('Lunar dust spectrometer');
      expect(seen.draft.payloadRequests[0].massG).toBe(20_000);
      expect(JSON.stringify(seen)).not.toContain('work in progress');
      expect(seen.attachments.map((a: { id: string }) => a.id)).toEqual([firstAnnex.id]);
      expect((await annex(who, firstAnnex.id)).statusCode).toBe(200);
      expect((await annex(who, secondAnnex.id)).statusCode).toBe(404);
    }
    const [row] = await listed();
    expect(row).toMatchObject({ title: 'Lunar dust spectrometer', submittedVersion: 1, requestedMassG: 20_000 });
    for (const format of ['csv', 'json']) {
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/calls/${call.id}/applications/export?format=${format}`,
        headers: as(officer),
      });
      expect(file.body).toContain('Lunar dust spectrometer');
      expect(file.body).not.toContain('work in progress');
    }
    const during = (await t.app.inject({ method: 'GET', url: `/api/calls/${call.id}/stats`, headers: as(official) })).json();
    expect(during.applications).toBe(1);
    expect(during.moduleOffers[0]).toMatchObject({ requestedMassG: 20_000, requests: 1 });

    // Once the amendment is submitted, staff read version 2.
    expect((await submit(app.id, 2)).json().version).toBe(2);
    const after = (await read(officer)).json();
    expect(after).toMatchObject({ title: amendment.title, shownVersion: 2, draftRevision: 2 });
    expect(after.attachments.map((a: { id: string }) => a.id)).toEqual([secondAnnex.id]);
    expect((await listed())[0]).toMatchObject({ title: amendment.title, requestedMassG: 35_000 });
  });

  it('refuses submissions outside the window with a clear "closed" error', async () => {
    const call = await publishedCall({ closesAt: hours(48) });
    const app = await newDraft(call.id);
    await upload(app.id, PDF);
    await save(app.id, goodDocument(call), 0);
    await t.database.db.execute(sql`update calls set closes_at = now() - interval '1 minute' where id = ${call.id}`);
    const late = await submit(app.id, 1);
    expect(late.statusCode).toBe(409);
    expect(late.json().field).toBe('closesAt');
    expect(late.json().detail).toMatch(/closed on .*Asia\/Shanghai/);
    const lateSave = await save(app.id, goodDocument(call), 1);
    expect(lateSave.statusCode).toBe(409);
    const lateDraft = await t.app.inject({
      method: 'POST',
      url: `/api/calls/${call.id}/applications`,
      headers: as(applicant),
      payload: {},
    });
    expect(lateDraft.statusCode).toBe(409);
    expect(lateDraft.json().detail).toContain('closed');
  });

  it('runs a two-stage call: letter of intent, shortlist, then a full proposal', async () => {
    const call = await publishedCall({ stages: 2, loiClosesAt: hours(24) });
    const loi = await newDraft(call.id);
    expect(loi.stage).toBe('letter_of_intent');
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/calls/${call.id}/applications`,
      headers: as(applicant),
      payload: { stage: 'full_proposal' },
    });
    expect(early.statusCode).toBe(409);
    const { title, abstract, team } = goodDocument(call);
    await save(loi.id, { title, abstract, team }, 0);
    expect((await submit(loi.id, 1)).json().version).toBe(1);
    const decide = (who: SeededAccount) =>
      t.app.inject({
        method: 'POST',
        url: `/api/applications/${loi.id}/shortlist`,
        headers: as(who),
        payload: { decision: 'shortlisted' },
      });
    expect((await decide(otherOfficer)).statusCode).toBe(404);
    const shortlisted = await decide(officer);
    expect(shortlisted.statusCode, shortlisted.body).toBe(200);
    expect(shortlisted.json().status).toBe('shortlisted');
    expect((await decide(officer)).statusCode).toBe(409);
    const full = await newDraft(call.id, applicant, { stage: 'full_proposal' });
    expect(full.stage).toBe('full_proposal');
  });

  it('exports and counts what was submitted', async () => {
    const call = await publishedCall();
    const masses = [10_000, 25_000, 40_000];
    for (const massG of masses) {
      const app = await newDraft(call.id);
      await upload(app.id, PDF);
      await save(app.id, goodDocument(call, massG), 0);
      expect((await submit(app.id, 1)).statusCode).toBe(200);
    }
    await newDraft(call.id); // a draft never submitted is not listed

    const list = await t.app.inject({ method: 'GET', url: `/api/calls/${call.id}/applications`, headers: as(officer) });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toHaveLength(3);
    expect(list.json()[0]).toMatchObject({
      leadCountry: 'FR',
      leadInstitution: { id: leadId },
      status: 'submitted',
      checkResult: 'pass',
      requestedMassMg: 500,
    });
    expect(
      list
        .json()
        .map((r: { requestedMassG: number }) => r.requestedMassG)
        .sort(),
    ).toEqual(masses.sort());
    const us = await t.app.inject({ method: 'GET', url: `/api/calls/${call.id}/applications?country=US`, headers: as(officer) });
    expect(us.json()).toHaveLength(0);

    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/calls/${call.id}/applications/export?format=csv`,
      headers: as(officer),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true); // so spreadsheets read it as UTF-8
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('lead_country');
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.includes(',FR,'))).toHaveLength(3);
    const json = await t.app.inject({
      method: 'GET',
      url: `/api/calls/${call.id}/applications/export?format=json`,
      headers: as(officer),
    });
    // The file holds the rows; `can` (what the viewer may do) is for the screen only.
    expect(JSON.parse(json.body)).toEqual(list.json().map(({ can: _can, ...row }: { can: unknown }) => row));

    const stats = await t.app.inject({ method: 'GET', url: `/api/calls/${call.id}/stats`, headers: as(officer) });
    expect(stats.statusCode, stats.body).toBe(200);
    const s = stats.json();
    expect(s.applications).toBe(3);
    expect(s.byCountry).toEqual(
      expect.arrayContaining([
        { countryCode: 'FR', teamInstitutions: 3, applications: 3, leads: 3 },
        { countryCode: 'US', teamInstitutions: 3, applications: 3, leads: 0 },
      ]),
    );
    expect(s.sampleOffers[0]).toMatchObject({ offeredMg: 10_000, reserveMg: 2_000, requestedMg: 1_500, requests: 3 });
    expect(s.moduleOffers[0]).toMatchObject({ offeredMassG: 200_000, requestedMassG: 75_000, requests: 3 });
  });
});
