import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';
import { seedClosedCall, seedSubmittedApplication } from '../support/review-factories.js';

let t: TestApp;
let officer: SeededAccount;
let otherOfficer: SeededAccount;
let applicant: SeededAccount;
let colleague: SeededAccount; // an expert at the applicant's institution
let coauthor: SeededAccount; // an expert who co-authored with the PI
let stranger: SeededAccount; // an expert with no conflict
let callId: string;
let roundId: string;
let applicationId: string;
const expertIds: Record<string, string> = {};
let cologne: string;

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  const programId = String((await makeProgram(db)).id);
  const otherProgram = String((await makeProgram(db)).id);
  cologne = String((await makeInstitution(db, { countryCode: 'DE', name: 'University of Cologne' })).id);
  const paris = String((await makeInstitution(db, { countryCode: 'FR', name: 'IPGP' })).id);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  otherOfficer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: otherProgram }]);
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: cologne }], { email: 'c.muenker@uni-koeln.de' });
  colleague = await seedActiveAccount(db, [], { email: 'colleague@geo.uni-koeln.de' });
  coauthor = await seedActiveAccount(db, [], { email: 'coauthor@ipgp.fr' });
  stranger = await seedActiveAccount(db, [], { email: 'stranger@example.edu' });
  const call = await seedClosedCall(db, programId);
  callId = call.id;
  const application = await seedSubmittedApplication(db, {
    callId,
    ownerAccountId: applicant.id,
    title: 'Tungsten isotopes of Chang’e-5 basalts',
    team: [
      { institutionId: cologne, role: 'lead' },
      { institutionId: paris, role: 'partner' },
    ],
    people: [{ name: 'Carsten Münker', role: 'principal_investigator', institutionId: cologne, orcid: '0000-0002-1825-0097' }],
    leadCountry: 'DE',
  });
  applicationId = application.id;
});

afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const post = (url: string, who: SeededAccount, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });

describe(`expert review on ${databaseKind} Postgres`, () => {
  it('opens a round; only the program’s officers may', async () => {
    const body = {
      stage: 'full_proposal',
      title: 'Scientific screening',
      deadlineAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      reviewsPerProposal: 2,
      dualAnonymous: true,
    };
    const refused = await post(`/api/calls/${callId}/review-rounds`, otherOfficer, body);
    expect(refused.statusCode).toBe(404);
    const res = await post(`/api/calls/${callId}/review-rounds`, officer, body);
    expect(res.statusCode, res.body).toBe(201);
    roundId = res.json().id;
    const again = await post(`/api/calls/${callId}/review-rounds`, officer, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUPLICATE');
  });

  it('invites experts by e-mail; each accepts; the invitation is in the outbox', async () => {
    const invite = async (who: SeededAccount, extra: Record<string, unknown>) => {
      const res = await post(`/api/calls/${callId}/experts`, officer, {
        name: `Expert ${who.email}`,
        email: who.email,
        maxLoad: 3,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    expertIds.colleague = await invite(colleague, { institutionId: cologne });
    expertIds.coauthor = await invite(coauthor, {});
    expertIds.stranger = await invite(stranger, { keywords: ['isotopes'] });
    const dup = await post(`/api/calls/${callId}/experts`, officer, { name: 'x', email: stranger.email.toUpperCase() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().field).toBe('email');
    for (const [who, id] of [
      [colleague, expertIds.colleague],
      [coauthor, expertIds.coauthor],
      [stranger, expertIds.stranger],
    ] as const) {
      // Nobody answers for someone else.
      expect((await post(`/api/experts/${id}/answer`, applicant, { answer: 'accepted' })).statusCode).toBe(404);
      const res = await post(`/api/experts/${id}/answer`, who, { answer: 'accepted' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe('accepted');
    }
    const mail = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from outbox where template = 'review_invitation'`,
    );
    expect(Number(mail[0]?.n)).toBe(3);
  });

  it('detects conflicts with their evidence: same institution, co-authorship', async () => {
    await t.database.db.execute(
      sql`insert into expert_publications (expert_id, title, year, coauthors) values (${expertIds.coauthor}, 'Early lunar differentiation', 2024, '["Münker, C.", "Doe, J."]'::jsonb)`,
    );
    const res = await post(`/api/review-rounds/${roundId}/detect-conflicts`, officer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ found: 2, added: 2 });
    const board = (
      await t.app.inject({ method: 'GET', url: `/api/review-rounds/${roundId}/board`, headers: officer.headers })
    ).json();
    const evidenceOf = (expertId: string) =>
      board.conflicts.find((c: { expertId: string }) => c.expertId === expertId)?.evidence.map((e: { text: string }) => e.text);
    expect(evidenceOf(expertIds.colleague!).join(' ')).toContain('University of Cologne');
    expect(evidenceOf(expertIds.coauthor!).join(' ')).toContain('Early lunar differentiation');
    expect(evidenceOf(expertIds.stranger!)).toBeUndefined();
    // Running it again changes nothing.
    expect((await post(`/api/review-rounds/${roundId}/detect-conflicts`, officer)).json()).toMatchObject({
      found: 2,
      added: 0,
      removed: 0,
    });
  });

  it('refuses to assign a conflicted expert, all or nothing; a dry run writes nothing', async () => {
    const url = `/api/review-rounds/${roundId}/assignments`;
    const bad = await post(url, officer, {
      add: [
        { expertId: expertIds.stranger, applicationId },
        { expertId: expertIds.colleague, applicationId },
      ],
    });
    expect(bad.statusCode, bad.body).toBe(409);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ field: 'add.1', message: expect.stringContaining('conflict of interest') }),
    ]);
    const dry = await post(url, officer, { add: [{ expertId: expertIds.stranger, applicationId }], dryRun: true });
    expect(dry.json()).toEqual({ added: 1, removed: 0, dryRun: true });
    const count = async () =>
      Number((await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from review_assignments`))[0]?.n);
    expect(await count()).toBe(0);
    const ok = await post(url, officer, { add: [{ expertId: expertIds.stranger, applicationId }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await count()).toBe(1);
  });

  it('waives a conflict only with a written justification, audited', async () => {
    const board = (
      await t.app.inject({ method: 'GET', url: `/api/review-rounds/${roundId}/board`, headers: officer.headers })
    ).json();
    const conflict = board.conflicts.find((c: { expertId: string }) => c.expertId === expertIds.coauthor);
    const short = await post(`/api/conflicts/${conflict.id}/waive`, officer, { justification: 'fine' });
    expect(short.statusCode).toBe(400);
    expect(short.json().field).toBe('justification');
    const res = await post(`/api/conflicts/${conflict.id}/waive`, officer, {
      justification: 'A 300-author consortium paper; no direct collaboration.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().waiverReason).toContain('consortium');
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'review_conflict.waived'`,
    );
    expect(Number(audit[0]?.n)).toBe(1);
    expect(
      (
        await post(`/api/review-rounds/${roundId}/assignments`, officer, {
          add: [{ expertId: expertIds.coauthor, applicationId }],
        })
      ).statusCode,
    ).toBe(200);
  });

  it('the database itself refuses an assignment past the maximum load or to a conflicted pair', async () => {
    await t.database.db.execute(sql`update experts set max_load = 1 where id = ${expertIds.stranger}`);
    const other = await seedSubmittedApplication(t.database.db, {
      callId,
      ownerAccountId: applicant.id,
      title: 'Second proposal',
      team: [{ institutionId: cologne, role: 'lead' }],
    });
    await expect(
      t.database.db.execute(
        sql`insert into review_assignments (round_id, expert_id, application_id, source, created_by) values (${roundId}, ${expertIds.stranger}, ${other.id}, 'manual', 'test')`,
      ),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(
        sql`insert into review_assignments (round_id, expert_id, application_id, source, created_by) values (${roundId}, ${expertIds.colleague}, ${applicationId}, 'manual', 'test')`,
      ),
    ).rejects.toThrow();
  });

  it('shows the expert an anonymous proposal and the form; drafts autosave with revisions; submit lists every gap', async () => {
    const workspace = (await t.app.inject({ method: 'GET', url: '/api/review/workspace', headers: stranger.headers })).json();
    const pool = workspace.pools[0];
    expect(pool.criteria.map((c: { key: string }) => c.key)).toEqual(['science', 'feasibility']);
    const assignment = pool.rounds[0].assignments[0];
    expect(assignment.title).toContain('Tungsten');
    expect(assignment.team).toBeNull(); // dual-anonymous
    expect(JSON.stringify(workspace)).not.toContain('Münker');
    const url = `/api/assignments/${assignment.id}/review`;
    const draft = await t.app.inject({
      method: 'PUT',
      url,
      headers: stranger.headers,
      payload: { scores: { science: { score: 4, comment: 'Sound.' } }, revision: 0 },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', revision: 1 });
    const stale = await t.app.inject({ method: 'PUT', url, headers: stranger.headers, payload: { scores: {}, revision: 0 } });
    expect(stale.statusCode).toBe(409);
    const outOfScale = await t.app.inject({
      method: 'PUT',
      url,
      headers: stranger.headers,
      payload: { scores: { science: { score: 9, comment: '' } }, revision: 1 },
    });
    expect(outOfScale.statusCode).toBe(400);
    const incomplete = await post(`${url}/submit`, stranger, { scores: { science: { score: 4, comment: '' } }, revision: 1 });
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['confidence', 'recommendation', 'scores.feasibility.score']);
    const notMine = await post(`${url}/submit`, coauthor, { scores: {}, revision: 1 });
    expect(notMine.statusCode).toBe(404);
    const done = await post(`${url}/submit`, stranger, {
      scores: { science: { score: 4, comment: 'Sound.' }, feasibility: { score: 5, comment: 'Lab ready.' } },
      confidence: 'high',
      recommendation: 'select',
      revision: 1,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'submitted', revision: 2 });
  });

  it('a conflict declared late takes the review out of the figures', async () => {
    const res = await post(`/api/applications/${applicationId}/conflicts`, applicant, {
      expertId: expertIds.stranger,
      reason: 'Former PhD supervisor of our PI.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await queryRows<{ status: string }>(
      t.database.db,
      sql`select r.status from reviews r join review_assignments a on a.id = r.assignment_id where a.expert_id = ${expertIds.stranger}`,
    );
    expect(rows.map((r) => r.status)).toEqual(['excluded']);
    // The applicant may withdraw their own declaration unless pinned; pinned, it stays.
    await post(`/api/conflicts/${res.json().id}/pin`, officer);
    const withdraw = await t.app.inject({ method: 'DELETE', url: `/api/conflicts/${res.json().id}`, headers: applicant.headers });
    expect(withdraw.statusCode).toBe(409);
  });
});

describe('review reminders', () => {
  it('reminds each expert with reviews still to submit once per threshold, however often the duty runs', async () => {
    const { sendReviewReminders } = await import('../../src/services/review/send-review-reminders.js');
    const { SYSTEM } = await import('../../src/services/actor.js');
    const mails = async () =>
      Number(
        (
          await queryRows<{ n: number }>(
            t.database.db,
            sql`select count(*)::int as n from outbox where template = 'review_reminder'`,
          )
        )[0]?.n,
      );
    expect((await sendReviewReminders(t.database.db, SYSTEM, { base: 'http://x' })).sent).toBe(0); // deadline 14 days away
    await t.database.db.execute(sql`update review_rounds set deadline_at = now() + interval '20 hours' where id = ${roundId}`);
    const first = await sendReviewReminders(t.database.db, SYSTEM, { base: 'http://x' });
    const second = await sendReviewReminders(t.database.db, SYSTEM, { base: 'http://x' });
    // The co-author (waived conflict, review not begun) has work left; the stranger's review was excluded.
    expect(first.sent).toBe(2); // the 72 h and the 24 h reminders
    expect(second.sent).toBe(0);
    expect(await mails()).toBe(2);
    const [mail] = await queryRows<{ to_address: string; body: string }>(
      t.database.db,
      sql`select to_address, body from outbox where template = 'review_reminder' limit 1`,
    );
    expect(mail?.to_address).toBe(coauthor.email);
    expect(mail?.body).toContain('Asia/Shanghai');
  });

  it('shows the officer the reminders sent and, once the deadline has passed, which reviews are late', async () => {
    const board = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/review-rounds/${roundId}/board`, headers: officer.headers })).json();
    const before = await board();
    expect(before.reminders).toEqual([
      expect.objectContaining({ expertId: expertIds.coauthor, thresholdHours: 72, sentAt: expect.any(String) }),
      expect.objectContaining({ expertId: expertIds.coauthor, thresholdHours: 24, sentAt: expect.any(String) }),
    ]);
    expect(before.progress).toMatchObject({ pastDeadline: false, late: 0 });
    expect(before.assignments.every((a: { late: boolean }) => a.late === false)).toBe(true);
    await t.database.db.execute(sql`update review_rounds set deadline_at = now() - interval '1 hour' where id = ${roundId}`);
    const after = await board();
    expect(after.progress.pastDeadline).toBe(true);
    const late = after.assignments.filter((a: { late: boolean }) => a.late);
    expect(late.map((a: { expertId: string }) => a.expertId)).toEqual([expertIds.coauthor]);
    expect(after.progress.late).toBe(1);
    // Put the deadline back for the tests that follow.
    await t.database.db.execute(sql`update review_rounds set deadline_at = now() + interval '20 hours' where id = ${roundId}`);
  });
});

describe('review invariants', () => {
  it('the checker reports a counted review of a conflicted pair and a load over the limit', async () => {
    const { reviewInvariants } = await import('../support/review-invariants.js');
    expect(await reviewInvariants(t.database.db)).toEqual([]);
    // Break the rules behind the triggers' back, inside a transaction that is rolled back.
    const problems = await t.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`alter table reviews disable trigger review_write_guard`);
        await tx.execute(sql`update reviews set status = 'submitted' where status = 'excluded'`);
        await tx.execute(sql`update experts set max_load = 0 where id = ${expertIds.coauthor}`);
        const found = await reviewInvariants(tx);
        throw Object.assign(new Error('rollback'), { found });
      })
      .catch((e: { found?: string[] }) => e.found ?? []);
    expect(problems.join('\n')).toMatch(/has a conflict with the proposal/);
    expect(problems.join('\n')).toMatch(/over the maximum 0/);
    expect(await reviewInvariants(t.database.db)).toEqual([]);
  });
});

describe('conflicts found after assignment', () => {
  it('releases an assignment not yet begun when a conflict appears, and reports how many it released', async () => {
    const db = t.database.db;
    const lund = String((await makeInstitution(db, { countryCode: 'SE', name: 'Lund University' })).id);
    const second = await seedSubmittedApplication(db, {
      callId,
      ownerAccountId: applicant.id,
      title: 'Solar-wind hydrogen in Chang’e-5 glass beads',
      team: [{ institutionId: lund, role: 'lead' }],
      leadCountry: 'SE',
    });
    const assign = await post(`/api/review-rounds/${roundId}/assignments`, officer, {
      add: [{ expertId: expertIds.coauthor, applicationId: second.id }],
    });
    expect(assign.statusCode, assign.body).toBe(200);
    // The expert moves to the proposal's institution: the next detection finds it and frees the pair.
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/experts/${expertIds.coauthor}`,
      headers: officer.headers,
      payload: { institutionId: lund },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const res = await post(`/api/review-rounds/${roundId}/detect-conflicts`, officer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignmentsReleased).toBe(1);
    const left = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from review_assignments where expert_id = ${expertIds.coauthor} and application_id = ${second.id}`,
    );
    expect(left[0]!.n).toBe(0);
  });

  it('refuses to lower an expert’s maximum load below what they hold in a round', async () => {
    const patch = (maxLoad: number) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/experts/${expertIds.stranger}`,
        headers: officer.headers,
        payload: { maxLoad },
      });
    const refused = await patch(0);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', field: 'maxLoad' });
    expect((await patch(1)).statusCode).toBe(200);
  });
});
