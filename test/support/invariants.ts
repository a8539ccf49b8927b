import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { agreementInvariants } from './agreement-invariants.js';
import { custodyInvariants } from './custody-invariants.js';
import { reviewInvariants } from './review-invariants.js';
import { selectionInvariants } from './selection-invariants.js';

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
  problems.push(...(await applicationInvariants(db)));
  problems.push(...(await reviewInvariants(db)));
  problems.push(...(await selectionInvariants(db)));
  problems.push(...(await custodyInvariants(db)));
  problems.push(...(await agreementInvariants(db)));
  return problems;
}

/** A submitted application has its version, the version its request rows, and a live session its account. */
async function applicationInvariants(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ problem: string }>(
    db,
    sql`select 'application ' || a.id || ' is ' || a.status || ' without its version ' || coalesce(a.submitted_version::text, 'null') as problem
        from applications a
        where a.status in ('submitted', 'shortlisted', 'not_shortlisted')
          and not exists (select 1 from application_versions v where v.application_id = a.id and v.version = a.submitted_version)
        union all
        select 'application ' || v.application_id || ' version ' || v.version || ' asks for resources but has no request rows'
        from application_versions v
        where (jsonb_array_length(coalesce(v.content->'sampleRequests', '[]')) + jsonb_array_length(coalesce(v.content->'payloadRequests', '[]'))) > 0
          and not exists (select 1 from application_requests r where r.application_id = v.application_id and r.version = v.version)
        union all
        select 'call ' || c.slug || ' has a submitted application dated after its deadline'
        from calls c join application_versions v on v.application_id in (select id from applications where call_id = c.id)
        where v.submitted_at >= c.closes_at
        group by c.slug`,
  );
  return rows.map((r) => r.problem);
}
