import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';

/**
 * Whole-database invariants, asserted after integration tests: whatever a test did, these hold.
 * Later capabilities (budgets, mass ledgers, conflicts) add their checks here.
 */
export async function checkInvariants(db: DbOrTx): Promise<string[]> {
  const problems: string[] = [];
  const chain = await verifyAuditChain(db);
  if (!chain.intact) problems.push(`audit chain broken at row ${chain.firstBrokenId}`);
  const leads = await queryRows<{ id: string; leads: number }>(
    db,
    sql`select project_id as id, count(*) filter (where role = 'lead')::int as leads
        from project_participants group by project_id having count(*) filter (where role = 'lead') <> 1`,
  );
  for (const p of leads) problems.push(`project ${p.id} has ${p.leads} leads`);
  const unaudited = await queryRows<{ kind: string; id: string }>(
    db,
    sql`select 'institution' as kind, i.id::text as id from institutions i
        where not exists (select 1 from audit_log a where a.subject_type = 'institution' and a.subject_id = i.id::text)
        union all
        select 'mission', m.id::text from missions m
        where not exists (select 1 from audit_log a where a.subject_type = 'mission' and a.subject_id = m.id::text)`,
  );
  for (const u of unaudited) problems.push(`${u.kind} ${u.id} was written without an audit row`);
  return problems;
}
