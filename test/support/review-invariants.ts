import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';

/**
 * Review invariants: no counted review by a conflicted expert; no review without its assignment
 * (the foreign key) or by an expert who has not accepted; loads within limits; every submitted
 * review in the pool of its own call; a frozen panel result never changes (trigger) and exists
 * only for rounds that have reviews.
 */
export async function reviewInvariants(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ problem: string }>(
    db,
    sql`select 'review ' || r.id || ' counts although its expert has a conflict with the proposal' as problem
        from reviews r join review_assignments a on a.id = r.assignment_id
        where r.status <> 'excluded'
          and exists (select 1 from review_conflicts c where c.expert_id = a.expert_id and c.application_id = a.application_id and c.waived_at is null)
        union all
        select 'review ' || r.id || ' is by an expert who has not accepted, or outside the pool of its call'
        from reviews r join review_assignments a on a.id = r.assignment_id
          join review_rounds rr on rr.id = a.round_id join experts e on e.id = a.expert_id
        where r.status = 'submitted' and (e.status <> 'accepted' or e.call_id <> rr.call_id)
        union all
        select 'expert ' || e.id || ' holds ' || count(*) || ' assignments in round ' || a.round_id || ' over the maximum ' || e.max_load
        from review_assignments a join experts e on e.id = a.expert_id
        group by e.id, e.max_load, a.round_id having count(*) > e.max_load
        union all
        select 'assignment ' || a.id || ' is of a proposal outside its round''s call'
        from review_assignments a join review_rounds rr on rr.id = a.round_id join applications ap on ap.id = a.application_id
        where ap.call_id <> rr.call_id`,
  );
  return rows.map((r) => r.problem);
}
