import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { queryRows } from '../../src/db/connection.js';
import { accountActor, findAccountByEmail, liveGrants } from '../../src/services/accounts/load-account.js';
import { getExpertWorkspace } from '../../src/services/review/get-expert-workspace.js';
import { getReviewBoard } from '../../src/services/review/get-review-board.js';
import { seedDemoAccounts } from '../../src/services/seed/demo-accounts.js';
import { CE5_APPROVED } from '../../src/services/seed/demo-calls-generate.js';
import {
  CE5_CALL_SLUG,
  CE8_CALL_SLUG,
  CE8_SHORTLIST,
  handOverDemoReviewer,
  seedDemoReview,
} from '../../src/services/seed/demo-review.js';
import { rankingOf } from '../../src/services/seed/demo-review-round.js';
import type { TestDatabase } from '../support/db.js';
import { demoTestDatabase } from '../support/demo-db.js';
import { checkInvariants } from '../support/invariants.js';

// The review demo is loaded through the review use cases: what it shows must be what they computed.

let database: TestDatabase;
let db: Db;
const roundOf = async (slug: string) => {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select r.id from review_rounds r join calls c on c.id = r.call_id where c.slug = ${slug}`,
  );
  return row!.id;
};

beforeAll(async () => {
  // As in the initial image (support/demo-db.ts): the review demo before any account that can sign
  // in, then first start.
  database = await demoTestDatabase();
  db = database.db;
  await seedDemoAccounts(db, 'test');
  expect(await handOverDemoReviewer(db)).toBe('handed_over');
}, 900_000); // loading the demo where the image is older than the sources takes minutes
afterAll(() => database.dispose());

describe('the review demo', () => {
  it("detects same-institution and co-author conflicts in the Chang'e-5 round, each with its evidence", async () => {
    const rows = await queryRows<{ evidence: { kind: string; text: string }[]; lead: string }>(
      db,
      sql`select c.evidence, i.slug as lead from review_conflicts c
          join applications a on a.id = c.application_id join calls k on k.id = a.call_id
          join institutions i on i.id = a.lead_institution_id
          where k.slug = ${CE5_CALL_SLUG} and c.source = 'detected'`,
    );
    const kinds = rows.flatMap((r) => r.evidence.map((e) => e.kind));
    expect(kinds).toContain('same_institution');
    // The planted paper names the PI of the Brown University proposal (who may sit on other teams too).
    const coauthored = rows.filter((r) => r.evidence.some((e) => e.kind === 'coauthor'));
    expect(coauthored.map((r) => r.lead)).toContain('brown-university');
    for (const r of coauthored)
      expect(r.evidence.find((e) => e.kind === 'coauthor')?.text).toMatch(/Pablo Ibáñez .*Grain-scale mechanics/);
    expect(rows.every((r) => r.evidence.every((e) => e.text.length > 0))).toBe(true);
  });

  it('marks every invited expert but the demo reviewer synthetic; their accounts cannot sign in', async () => {
    const rows = await queryRows<{ email: string; synthetic: string | null; status: string }>(
      db,
      sql`select e.email, e.synthetic, a.status from experts e join accounts a on a.id = e.account_id
          join calls c on c.id = e.call_id where c.slug in (${CE5_CALL_SLUG}, ${CE8_CALL_SLUG})`,
    );
    expect(rows.length).toBe(35);
    expect(rows.filter((r) => r.synthetic === null).map((r) => [r.email, r.status])).toEqual([
      ['reviewer@orbitshare.demo', 'active'],
    ]);
    expect(rows.filter((r) => r.synthetic !== null).every((r) => r.status === 'disabled')).toBe(true);
    expect(await handOverDemoReviewer(db)).toBe('nothing_to_do');
  });

  it('gives every proposal of both rounds its 3 submitted reviews, none by a conflicted expert', async () => {
    for (const [slug, proposals] of [
      [CE5_CALL_SLUG, 24],
      [CE8_CALL_SLUG, 41],
    ] as const) {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`select count(*) filter (where r.status = 'submitted')::int as n
            from applications a join calls k on k.id = a.call_id
            left join review_assignments s on s.application_id = a.id left join reviews r on r.assignment_id = s.id
            where k.slug = ${slug} and a.stage = 'full_proposal' group by a.id`,
      );
      expect(rows).toHaveLength(proposals);
      expect(rows.map((r) => r.n)).toEqual(rows.map(() => 3));
    }
  });

  it("ranks the 7 approved institutions' applications on top of the calibrated Chang'e-5 ranking", async () => {
    const ranking = await rankingOf(db, await roundOf(CE5_CALL_SLUG));
    const leads = await queryRows<{ id: string; slug: string }>(
      db,
      sql`select a.id, i.slug from applications a join institutions i on i.id = a.lead_institution_id`,
    );
    const leadOf = new Map(leads.map((l) => [l.id, l.slug]));
    expect(ranking).toHaveLength(24);
    expect(new Set(ranking.slice(0, 7).map((p) => leadOf.get(p.applicationId)))).toEqual(new Set(CE5_APPROVED));
  });

  it('freezes both panels: Chang’e-5 selects the 7, Chang’e-8 shortlists 14 of 41', async () => {
    const results = await queryRows<{ slug: string; result: { ranking: { consensus: string; reasons: string }[] } }>(
      db,
      sql`select k.slug, p.result from panel_results p join review_rounds r on r.id = p.round_id join calls k on k.id = r.call_id`,
    );
    const of = (slug: string) => results.find((r) => r.slug === slug)!.result.ranking;
    expect(of(CE5_CALL_SLUG).map((p) => p.consensus)).toEqual([...Array(7).fill('select'), ...Array(17).fill('reject')]);
    expect(of(CE5_CALL_SLUG).every((p) => p.reasons.length > 0)).toBe(true);
    const ce8 = of(CE8_CALL_SLUG).map((p) => p.consensus);
    expect(ce8).toHaveLength(41);
    expect(ce8.filter((c) => c !== 'reject')).toHaveLength(CE8_SHORTLIST);
  });

  it('leaves the demo reviewer a draft review in the Chang’e-5 round, and the invariants hold', async () => {
    const drafts = await queryRows<{ status: string }>(
      db,
      sql`select r.status from reviews r join review_assignments a on a.id = r.assignment_id
          join experts e on e.id = a.expert_id join accounts u on u.id = e.account_id
          where u.email = 'reviewer@orbitshare.demo'`,
    );
    expect(drafts.filter((d) => d.status === 'draft')).toHaveLength(1);
    expect(drafts.filter((d) => d.status === 'submitted').length).toBeGreaterThan(0);
    expect(await checkInvariants(db)).toEqual([]);
  });

  it('shows the demo reviewer the draft in the workspace, and each demo officer the board of their program', async () => {
    const as = async (email: string) => {
      const account = (await findAccountByEmail(db, email))!;
      return accountActor(account, await liveGrants(db, account.id), { via: 'session' });
    };
    const workspace = await getExpertWorkspace(db, await as('reviewer@orbitshare.demo'));
    const assignments = workspace.pools.flatMap((p) => p.rounds.flatMap((r) => r.assignments));
    expect(assignments.filter((a) => a.review?.status === 'draft')).toHaveLength(1);
    const ce5 = await roundOf(CE5_CALL_SLUG);
    const ce8 = await roundOf(CE8_CALL_SLUG);
    expect((await getReviewBoard(db, await as('officer-ce5@orbitshare.demo'), ce5)).round.id).toBe(ce5);
    expect((await getReviewBoard(db, await as('officer@orbitshare.demo'), ce8)).round.id).toBe(ce8);
    await expect(getReviewBoard(db, await as('officer@orbitshare.demo'), ce5)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('changes nothing when loaded twice', async () => {
    expect((await seedDemoReview(db)).outcome).toBe('already_loaded');
  });
});
