import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { queryRows } from '../../src/db/connection.js';
import { accountActor, findAccountByEmail, liveGrants } from '../../src/services/accounts/load-account.js';
import { SYSTEM } from '../../src/services/actor.js';
import { getReviewBoard } from '../../src/services/review/get-review-board.js';
import { seedDemoAccounts } from '../../src/services/seed/demo-accounts.js';
import { seedDemoStation } from '../../src/services/seed/demo-station.js';
import { CSS_CALL_SLUG, CSS_EXPERTS, stationAnchors } from '../../src/services/seed/demo-station-data.js';
import { listSelectionDecisions } from '../../src/services/selection/list-selection-decisions.js';
import { proposeSelection } from '../../src/services/selection/propose-selection.js';
import type { TestDatabase } from '../support/db.js';
import { demoTestDatabase } from '../support/demo-db.js';
import { checkInvariants } from '../support/invariants.js';

// The China Space Station first cycle is loaded through the review and selection use cases: what
// the demo shows must be what they computed, and the optimiser must reach the real outcome.

let database: TestDatabase;
let db: Db;
let callId: string;
const real = stationAnchors().filter((a) => a.tier === 'selected');
const realTitles = new Set(real.map((a) => a.title));

const roundsOf = () =>
  queryRows<{ id: string; stage: string }>(
    db,
    sql`select r.id, r.stage from review_rounds r join calls c on c.id = r.call_id where c.slug = ${CSS_CALL_SLUG}`,
  );

beforeAll(async () => {
  // The demo as the image holds it: loaded once per run through the use cases (support/demo-db.ts).
  database = await demoTestDatabase();
  db = database.db;
  const [call] = await queryRows<{ id: string }>(db, sql`select id from calls where slug = ${CSS_CALL_SLUG}`);
  callId = call!.id;
  await seedDemoAccounts(db, 'test');
}, 900_000);
afterAll(() => database.dispose());

describe('the China Space Station first-cycle demo', () => {
  it('has 42 first-stage applications from 27 countries and a pool of 60 synthetic evaluators who cannot sign in', async () => {
    const [apps] = await queryRows<{ n: number; countries: number }>(
      db,
      sql`select count(*)::int as n, count(distinct lead_country)::int as countries
          from applications where call_id = ${callId} and stage = 'letter_of_intent'`,
    );
    expect(apps).toEqual({ n: 42, countries: 27 });
    const pool = await queryRows<{ synthetic: string | null; status: string }>(
      db,
      sql`select e.synthetic, a.status from experts e join accounts a on a.id = e.account_id where e.call_id = ${callId}`,
    );
    expect(pool).toHaveLength(CSS_EXPERTS.length);
    expect(pool.length).toBe(60);
    expect(pool.every((e) => e.synthetic !== null && e.status === 'disabled')).toBe(true);
  });

  it('detects same-institution, same-country and co-author conflicts with their evidence, and keeps a declared one', async () => {
    const rows = await queryRows<{ source: string; evidence: { kind: string; text: string }[] }>(
      db,
      sql`select c.source, c.evidence from review_conflicts c join applications a on a.id = c.application_id
          where a.call_id = ${callId}`,
    );
    const kinds = new Set(rows.flatMap((r) => r.evidence.map((e) => e.kind)));
    for (const kind of ['same_institution', 'same_country', 'coauthor']) expect(kinds).toContain(kind);
    expect(rows.some((r) => r.source === 'declared_by_expert')).toBe(true);
    const coauthor = rows.flatMap((r) => r.evidence).find((e) => e.kind === 'coauthor');
    expect(coauthor?.text).toMatch(/Marc Olivier.*Acoustic forcing/);
    // No review was assigned across a conflict (the database refuses it; the invariants re-check).
    expect(await checkInvariants(db)).toEqual([]);
  });

  it('reviews in two stages: 42 × 3 reviews, the panel shortlists 18 (all 9 real projects), then 18 × 5 reviews', async () => {
    const rounds = await roundsOf();
    expect(rounds.map((r) => r.stage).sort()).toEqual(['full_proposal', 'letter_of_intent']);
    const perProposal = await queryRows<{ stage: string; n: number }>(
      db,
      sql`select a.stage, count(r.id) filter (where r.status = 'submitted')::int as n
          from applications a join review_assignments s on s.application_id = a.id left join reviews r on r.assignment_id = s.id
          where a.call_id = ${callId} group by a.id, a.stage`,
    );
    const loi = perProposal.filter((p) => p.stage === 'letter_of_intent');
    const full = perProposal.filter((p) => p.stage === 'full_proposal');
    expect(loi).toHaveLength(42);
    expect(loi.every((p) => p.n === 3)).toBe(true);
    expect(full).toHaveLength(18);
    expect(full.every((p) => p.n === 5)).toBe(true);
    const shortlisted = await queryRows<{ title: string }>(
      db,
      sql`select title from applications where call_id = ${callId} and stage = 'letter_of_intent' and status = 'shortlisted'`,
    );
    expect(shortlisted).toHaveLength(18);
    for (const title of realTitles) expect(shortlisted.map((s) => s.title)).toContain(title);
    const frozen = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from panel_results p join review_rounds r on r.id = p.round_id where r.call_id = ${callId}`,
    );
    expect(frozen[0]!.n).toBe(2);
  });

  it('ranks the 9 real projects on top of the calibrated second stage, raw and calibrated side by side', async () => {
    const full = (await roundsOf()).find((r) => r.stage === 'full_proposal')!;
    const officer = (await findAccountByEmail(db, 'officer-css@orbitshare.demo'))!;
    const actor = accountActor(officer, await liveGrants(db, officer.id), { via: 'session' });
    const board = await getReviewBoard(db, actor, full.id);
    expect(board.round.id).toBe(full.id);
    const [result] = await queryRows<{ result: { ranking: { title: string; calibrated: number; rawMean: number }[] } }>(
      db,
      sql`select result from panel_results where round_id = ${full.id}`,
    );
    const ranking = result!.result.ranking;
    expect(ranking).toHaveLength(18);
    expect(new Set(ranking.slice(0, 9).map((p) => p.title))).toEqual(realTitles);
    expect(ranking.every((p) => typeof p.rawMean === 'number' && typeof p.calibrated === 'number')).toBe(true);
  });

  it('selects the 9 real projects from the 18 with the optimiser, 3 on conditions, and gives every decision its reason', async () => {
    const titles = await queryRows<{ id: string; title: string }>(
      db,
      sql`select id, title from applications where call_id = ${callId}`,
    );
    const titleOf = new Map(titles.map((t) => [t.id, t.title]));
    const rows = (await listSelectionDecisions(db, SYSTEM, callId)).map((d) => ({ ...d, title: titleOf.get(d.applicationId) }));
    expect(rows).toHaveLength(18);
    const chosen = rows.filter((d) => d.outcome !== 'rejected');
    expect(new Set(chosen.map((d) => d.title))).toEqual(realTitles);
    const conditional = rows.filter((d) => d.outcome === 'conditional');
    expect(conditional).toHaveLength(3);
    expect(new Set(conditional.map((d) => d.title))).toEqual(new Set(real.filter((a) => a.conditions).map((a) => a.title)));
    expect(conditional.every((d) => (d.conditions ?? '').length > 0)).toBe(true);
    expect(rows.every((d) => d.reason.trim().length > 0)).toBe(true);
    // The rejected were kept out by what the selected leave of the rack and adapter pools.
    expect(rows.filter((d) => d.outcome === 'rejected').every((d) => /fit|budget|pool|mass|merit/i.test(d.reason))).toBe(true);
    const [call] = await queryRows<{ status: string }>(db, sql`select status from calls where id = ${callId}`);
    expect(call!.status).toBe('decided');
  });

  it('re-solving the frozen model gives the same proven-optimal set', async () => {
    const again = await proposeSelection(db, SYSTEM, callId, { sweep: false });
    expect(again.status).toBe('optimal');
    const titleOf = new Map(again.proposals.map((p) => [p.id, p.title]));
    expect(new Set(again.selected.map((id) => titleOf.get(id)))).toEqual(realTitles);
    expect(again.unscored).toEqual([]);
  });

  it('changes nothing when loaded twice', async () => {
    expect((await seedDemoStation(db)).outcome).toBe('already_loaded');
  });
});
