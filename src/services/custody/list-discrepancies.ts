import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { authorize, isAdministrator } from '../../policies/policy.js';
import type { Actor } from '../actor.js';

/** Receipt discrepancies on the curator's collections, open ones first. */
export async function listDiscrepancies(db: Db, actor: Actor) {
  authorize(actor, 'custody.read');
  const collections = isAdministrator(actor)
    ? null
    : actor.kind === 'account'
      ? actor.grants.filter((g) => g.role === 'curator' && g.scopeId).map((g) => g.scopeId!)
      : [];
  if (collections && collections.length === 0) return { discrepancies: [] };
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select d.id, d.direction, d.status, s.number, d.expected_ug::float8 as "expectedUg", d.measured_ug::float8 as "measuredUg",
          d.tolerance_ug::float8 as "toleranceUg", d.resolution, d.resolution_note as "resolutionNote", l.id as "loanId", l.reference as "loanReference",
          sh.reference as "shipmentReference"
        from custody_discrepancies d join samples s on s.id = d.sample_id join loan_items li on li.id = d.loan_item_id
        join loans l on l.id = li.loan_id join shipment_items si on si.id = d.shipment_item_id join shipments sh on sh.id = si.shipment_id
        where ${
          collections
            ? sql`s.collection_id in (${sql.join(
                collections.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`
            : sql`true`
        }
        order by d.status = 'open' desc, d.opened_at desc limit 500`,
  );
  return { discrepancies: rows };
}
