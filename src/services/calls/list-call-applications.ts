import { sql } from 'drizzle-orm';
import type { CallApplicationRow } from '../../contracts/calls.js';
import { type Db, type DbOrTx, queryRows } from '../../db/connection.js';
import type { ApplicationStage, ApplicationStatus, CheckResult } from '../../domain/calls/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadCallForApplications } from './call-access.js';
import { callPermissions, canShortlist } from './call-permissions.js';

export interface CallApplicationsFilter {
  country?: string;
  status?: ApplicationStatus;
  check?: CheckResult;
}

/**
 * The applications of a call that were submitted at least once, for its officers and officials, as
 * their latest submitted version says (title, requests): never the draft of an amendment in progress.
 */
export async function listCallApplications(db: Db, actor: Actor, callId: string, filter: CallApplicationsFilter = {}) {
  authorize(actor, 'calls.applications.read');
  const call = await loadCallForApplications(db, actor, callId);
  const permissions = callPermissions(actor, call);
  const rows = await queryCallApplications(db, call.id, filter);
  return rows.map((row) => ({ ...row, can: { shortlist: canShortlist(permissions, row) } }));
}

export async function queryCallApplications(db: DbOrTx, callId: string, filter: CallApplicationsFilter) {
  const rows = await queryRows<{
    id: string;
    title: string;
    stage: string;
    status: string;
    lead_institution_id: string | null;
    lead_institution_name: string | null;
    lead_country: string | null;
    check_result: string | null;
    submitted_version: number | null;
    submitted_at: Date | string | null;
    mass_mg: number | string;
    mass_g: number | string;
    power_mw: number | string;
    requests: number | string;
  }>(
    db,
    sql`select a.id, coalesce(v.content->>'title', '') as title, a.stage, a.status, a.lead_institution_id, i.name as lead_institution_name,
               a.lead_country, a.check_result, a.submitted_version, a.submitted_at,
               coalesce(sum(r.mass_mg), 0) as mass_mg, coalesce(sum(r.mass_g), 0) as mass_g,
               coalesce(sum(r.avg_power_mw), 0) as power_mw, count(r.id) as requests
          from applications a
          join application_versions v on v.application_id = a.id and v.version = a.submitted_version
          left join institutions i on i.id = a.lead_institution_id
          left join application_requests r on r.application_id = a.id and r.version = a.submitted_version
         where a.call_id = ${callId} and a.submitted_version is not null
           ${filter.country ? sql`and a.lead_country = ${filter.country.toUpperCase()}` : sql``}
           ${filter.status ? sql`and a.status = ${filter.status}` : sql``}
           ${filter.check ? sql`and a.check_result = ${filter.check}` : sql``}
         group by a.id, i.name, v.application_id, v.version
         order by a.submitted_at, a.id`,
  );
  return rows.map(
    (r): CallApplicationRow => ({
      id: r.id,
      title: r.title,
      stage: r.stage as ApplicationStage,
      status: r.status as ApplicationStatus,
      leadInstitution: r.lead_institution_id ? { id: r.lead_institution_id, name: r.lead_institution_name ?? '' } : null,
      leadCountry: r.lead_country,
      checkResult: r.check_result as CheckResult | null,
      submittedVersion: r.submitted_version,
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      requestedMassMg: Number(r.mass_mg),
      requestedMassG: Number(r.mass_g),
      requestedPowerMw: Number(r.power_mw),
      requests: Number(r.requests),
    }),
  );
}
