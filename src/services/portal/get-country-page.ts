import { sql } from 'drizzle-orm';
import type { CountryPage } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadInstitutions } from './load-institution.js';
import { loadPartnerships } from './load-partnerships.js';
import { loadProjects } from './load-projects.js';
import { programsOf } from './programs-of.js';
import { countryRef, type Row } from './refs.js';

/**
 * A country or region (by ISO code, any case) with its institutions, the projects they take part in,
 * and the partnerships of the country or its institutions: six queries.
 */
export async function getCountryPage(db: DbOrTx, actor: Actor, rawCode: string): Promise<CountryPage> {
  authorize(actor, 'portal.read');
  const code = rawCode.toUpperCase();
  const [row] = /^[A-Z]{2}$/.test(code)
    ? await queryRows<Row>(
        db,
        sql`select c.code as "cCode", c.name as "cName", c.native_name as "cNative", c.kind as "cKind",
            s.code as "sCode", s.name as "sName", s.native_name as "sNative", s.kind as "sKind"
          from countries c left join countries s on s.code = c.sovereign_code and s.archived_at is null
          where c.code = ${code} and c.archived_at is null`,
      )
    : [];
  const country = row && countryRef(row, 'c');
  if (!row || !country) throw new AppError('NOT_FOUND', `No country or region with code "${rawCode}".`);
  const [institutions, projects, partnerships] = await Promise.all([
    loadInstitutions(db, sql`i.country_code = ${code}`),
    loadProjects(
      db,
      sql`exists (select 1 from project_participants x join institutions xi on xi.id = x.institution_id and xi.archived_at is null
        where x.project_id = p.id and xi.country_code = ${code})`,
    ),
    loadPartnerships(db, sql`(ps.country_code = ${code} or i.country_code = ${code})`),
  ]);
  return {
    country: { ...country, sovereign: countryRef(row, 's') },
    institutions: institutions.map(({ rorId: _r, website: _w, ...ref }) => ref),
    projects,
    partnerships,
    programs: await programsOf(db, projects, partnerships),
  };
}
