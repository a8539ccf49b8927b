import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadLoan } from './loan-access.js';

/**
 * One loan as its curator or its borrower sees it: items with what is in store and out, shipments
 * with packing lists and chains of custody, discrepancies, duties, inventories and research outputs.
 */
export async function getLoan(db: Db, actor: Actor, loanId: string) {
  authorize(actor, 'custody.borrower.read');
  const { loan, items, viewer } = await loadLoan(db, actor, loanId, 'either');
  const shipments = await queryRows<Record<string, unknown>>(
    db,
    sql`select sh.id, sh.reference, sh.direction, sh.courier, sh.tracking_number as "trackingNumber", sh.sealed_container_ids as "sealedContainerIds",
          sh.status, sh.prepared_at as "preparedAt", sh.dispatched_at as "dispatchedAt", sh.received_at as "receivedAt",
          coalesce((select json_agg(json_build_object('id', si.id, 'loanItemId', si.loan_item_id, 'sampleId', si.sample_id, 'number', s.number,
              'packedMassUg', si.packed_mass_ug, 'measuredMassUg', si.measured_mass_ug, 'containerId', si.container_id) order by s.number)
            from shipment_items si join samples s on s.id = si.sample_id where si.shipment_id = sh.id), '[]') as items,
          coalesce((select json_agg(json_build_object('position', h.position, 'fromHolder', h.from_holder, 'toHolder', h.to_holder,
              'toKind', h.to_kind, 'place', h.place, 'at', h.at) order by h.position)
            from custody_handovers h where h.shipment_id = sh.id), '[]') as handovers
        from shipments sh where sh.loan_id = ${loan.id} order by sh.prepared_at, sh.reference`,
  );
  const discrepancies = await queryRows<Record<string, unknown>>(
    db,
    sql`select d.id, d.direction, d.sample_id as "sampleId", s.number, d.expected_ug::float8 as "expectedUg", d.measured_ug::float8 as "measuredUg",
          d.tolerance_ug::float8 as "toleranceUg", d.status, d.resolution, d.resolution_note as "resolutionNote", d.opened_at as "openedAt"
        from custody_discrepancies d join samples s on s.id = d.sample_id join loan_items li on li.id = d.loan_item_id
        where li.loan_id = ${loan.id} order by d.opened_at`,
  );
  const duties = await queryRows<Record<string, unknown>>(
    db,
    sql`select id, kind, period, to_char(due_on, 'YYYY-MM-DD') as "dueOn", status, (status = 'open' and due_on < current_date) as overdue
        from borrower_duties where loan_id = ${loan.id} order by due_on, kind`,
  );
  const outputs = await queryRows<Record<string, unknown>>(
    db,
    sql`select o.id, o.kind, o.title, o.doi, o.filed_at as "filedAt",
          coalesce((select json_agg(s.number order by s.number) from research_output_samples r join samples s on s.id = r.sample_id where r.output_id = o.id), '[]') as samples
        from research_outputs o where o.loan_id = ${loan.id} order by o.filed_at`,
  );
  const inventories = await queryRows<Record<string, unknown>>(
    db,
    sql`select r.id, r.filed_at as "filedAt", (select count(*)::int from inventory_lines l where l.report_id = r.id) as lines
        from inventory_reports r where r.loan_id = ${loan.id} order by r.filed_at`,
  );
  const iso = (v: unknown) => (v ? new Date(String(v)).toISOString() : null);
  return {
    ...loan,
    viewer,
    items: items.map((i) => ({ ...i })),
    shipments: shipments.map((s) => ({
      ...s,
      preparedAt: iso(s.preparedAt),
      dispatchedAt: iso(s.dispatchedAt),
      receivedAt: iso(s.receivedAt),
    })),
    discrepancies: discrepancies.map((d) => ({ ...d, openedAt: iso(d.openedAt) })),
    duties,
    outputs: outputs.map((o) => ({ ...o, filedAt: iso(o.filedAt) })),
    inventories: inventories.map((r) => ({ ...r, filedAt: iso(r.filedAt) })),
  };
}
