import { sql } from 'drizzle-orm';
import type { CatalogueCollection, CatalogueLoan, CataloguePublication } from '../../contracts/catalogue.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { byCollection, figuresByType, massesOf, NO_MASS } from '../custody/collection-figures.js';

// The public catalogue's queries. Each selects public columns only (names, countries, years, summed
// masses, DOIs): the custody tables' private columns (numbers, containers, storage locations,
// custodians, references, tracking) are never read here, so they cannot leak into an answer.

type Row = Record<string, unknown>;
const str = (v: unknown) => (v == null ? null : String(v));

function place(r: Row): Pick<CatalogueLoan, 'institution' | 'country'> {
  return {
    institution: { slug: String(r.iSlug), name: String(r.iName), nativeName: str(r.iNative) },
    country: r.cCode == null ? null : { code: String(r.cCode), name: String(r.cName), nativeName: str(r.cNative) },
  };
}

const PLACE_COLUMNS = sql.raw(`i.slug as "iSlug", i.name as "iName", i.native_name as "iNative",
  c.code as "cCode", c.name as "cName", c.native_name as "cNative"`);

/** Registry collections (not archived) with their mission, loan and publication counts and ledger figures. */
export async function catalogueCollections(db: DbOrTx, slug?: string): Promise<(CatalogueCollection & { id: string })[]> {
  const only = slug === undefined ? sql`true` : sql`k.slug = ${slug}`;
  const rows = await queryRows<Row>(
    db,
    sql`select k.id, k.slug, k.name, k.returned_mass_mg::float8 as "returnedMassMg", k.returned_on::text as "returnedOn",
          m.slug as "mSlug", m.name as "mName", m.native_name as "mNative",
          (select count(distinct li.loan_id)::int from loan_items li join samples s on s.id = li.sample_id where s.collection_id = k.id) as loans,
          (select count(distinct o.id)::int from research_outputs o join research_output_samples os on os.output_id = o.id
             join samples s on s.id = os.sample_id where s.collection_id = k.id and o.kind = 'publication' and o.doi is not null) as publications
        from sample_collections k join missions m on m.id = k.mission_id
        where k.archived_at is null and m.archived_at is null and ${only}
        order by m.launch_date nulls last, k.name`,
  );
  if (rows.length === 0) return [];
  const ids = sql.join(
    rows.map((r) => sql`${String(r.id)}::uuid`),
    sql`, `,
  );
  const figures = byCollection(await figuresByType(db, sql`s.collection_id in (${ids})`));
  return rows.map((r) => ({
    id: String(r.id),
    slug: String(r.slug),
    name: String(r.name),
    mission: { slug: String(r.mSlug), name: String(r.mName), nativeName: str(r.mNative) },
    returnedMassMg: Number(r.returnedMassMg),
    returnedOn: str(r.returnedOn),
    loans: Number(r.loans),
    publications: Number(r.publications),
    ...massesOf(figures.get(String(r.id)) ?? NO_MASS),
  }));
}

/** Who borrowed from the collection: one row per loan, its borrower, year and the mass lent from here. */
export async function catalogueLoans(db: DbOrTx, collectionId: string): Promise<CatalogueLoan[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select extract(year from l.opened_at)::int as year, sum(li.allocated_mass_ug)::float8 as "massUg",
          array_agg(distinct s.sample_type order by s.sample_type) as "sampleTypes", ${PLACE_COLUMNS}
        from loans l
        join loan_items li on li.loan_id = l.id
        join samples s on s.id = li.sample_id and s.collection_id = ${collectionId}
        join institutions i on i.id = l.borrower_institution_id
        left join countries c on c.code = i.country_code
        group by l.id, l.opened_at, i.slug, i.name, i.native_name, c.code, c.name, c.native_name
        order by l.opened_at desc, i.name`,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    massUg: Number(r.massUg),
    sampleTypes: (r.sampleTypes as string[] | null) ?? [],
    ...place(r),
  }));
}

/** Publications (with DOI) that used the collection's samples, with the borrower that filed them. */
export async function cataloguePublications(db: DbOrTx, collectionId: string): Promise<CataloguePublication[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select o.title, o.doi, extract(year from o.filed_at)::int as year,
          array_agg(distinct s.sample_type order by s.sample_type) as "sampleTypes", ${PLACE_COLUMNS}
        from research_outputs o
        join research_output_samples os on os.output_id = o.id
        join samples s on s.id = os.sample_id and s.collection_id = ${collectionId}
        join loans l on l.id = o.loan_id
        join institutions i on i.id = l.borrower_institution_id
        left join countries c on c.code = i.country_code
        where o.kind = 'publication' and o.doi is not null
        group by o.id, o.title, o.doi, o.filed_at, i.slug, i.name, i.native_name, c.code, c.name, c.native_name
        order by o.filed_at desc, o.title`,
  );
  return rows.map((r) => ({
    title: String(r.title),
    doi: String(r.doi),
    year: Number(r.year),
    sampleTypes: (r.sampleTypes as string[] | null) ?? [],
    ...place(r),
  }));
}
