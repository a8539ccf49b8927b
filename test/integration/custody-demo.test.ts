import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { applicationRequests, callSampleOffers } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { overdueDuties } from '../../src/services/custody/borrower-duties.js';
import { borrowerStanding } from '../../src/services/loans/borrower-standing.js';
import { seedDemoCustody } from '../../src/services/seed/demo-custody.js';
import { decideSelection } from '../../src/services/selection/decide-selection.js';
import { setSelectionMerits } from '../../src/services/selection/set-selection-merits.js';
import type { TestDatabase } from '../support/db.js';
import { demoTestDatabase } from '../support/demo-db.js';
import { checkInvariants } from '../support/invariants.js';
import { seedClosedCall, seedSubmittedApplication } from '../support/review-factories.js';

// The agreements and custody demo as `npm start` opens it (the starter image): the Chang'e-5 loans
// of 2025 and the earlier gifts, every step taken through the custody use cases at build time.

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await demoTestDatabase();
  db = database.db;
}, 900_000); // minutes only where the demo must be loaded (support/demo-db.ts)
afterAll(() => database?.dispose());

interface LoanRow {
  agreement: string;
  slug: string;
  country: string | null;
  status: string;
  opened: string;
  lent_ug: number;
  out_ug: number;
  returned_ug: number;
  depth: number;
}

const loans = () =>
  queryRows<LoanRow>(
    db,
    sql`select a.reference as agreement, i.slug, i.country_code as country, l.status, to_char(l.opened_at, 'YYYY-MM-DD') as opened,
          sum(li.allocated_mass_ug)::int as lent_ug, sum(li.out_ug)::int as out_ug, sum(li.returned_ug)::int as returned_ug,
          max((with recursive up(id, parent_id, n) as (select s.id, s.parent_id, 1 from samples s where s.id = li.sample_id
                 union all select p.id, p.parent_id, up.n + 1 from samples p join up on p.id = up.parent_id)
               select max(n) from up))::int as depth
        from loans l join agreements a on a.id = l.agreement_id join institutions i on i.id = l.borrower_institution_id
        join loan_items li on li.loan_id = l.id
        where a.reference like 'CE5-%' group by a.reference, i.slug, i.country_code, l.status, l.opened_at order by a.reference`,
  );

describe('the agreements and custody demo', () => {
  it('lends the 7 Chang’e-5 samples of 2025: 5 agreements signed on site on 24 April 2025, 2 remotely later', async () => {
    const signed = await queryRows<{ reference: string; on_site_day: string | null; remote: number }>(
      db,
      sql`select a.reference,
            to_char(max(s.signed_at) filter (where s.method = 'on_site') at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as on_site_day,
            (count(*) filter (where s.method = 'remote' and s.signed_at > timestamptz '2025-04-25 00:00+08'))::int as remote
          from agreements a join agreement_signatures s on s.agreement_id = a.id
          where a.reference like 'CE5-LOAN-2025-%' and a.status = 'in_force' group by a.reference order by a.reference`,
    );
    expect(signed).toHaveLength(7);
    expect(signed.filter((s) => s.remote === 0 && s.on_site_day === '2025-04-24')).toHaveLength(5);
    expect(signed.filter((s) => s.remote === 1)).toHaveLength(2);

    const lent = (await loans()).filter((l) => l.agreement.startsWith('CE5-LOAN-2025-'));
    expect(lent.map((l) => l.slug).sort()).toEqual(
      [
        'brown-university',
        'ipgp',
        'open-university',
        'osaka-university',
        'stony-brook-university',
        'suparco',
        'university-of-cologne',
      ].sort(),
    );
    expect(new Set(lent.map((l) => l.country)).size).toBe(6);
    for (const loan of lent) {
      expect(loan.status).toBe('open');
      expect(loan.opened >= '2025-04-24' && loan.opened <= '2025-12-31', loan.opened).toBe(true);
      // Split from a working portion split from its parent: the genealogy is three deep.
      expect(loan.depth).toBe(3);
      expect(loan.lent_ug).toBe(100_000);
    }
  });

  it('records the 1.5 g gifts to Russia (2022) and France (2023), received by them', async () => {
    const gifts = (await loans()).filter((l) => l.agreement.startsWith('CE5-GIFT-'));
    expect(gifts.map((g) => [g.agreement, g.country, g.opened.slice(0, 4), g.lent_ug, g.out_ug])).toEqual([
      ['CE5-GIFT-2022', 'RU', '2022', 1_500_000, 1_500_000],
      ['CE5-GIFT-2023', 'FR', '2023', 1_500_000, 1_500_000],
    ]);
  });

  it('ships every loan with its chain of hand-overs and receipt, and one borrower returns part of a loan', async () => {
    const shipments = await queryRows<{ direction: string; status: string; handovers: number; sealed: number }>(
      db,
      sql`select sh.direction, sh.status, (select count(*) from custody_handovers h where h.shipment_id = sh.id)::int as handovers,
            cardinality(sh.sealed_container_ids)::int as sealed
          from shipments sh join loans l on l.id = sh.loan_id join agreements a on a.id = l.agreement_id where a.reference like 'CE5-%'`,
    );
    expect(shipments.filter((s) => s.direction === 'outbound')).toHaveLength(9);
    expect(shipments.filter((s) => s.direction === 'return')).toHaveLength(1);
    for (const s of shipments) {
      expect(s.status).toBe('received');
      // Sender to courier, courier to the next holder on the way, courier to the receiver.
      expect(s.handovers).toBeGreaterThanOrEqual(3);
      expect(s.sealed).toBeGreaterThan(0);
    }
    const partial = (await loans()).filter((l) => l.returned_ug > 0);
    expect(partial.map((l) => [l.slug, l.status])).toEqual([['open-university', 'open']]);
    expect(partial[0]!.out_ug).toBeGreaterThan(0);
    // Every subsample held is with its borrower: one custodian each, at the borrower.
    const held = await queryRows<{ kind: string; n: number }>(
      db,
      sql`select c.custodian_kind as kind, count(*)::int as n from loan_items li join sample_custodians c on c.sample_id = li.sample_id and c."until" is null
          where li.out_ug > 0 group by c.custodian_kind`,
    );
    // 7 loans of two subsamples and 2 gifts of one, less the subsample the Open University sent back.
    expect(held).toEqual([{ kind: 'borrower', n: 15 }]);
    const returned = await queryRows<{ kind: string; status: string }>(
      db,
      sql`select c.custodian_kind as kind, s.status from loan_items li join samples s on s.id = li.sample_id
          join sample_custodians c on c.sample_id = s.id and c."until" is null where li.returned_ug > 0`,
    );
    expect(returned).toEqual([{ kind: 'agency', status: 'in_store' }]);
  });

  it('leaves one annual inventory overdue, which blocks Osaka University from a new allocation (BORROWER_BLOCKED)', async () => {
    const overdue = await overdueDuties(db);
    expect(overdue.length).toBeGreaterThan(0);
    expect(new Set(overdue.map((d) => d.institutionName))).toEqual(new Set(['Osaka University']));
    expect(overdue[0]!.kind).toBe('annual_inventory');
    const [osaka] = await queryRows<{ id: string; program: string }>(
      db,
      sql`select i.id, (select id from programs where slug = 'change-5-sample-loans') as program from institutions i where i.slug = 'osaka-university'`,
    );
    expect((await borrowerStanding(db, osaka!.id)).blocked).toBe(true);

    // A new call lending Chang'e-5 regolith; Osaka applies and the official selects it: refused.
    // Any existing account owns the application (a new one would cost a password hash).
    const [owner] = await queryRows<{ id: string }>(db, sql`select id from accounts order by created_at limit 1`);
    const call = await seedClosedCall(db, osaka!.program);
    const [collection] = await queryRows<{ id: string }>(
      db,
      sql`select id from sample_collections where slug = 'change-5-samples'`,
    );
    const [offer] = await db
      .insert(callSampleOffers)
      .values({
        callId: call.id,
        sampleCollectionId: collection!.id,
        sampleType: 'regolith (powder)',
        availableMg: 1000,
        reserveMg: 0,
      })
      .returning();
    const app = await seedSubmittedApplication(db, {
      callId: call.id,
      ownerAccountId: owner!.id,
      title: 'More regolith for Osaka',
      team: [{ institutionId: osaka!.id, role: 'lead' }],
      leadCountry: 'JP',
    });
    await db.insert(applicationRequests).values({ applicationId: app.id, version: 1, sampleOfferId: offer!.id, massMg: 50 });
    await setSelectionMerits(db, SYSTEM, call.id, [{ applicationId: app.id, merit: 80 }]);
    const refused = await decideSelection(db, SYSTEM, call.id, [
      { applicationId: app.id, outcome: 'selected', reason: 'Strong scheme.' },
    ]).catch((e) => e);
    expect(refused.code).toBe('BORROWER_BLOCKED');
    expect(refused.message).toContain('CE5-LOAN-2025-003');
  });

  it('marks the invented records synthetic, keeps every ledger balanced and the checker clean, and loads once', async () => {
    const unmarked = await queryRows(
      db,
      sql`select number from samples s join sample_collections c on c.id = s.collection_id
          where c.slug = 'change-5-samples' and s.parent_id is null and s.characterisation not like '%Synthetic%'`,
    );
    expect(unmarked).toEqual([]);
    const unbalanced = await queryRows(db, sql`select sample_id from sample_accounts where not balances`);
    expect(unbalanced).toEqual([]);
    expect(await checkInvariants(db)).toEqual([]);
    expect(await seedDemoCustody(db)).toBe('already_loaded');
  });
});
