import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { SYSTEM } from '../../src/services/actor.js';
import { getCallResults } from '../../src/services/results/get-call-results.js';
import { CE5_APPROVED } from '../../src/services/seed/demo-calls-generate.js';
import { CE5_CALL_SLUG, CE8_CALL_SLUG } from '../../src/services/seed/demo-review.js';
import { CE8_MERGES } from '../../src/services/seed/demo-review-data.js';
import { seedDemoSelection, TW3_CALL_SLUG } from '../../src/services/seed/demo-selection.js';
import type { TestDatabase } from '../support/db.js';
import { demoTestDatabase } from '../support/demo-db.js';
import { checkInvariants } from '../support/invariants.js';
import { extractPdfText, squash } from '../support/pdf-text.js';

// The selection demo is decided through the selection use cases from the review demo's panels (and
// synthetic merits for Tianwen-3): the outcomes and headlines below are what the optimiser reached.
// Read from the starter image `npm run build` makes (the demo as `npm start` opens it), not loaded again.

let database: TestDatabase;
let db: Db;

const outcomes = (slug: string) =>
  queryRows<{ outcome: string; n: number }>(
    db,
    sql`select d.outcome, count(*)::int as n from selection_decisions d join calls c on c.id = d.call_id
        where c.slug = ${slug} group by d.outcome order by d.outcome`,
  );

/** Per module pool of a call: what the selected and conditional proposals use against the pool. */
const poolUse = (slug: string) =>
  queryRows<{ module: string; used_g: number; pool_g: number; used_mw: number; pool_mw: number | null; largest_g: number }>(
    db,
    sql`select h.name as module, m.pool_mass_g as pool_g, m.pool_power_mw as pool_mw,
          coalesce(sum(r.mass_g), 0)::int as used_g, coalesce(sum(r.avg_power_mw), 0)::int as used_mw,
          coalesce(max(r.mass_g), 0)::int as largest_g
        from call_module_offers m join calls c on c.id = m.call_id join host_modules h on h.id = m.host_module_id
        left join (application_requests r
          join applications a on a.id = r.application_id and r.version = a.submitted_version
          join selection_decisions d on d.application_id = a.id and d.outcome in ('selected', 'conditional'))
          on r.module_offer_id = m.id
        where c.slug = ${slug} group by h.name, m.pool_mass_g, m.pool_power_mw order by h.name`,
  );

beforeAll(async () => {
  // The demo as the image holds it: loaded once per run through the use cases (support/demo-db.ts).
  database = await demoTestDatabase();
  db = database.db;
}, 900_000);
afterAll(() => database.dispose());

describe('the selection demo', () => {
  it("Chang'e-5 2025: 24 applications decided, the 7 approved institutions from 6 countries, sample mass allocated per type", async () => {
    expect(await outcomes(CE5_CALL_SLUG)).toEqual([
      { outcome: 'rejected', n: 17 },
      { outcome: 'selected', n: 7 },
    ]);
    const { call, results } = await getCallResults(db, SYSTEM, CE5_CALL_SLUG);
    expect(call.status).toBe('decided');
    expect(results!.headline).toEqual({ en: '7 institutions from 6 countries', zh: '7家机构，来自6个国家' });
    const leads = results!.projects.map((p) => p.institutions[0]!.slug).sort();
    expect(leads).toEqual([...CE5_APPROVED].sort());
    // Every approved institution is lent mass, in mg per sample type, within each type's mass less its reserve.
    expect(results!.projects.every((p) => p.allocations.length > 0)).toBe(true);
    const overdrawn = await queryRows(
      db,
      sql`select o.sample_type from call_sample_offers o join calls c on c.id = o.call_id
          join sample_allocations s on s.sample_offer_id = o.id where c.slug = ${CE5_CALL_SLUG}
          group by o.id having sum(s.mass_mg) > o.available_mg - o.reserve_mg`,
    );
    expect(overdrawn).toEqual([]);
  });

  it("Chang'e-8: 41 proposals → 14 shortlisted, merged into 10 projects from 11 countries and regions and 1 international organisation, within 200 kg", async () => {
    // The 10 projects and the 4 proposals merged into them are selected (a merged project whole), the other 27 rejected.
    expect(await outcomes(CE8_CALL_SLUG)).toEqual([
      { outcome: 'rejected', n: 27 },
      { outcome: 'selected', n: 14 },
    ]);
    const groups = await queryRows<{ name: string; members: number; selected: number }>(
      db,
      sql`select g.name, count(*)::int as members, count(*) filter (where d.outcome = 'selected')::int as selected
          from selection_merge_groups g join calls c on c.id = g.call_id join selection_merge_members m on m.group_id = g.id
          left join selection_decisions d on d.application_id = m.application_id
          where c.slug = ${CE8_CALL_SLUG} group by g.name order by g.name`,
    );
    expect(groups).toEqual(
      CE8_MERGES.map((m) => ({ name: m.project, members: 2, selected: 2 })).sort((a, b) => a.name.localeCompare(b.name)),
    );
    const { results } = await getCallResults(db, SYSTEM, CE8_CALL_SLUG);
    // The public results announce each merged project once, under its name, with every institution of its proposals.
    const registry = await queryRows<{ title: string }>(
      db,
      sql`select p.title from projects p join programs g on g.id = p.program_id where g.slug = 'change-8-cooperation' order by p.title`,
    );
    expect(results!.projects.map((p) => p.title).sort()).toEqual(registry.map((r) => r.title).sort());
    expect(results!.projects).toHaveLength(10);
    const array = results!.projects.find((p) => p.title === 'Lunar radio astronomy array')!;
    expect(array.institutions.map((i) => [i.slug, i.role])).toEqual([
      ['sarao', 'lead'],
      ['conida', 'partner'],
    ]);
    const neutron = results!.projects.find((p) => p.title === 'Lunar neutron analyser')!;
    expect(neutron.institutions.map((i) => i.slug)).toEqual(expect.arrayContaining(['mhesi', 'narit', 'mahidol-university']));
    expect(results!.headline.en).toBe('10 projects from 11 countries and regions and 1 international organisation');
    expect(results!.headline.zh).toBe('10个项目，来自11个国家和地区及1个国际组织');
    const [lander] = await poolUse(CE8_CALL_SLUG);
    expect(lander!.used_g).toBeLessThanOrEqual(200_000);
    expect(lander!.largest_g).toBeLessThanOrEqual(100_000);
  });

  it('Tianwen-3: the optimal set never exceeds the orbiter’s 15 kg and 40 W nor the service module’s 5 kg', async () => {
    const pools = await poolUse(TW3_CALL_SLUG);
    expect(pools.map((p) => p.module)).toEqual(['Orbiter', 'Service module']);
    for (const p of pools) {
      expect(p.used_g).toBeLessThanOrEqual(p.pool_g);
      if (p.pool_mw !== null) expect(p.used_mw).toBeLessThanOrEqual(p.pool_mw);
    }
    const counts = Object.fromEntries((await outcomes(TW3_CALL_SLUG)).map((o) => [o.outcome, o.n]));
    expect(counts.selected).toBeGreaterThan(0);
    expect(counts.rejected).toBeGreaterThan(0);
    const { results } = await getCallResults(db, SYSTEM, TW3_CALL_SLUG);
    expect(results!.projects).toHaveLength(counts.selected ?? -1);
  });

  it('every decision has its letters in both languages; a rejection states the panel’s evaluation', async () => {
    const missing = await queryRows(
      db,
      sql`select d.id from selection_decisions d where (select count(*) from decision_letters l where l.decision_id = d.id) <> 2`,
    );
    expect(missing).toEqual([]);
    const [letter] = await queryRows<{ content: Buffer }>(
      db,
      sql`select l.content from decision_letters l join selection_decisions d on d.id = l.decision_id
          join calls c on c.id = d.call_id where c.slug = ${CE5_CALL_SLUG} and d.outcome = 'rejected' and l.locale = 'en' limit 1`,
    );
    const text = squash(await extractPdfText(letter!.content));
    expect(text).toContain('Decision:notselected');
    expect(text).toContain('Notrecommendedbythereviewpanel');
    expect(text).toMatch(/Rank\d+of24/);
  });

  it('leaves the database consistent and loads once', async () => {
    expect(await checkInvariants(db)).toEqual([]);
    expect((await seedDemoSelection(db)).outcome).toBe('already_loaded');
  });
});
