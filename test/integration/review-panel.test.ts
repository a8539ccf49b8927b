import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';
import { seedClosedCall, seedSubmittedApplication } from '../support/review-factories.js';

// From the pool to the frozen panel result: the solver proposes, the officer applies through the
// manual path, experts review, scores are calibrated, the panel agrees and freezes.

let t: TestApp;
let officer: SeededAccount;
let applicant: SeededAccount;
const experts: { account: SeededAccount; id: string; leniency: number }[] = [];
const proposals: { id: string; merit: number }[] = [];
let roundId: string;

const TOPICS = [
  'basalt geochronology isotopes',
  'solar wind water regolith',
  'space weathering nanophase iron',
  'impact glass beads',
  'volatile halogens apatite',
  'magnetic paleointensity',
];

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  const programId = String((await makeProgram(db)).id);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  const lab = String((await makeInstitution(db, { countryCode: 'JP', name: 'Osaka University' })).id);
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: lab }]);
  const call = await seedClosedCall(db, programId);
  for (const [i, topic] of TOPICS.entries()) {
    const application = await seedSubmittedApplication(db, {
      callId: call.id,
      ownerAccountId: applicant.id,
      title: `Study of ${topic}`,
      team: [{ institutionId: lab, role: 'lead' }],
      scheme: `We study ${topic} in Chang’e-5 soil.`,
    });
    proposals.push({ id: application.id, merit: 30 + 10 * i });
  }
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/calls/${call.id}/review-rounds`,
    headers: officer.headers,
    payload: {
      stage: 'full_proposal',
      title: 'Screening',
      deadlineAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      reviewsPerProposal: 2,
    },
  });
  roundId = res.json().id;
  for (const [i, leniency] of [-15, 0, 5, 15].entries()) {
    const account = await seedActiveAccount(db);
    const invited = await t.app.inject({
      method: 'POST',
      url: `/api/calls/${call.id}/experts`,
      headers: officer.headers,
      payload: { name: `Expert ${i}`, email: account.email, maxLoad: 3, keywords: [TOPICS[i] as string] },
    });
    const id = invited.json().id as string;
    await t.app.inject({
      method: 'POST',
      url: `/api/experts/${id}/answer`,
      headers: account.headers,
      payload: { answer: 'accepted' },
    });
    experts.push({ account, id, leniency });
  }
});

afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: SeededAccount, payload?: unknown) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe(`review panel on ${databaseKind} Postgres`, () => {
  it('imports an expert’s publications from BibTeX, reporting bad entries', async () => {
    const bib = '@article{a, title={Basalt ages}, year={2022}, author={Li, Q. and Expert 0}}\n@article{b, title={No year}}';
    const res = await api('POST', `/api/experts/${experts[0]!.id}/publications`, experts[0]!.account, { text: bib });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 1, issues: [expect.objectContaining({ field: 'entry b' })] });
    expect((await api('GET', `/api/experts/${experts[0]!.id}/publications`, experts[0]!.account)).json()).toHaveLength(1);
    expect(
      (await api('POST', `/api/experts/${experts[0]!.id}/publications`, experts[1]!.account, { text: bib })).statusCode,
    ).toBe(404);
  });

  it('explains an infeasible assignment in the officer’s terms', async () => {
    await t.database.db.execute(sql`update experts set max_load = 2`);
    const res = await api('POST', `/api/review-rounds/${roundId}/assignment-proposal`, officer, { mode: 'total' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('infeasible');
    expect(res.json().reasons.join(' ')).toMatch(/need 12 reviews .* add up to 8/);
    await t.database.db.execute(sql`update experts set max_load = 3`);
  });

  it('proposes an optimal assignment, which the officer applies through the manual path', async () => {
    const res = await api('POST', `/api/review-rounds/${roundId}/assignment-proposal`, officer, { mode: 'fair' });
    expect(res.statusCode, res.body).toBe(200);
    const proposal = res.json();
    expect(proposal.status).toBe('optimal');
    expect(proposal.changeset.add).toHaveLength(12);
    for (const load of proposal.loads) expect(load.load).toBeLessThanOrEqual(3);
    const applied = await api('POST', `/api/review-rounds/${roundId}/assignments`, officer, {
      add: proposal.changeset.add.map(({ expertId, applicationId }: { expertId: string; applicationId: string }) => ({
        expertId,
        applicationId,
      })),
      source: 'solver',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    // A re-run keeps everything (no churn).
    const again = (await api('POST', `/api/review-rounds/${roundId}/assignment-proposal`, officer, { mode: 'total' })).json();
    expect(again.changeset).toEqual({ add: [], remove: [] });
    expect(again.kept).toBe(12);
  });

  it('calibrates the submitted reviews: the planted leniency shows as bias, raw and calibrated side by side', async () => {
    const pairs = await queryRows<{ id: string; expert_id: string; application_id: string }>(
      t.database.db,
      sql`select id, expert_id, application_id from review_assignments where round_id = ${roundId}`,
    );
    for (const pair of pairs) {
      const expert = experts.find((e) => e.id === pair.expert_id)!;
      const merit = proposals.find((p) => p.id === pair.application_id)!.merit;
      // Scores on 1–5: merit on a 0–100 scale plus the expert's leniency, back to the scale.
      const score = Math.max(1, Math.min(5, Math.round(1 + (4 * (merit + expert.leniency)) / 100)));
      const res = await api('POST', `/api/assignments/${pair.id}/review/submit`, expert.account, {
        scores: { science: { score, comment: '' }, feasibility: { score, comment: '' } },
        confidence: 'high',
        recommendation: score >= 3 ? 'select' : 'reject',
        revision: 0,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const calibration = (await api('GET', `/api/review-rounds/${roundId}/calibration`, officer)).json();
    expect(calibration.proposals).toHaveLength(6);
    for (const p of calibration.proposals) {
      expect(p.reviews).toBe(2);
      expect(p.rawMean).not.toBeNull();
      expect(p.calibrated).not.toBeNull();
      expect(p.low).toBeLessThanOrEqual(p.calibrated);
      expect(p.high).toBeGreaterThanOrEqual(p.calibrated);
    }
    const bias = (i: number) => calibration.experts.find((e: { expertId: string }) => e.expertId === experts[i]!.id)?.bias ?? 0;
    expect(bias(3)).toBeGreaterThan(bias(0));
  });

  it('freezes the panel only when every proposal has a consensus; frozen, nothing changes', async () => {
    const early = await api('POST', `/api/review-rounds/${roundId}/panel/freeze`, officer);
    expect(early.statusCode).toBe(409);
    expect(early.json().errors).toHaveLength(6);
    const noReason = await api('PUT', `/api/review-rounds/${roundId}/panel/${proposals[0]!.id}`, officer, {
      consensus: 'select',
      reasons: '',
    });
    expect(noReason.statusCode).toBe(400);
    for (const [i, p] of proposals.entries()) {
      const res = await api('PUT', `/api/review-rounds/${roundId}/panel/${p.id}`, officer, {
        consensus: i >= 3 ? 'select' : 'reject',
        reasons: 'Panel discussion.',
        discussion: 'Agreed.',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const frozen = await api('POST', `/api/review-rounds/${roundId}/panel/freeze`, officer);
    expect(frozen.statusCode, frozen.body).toBe(200);
    expect(frozen.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(frozen.json().result.ranking[0].consensus).toBe('select');
    expect(
      (
        await api('PUT', `/api/review-rounds/${roundId}/panel/${proposals[0]!.id}`, officer, {
          consensus: 'select',
          reasons: 'x',
        })
      ).statusCode,
    ).toBe(409);
    await expect(t.database.db.execute(sql`update panel_results set sha256 = 'x'`)).rejects.toThrow();
    const panel = (await api('GET', `/api/review-rounds/${roundId}/panel`, officer)).json();
    expect(panel.frozen.sha256).toBe(frozen.json().sha256);
  });
});
