import { sql } from 'drizzle-orm';
import type { PortalStatistics } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { type Row, str } from './refs.js';

// Public figures only: counts of submitted applications (the agency announces them: "24 applications
// from 11 countries"), and selections once a call is decided. Never who applied.
const SUBMITTED = sql.raw(`a.status not in ('draft', 'withdrawn') and a.submitted_at is not null`);
const SELECTED = sql.raw(`d.outcome in ('selected', 'conditional') and k.status = 'decided'`);

export async function getPortalStatistics(db: DbOrTx, actor: Actor): Promise<PortalStatistics> {
  authorize(actor, 'portal.read');
  const [rounds, countries] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select k.slug, k.title, extract(year from k.opens_at)::int as year, k.status,
          g.slug as "programSlug", g.name as "programName", g.native_name as "programNative",
          (count(distinct a.id) filter (where ${SUBMITTED}))::int as applications,
          (count(distinct a.lead_country) filter (where ${SUBMITTED}))::int as countries,
          (count(distinct d.application_id) filter (where ${SELECTED}))::int as selected
        from calls k
        join programs g on g.id = k.program_id and g.archived_at is null
        left join applications a on a.call_id = k.id
        left join selection_decisions d on d.application_id = a.id and d.call_id = k.id
        where k.status <> 'draft' and k.status <> 'cancelled'
        group by k.id, g.slug, g.name, g.native_name
        order by k.opens_at, k.slug`,
    ),
    queryRows<Row>(
      db,
      sql`select c.code, c.name, c.native_name as "nativeName", c.kind,
          (count(distinct a.id) filter (where ${SUBMITTED}))::int as applications,
          (count(distinct d.application_id) filter (where ${SELECTED}))::int as selected
        from applications a
        join calls k on k.id = a.call_id
        join countries c on c.code = a.lead_country
        left join selection_decisions d on d.application_id = a.id and d.call_id = k.id
        where ${SUBMITTED}
        group by c.code, c.name, c.native_name, c.kind
        order by applications desc, c.name`,
    ),
  ]);
  return {
    rounds: rounds.map((r) => ({
      slug: String(r.slug),
      title: String(r.title),
      year: Number(r.year),
      program: { slug: String(r.programSlug), name: String(r.programName), nativeName: str(r.programNative) },
      applications: Number(r.applications),
      countries: Number(r.countries),
      selected: r.status === 'decided' ? Number(r.selected) : null,
    })),
    countries: countries.map((r) => ({
      code: String(r.code),
      name: String(r.name),
      nativeName: str(r.nativeName),
      kind: r.kind as 'country' | 'region',
      applications: Number(r.applications),
      selected: Number(r.selected),
    })),
  };
}
