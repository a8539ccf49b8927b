import { sql } from 'drizzle-orm';
import type { ProgramPage } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { countPartners, countPartnerships } from './count-partners.js';
import { loadPartnerships } from './load-partnerships.js';
import { loadProjects } from './load-projects.js';
import {
  INSTITUTION_COLUMNS,
  INSTITUTION_JOINS,
  institutionRef,
  PROGRAM_COLUMNS,
  PROGRAM_MISSION_JOIN,
  programRef,
  type Row,
  str,
} from './refs.js';

/** A program with its projects and participants, the counts the agency reports, and its partners: four queries. */
export async function getProgramPage(db: DbOrTx, actor: Actor, slug: string): Promise<ProgramPage> {
  authorize(actor, 'portal.read');
  const [row] = await queryRows<Row>(
    db,
    sql`select ${PROGRAM_COLUMNS}, g.reported_figures as "reportedFigures", ${INSTITUTION_COLUMNS}
      from programs g ${PROGRAM_MISSION_JOIN}
      left join institutions i on i.id = g.agency_id and i.archived_at is null
      ${INSTITUTION_JOINS}
      where g.slug = ${slug} and g.archived_at is null`,
  );
  if (!row) throw new AppError('NOT_FOUND', `No program with slug "${slug}".`);
  const programId = String(row.id);
  const [projects, partnerships] = await Promise.all([
    loadProjects(db, sql`p.program_id = ${programId}`),
    loadPartnerships(db, sql`ps.program_id = ${programId}`),
  ]);
  const { counts, countries, organisations } = countPartners(projects);
  return {
    program: {
      ...programRef(row),
      startedOn: str(row.startedOn),
      summary: str(row.summary),
      budgetSummary: str(row.budgetSummary),
      agency: institutionRef(row),
      reportedFigures: (row.reportedFigures as ProgramPage['program']['reportedFigures'] | null) ?? [],
    },
    counts,
    countries,
    organisations,
    projects,
    partnerships,
    partnershipCounts: countPartnerships(partnerships),
  };
}
