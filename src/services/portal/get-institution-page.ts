import { sql } from 'drizzle-orm';
import type { InstitutionPage } from '../../contracts/portal.js';
import type { DbOrTx } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadInstitutions } from './load-institution.js';
import { loadPartnerships } from './load-partnerships.js';
import { loadProjects } from './load-projects.js';
import { programsOf } from './programs-of.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An institution (by id or slug) with its projects, partnerships and programs: five queries. */
export async function getInstitutionPage(db: DbOrTx, actor: Actor, idOrSlug: string): Promise<InstitutionPage> {
  authorize(actor, 'portal.read');
  const where = UUID.test(idOrSlug) ? sql`i.id = ${idOrSlug}::uuid` : sql`i.slug = ${idOrSlug}`;
  const [found] = await loadInstitutions(db, where);
  if (!found) throw new AppError('NOT_FOUND', `No institution with id or slug "${idOrSlug}".`);
  const { projects: _count, ...institution } = found;
  const [projects, partnerships] = await Promise.all([
    loadProjects(
      db,
      sql`exists (select 1 from project_participants x where x.project_id = p.id and x.institution_id = ${institution.id}::uuid)`,
    ),
    loadPartnerships(db, sql`ps.institution_id = ${institution.id}::uuid`),
  ]);
  return { institution, projects, partnerships, programs: await programsOf(db, projects, partnerships) };
}
