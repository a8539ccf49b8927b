import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/services/actor.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeMission, makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';

// Issue 7, item 12: what staff and applicants are offered matches what the API allows. Calls and
// rows carry `can`, computed by the policy and the state machines; staff read the submitted version;
// a shortlisted applicant is told about the full proposal; My calls lists every state; the portal's
// "open" comes from the calls.

let t: TestApp;
let officer: SeededAccount;
let official: SeededAccount;
let otherOfficer: SeededAccount;
let applicant: SeededAccount;
let programId: string;
let otherProgramId: string;
let hostModuleId: string;
let leadId: string;
let n = 0;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  programId = String((await makeProgram(db)).id);
  otherProgramId = String((await makeProgram(db)).id);
  const mission = await makeMission(db, { name: 'Tianwen-3' });
  hostModuleId = String(
    (
      await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get('host-modules')!, {
        missionId: mission.id,
        kind: 'orbiter',
        name: 'Tianwen-3 orbiter',
        poolMassG: 15_000,
        itemMaxMassG: 10_000,
      })
    ).id,
  );
  leadId = String((await makeInstitution(db, { countryCode: 'FR', name: 'Institut de Physique du Globe' })).id);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  official = await seedActiveAccount(db, [{ role: 'selection_official', scopeId: programId }]);
  otherOfficer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: otherProgramId }]);
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: leadId }]);
});
afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const inject = (who: SeededAccount | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });

async function ok(who: SeededAccount | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const res = await inject(who, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

async function draftCall(overrides: Record<string, unknown> = {}, program = programId, who = officer) {
  n++;
  return ok(who, 'POST', '/api/calls', {
    slug: `staff-call-${n}`,
    programId: program,
    title: `Tianwen-3 partner payloads ${n}`,
    timeZone: 'Asia/Shanghai',
    opensAt: hours(-1),
    closesAt: hours(48),
    criteria: [{ key: 'science', name: 'Science', weight: 100 }],
    requiredDocuments: [{ key: 'technical_annex', name: 'Technical annex', required: false }],
    moduleOffers: [{ hostModuleId }],
    ...overrides,
  });
}

const publish = (call: { id: string }) => ok(officer, 'POST', `/api/calls/${call.id}/publish`);

async function submittedLetter(call: { id: string }, title = 'Mars dust sensor') {
  const loi = await ok(applicant, 'POST', `/api/calls/${call.id}/applications`, {});
  await ok(applicant, 'PUT', `/api/applications/${loi.id}/draft`, {
    document: { title, abstract: 'Dust in the Martian orbit.', team: [{ institutionId: leadId, role: 'lead' }] },
    baseRevision: 0,
  });
  await ok(applicant, 'POST', `/api/applications/${loi.id}/submit`, { revision: 1 });
  return loi as { id: string };
}

describe(`staff workflow on ${databaseKind} Postgres`, () => {
  it('tells each viewer what they may do with a call (can), by role and by state', async () => {
    const draft = await draftCall({ stages: 2, loiClosesAt: hours(24) });
    expect(draft.can).toEqual({
      edit: true,
      publish: true,
      close: false,
      cancel: true,
      readApplications: true,
      shortlist: true,
      apply: false,
    });
    const published = await publish(draft);
    expect(published.can).toMatchObject({ publish: false, close: true, cancel: true, edit: true });
    const asOfficial = await ok(official, 'GET', `/api/calls/${draft.id}`);
    expect(asOfficial.can).toMatchObject({ readApplications: true, shortlist: false, edit: false, publish: false });
    const asApplicant = await ok(applicant, 'GET', `/api/calls/${draft.id}`);
    expect(asApplicant.can).toMatchObject({ readApplications: false, shortlist: false, apply: true, edit: false });
    const asOtherOfficer = await ok(otherOfficer, 'GET', `/api/calls/${draft.id}`);
    expect(asOtherOfficer.can).toMatchObject({ readApplications: false, edit: false, close: false });
    const asVisitor = await ok(null, 'GET', `/api/calls/${draft.id}`);
    expect(Object.values(asVisitor.can).every((v) => v === false)).toBe(true);
    // What `can` promises, the API keeps: the official's shortlist and the applicant's applications list are refused.
    expect((await inject(applicant, 'GET', `/api/calls/${draft.id}/applications`)).statusCode).toBe(403);
  });

  it('offers Shortlist only on undecided letters of intent, and only to the officer', async () => {
    const call = await publish(await draftCall({ stages: 2, loiClosesAt: hours(24) }));
    const first = await submittedLetter(call, 'First letter');
    const second = await submittedLetter(call, 'Second letter');
    const rows = async (who: SeededAccount) =>
      Object.fromEntries(
        ((await ok(who, 'GET', `/api/calls/${call.id}/applications`)) as { id: string; can: { shortlist: boolean } }[]).map(
          (r) => [r.id, r.can.shortlist],
        ),
      );
    expect(await rows(officer)).toEqual({ [first.id]: true, [second.id]: true });
    expect(await rows(official)).toEqual({ [first.id]: false, [second.id]: false });
    await ok(officer, 'POST', `/api/applications/${first.id}/shortlist`, { decision: 'shortlisted' });
    expect(await rows(officer)).toEqual({ [first.id]: false, [second.id]: true });
    // The row that now says false is indeed refused.
    expect(
      (await inject(officer, 'POST', `/api/applications/${first.id}/shortlist`, { decision: 'not_shortlisted' })).statusCode,
    ).toBe(409);
    expect(
      (await inject(official, 'POST', `/api/applications/${second.id}/shortlist`, { decision: 'shortlisted' })).statusCode,
    ).toBe(403);
  });

  it('tells the owner of a shortlisted letter of intent about the full proposal, and lets it start', async () => {
    const call = await publish(await draftCall({ stages: 2, loiClosesAt: hours(24) }));
    const loi = await submittedLetter(call);
    const step = async () =>
      ((await ok(applicant, 'GET', '/api/applications')) as { id: string; fullProposal?: unknown }[]).find((a) => a.id === loi.id)
        ?.fullProposal;
    expect(await step()).toBeUndefined();
    await ok(officer, 'POST', `/api/applications/${loi.id}/shortlist`, { decision: 'shortlisted' });
    expect(await step()).toMatchObject({ applicationId: null, canStart: true });
    expect((await ok(applicant, 'GET', `/api/applications/${loi.id}`)).fullProposal).toMatchObject({ canStart: true });
    const full = await ok(applicant, 'POST', `/api/calls/${call.id}/applications`, { stage: 'full_proposal' });
    expect(await step()).toMatchObject({ applicationId: full.id, canStart: false });
  });

  it('shows staff the submitted version, never the live draft, with the attachments of that version', async () => {
    const call = await publish(await draftCall());
    const app = await ok(applicant, 'POST', `/api/calls/${call.id}/applications`, {});
    const offerId = call.moduleOffers[0].id;
    const attach = async (filename: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/applications/${app.id}/attachments?documentKey=technical_annex&filename=${filename}`,
        headers: { ...applicant.headers, 'content-type': 'application/pdf' },
        payload: PDF,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await attach('annex.pdf');
    expect((await inject(officer, 'GET', `/api/applications/${app.id}/submitted`)).statusCode).toBe(404); // not submitted yet
    const document = {
      title: 'Orbital dust counter',
      abstract: 'Counting dust grains around Mars.',
      team: [{ institutionId: leadId, role: 'lead' }],
      people: [{ name: 'Ada Lovelace', role: 'principal_investigator' }],
      scheme: { objectives: 'Count.', methods: 'Impact sensor.', expectedResults: 'Flux.', heritage: '' },
      payloadRequests: [
        {
          offerId,
          name: 'Dust counter',
          massG: 2_000,
          avgPowerMw: 3_000,
          peakPowerMw: 5_000,
          dataMbPerDay: 5,
          lengthMm: 200,
          widthMm: 100,
          heightMm: 100,
          minTempC: -20,
          maxTempC: 40,
          mounting: 'outside',
        },
      ],
    };
    await ok(applicant, 'PUT', `/api/applications/${app.id}/draft`, { document, baseRevision: 0 });
    await ok(applicant, 'POST', `/api/applications/${app.id}/submit`, { revision: 1 });
    // The applicant keeps editing (an amendment not submitted) and attaches a new file.
    await ok(applicant, 'PUT', `/api/applications/${app.id}/draft`, {
      document: { ...document, title: 'Live draft' },
      baseRevision: 1,
    });
    await attach('amended.pdf');

    for (const who of [officer, official]) {
      const read = await ok(who, 'GET', `/api/applications/${app.id}/submitted`);
      expect(read).toMatchObject({ version: 1, title: 'Orbital dust counter', document: { title: 'Orbital dust counter' } });
      expect(read.institutions).toEqual([{ id: leadId, name: 'Institut de Physique du Globe', countryCode: 'FR' }]);
      expect(read.attachments.map((a: { filename: string }) => a.filename)).toEqual(['annex.pdf']);
      expect(read.check.result).toMatch(/pass|warn|fail/);
      expect(read.can.shortlist).toBe(false); // one-stage call
    }
    expect((await inject(otherOfficer, 'GET', `/api/applications/${app.id}/submitted`)).statusCode).toBe(404);
    expect((await inject(applicant, 'GET', `/api/applications/${app.id}/submitted`)).statusCode).toBe(403);
  });

  it('lists My calls in every state for the officer, what officials may see, and nothing for others', async () => {
    const draft = await draftCall({ title: 'Mine: draft' });
    const published = await publish(await draftCall({ title: 'Mine: published' }));
    const closed = await ok(
      officer,
      'POST',
      `/api/calls/${(await publish(await draftCall({ title: 'Mine: closed' }))).id}/close`,
    );
    const cancelled = await ok(officer, 'POST', `/api/calls/${(await draftCall({ title: 'Mine: cancelled' })).id}/cancel`);
    const foreign = await draftCall({ title: 'Not mine' }, otherProgramId, otherOfficer);
    const mine = async (who: SeededAccount) =>
      new Set(((await ok(who, 'GET', '/api/calls?mine=true')) as { id: string }[]).map((c) => c.id));
    const officers = await mine(officer);
    for (const call of [draft, published, closed, cancelled]) expect(officers.has(call.id)).toBe(true);
    expect(officers.has(foreign.id)).toBe(false);
    const officials = await mine(official);
    expect(officials.has(published.id) && officials.has(closed.id)).toBe(true);
    expect(officials.has(draft.id) || officials.has(cancelled.id)).toBe(false);
    expect((await mine(applicant)).size).toBe(0);
    expect(closed.status).toBe('closed');
    expect(cancelled.status).toBe('cancelled');
  });

  it('derives "open" on the portal from the calls: a closed call no longer makes its program open', async () => {
    const db = t.database.db;
    const stale = await makeProgram(db, { name: 'Stored as open, call closed', status: 'open' });
    const live = await makeProgram(db, { name: 'Stored as planned, call open', status: 'planned' });
    const admin = await seedActiveAccount(db, [{ role: 'administrator' }]);
    const staleCall = await draftCall({}, String(stale.id), admin);
    await ok(admin, 'POST', `/api/calls/${staleCall.id}/publish`);
    await ok(admin, 'POST', `/api/calls/${staleCall.id}/close`);
    await ok(admin, 'POST', `/api/calls/${(await draftCall({}, String(live.id), admin)).id}/publish`);
    const summary = await ok(null, 'GET', '/api/portal/summary');
    const open = summary.openOpportunities.map((p: { id: string }) => p.id);
    expect(open).toContain(live.id);
    expect(open).not.toContain(stale.id);
    expect(summary.totals.openPrograms).toBe(open.length);
    expect((await ok(null, 'GET', `/api/portal/programs/${stale.slug}`)).program.status).toBe('running');
    expect((await ok(null, 'GET', `/api/portal/programs/${live.slug}`)).program.status).toBe('open');
  });
});
