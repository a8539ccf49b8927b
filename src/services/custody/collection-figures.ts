import { type SQL, sql } from 'drizzle-orm';
import type { CollectionMasses } from '../../contracts/catalogue.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';

// A collection's mass by where it is, summed from the ledger's two pockets (migrations 0012, 0017):
// the store (`samples.balance_ug`) and what is out under each loan item (`loan_items.out_ug`), with
// what destructive analysis consumed and what was lost or contaminated read from the entries. Used
// by the public catalogue and the curator's collections page, so both show the same figures.

export interface TypeFigures extends CollectionMasses {
  collectionId: string;
  sampleType: string;
}

export const NO_MASS: CollectionMasses = {
  parentSamples: 0,
  inStoreUg: 0,
  availableUg: 0,
  lentUg: 0,
  consumedUg: 0,
  lostUg: 0,
};

/**
 * Figures per collection and sample type, in one grouped scan. Available for loan is what is in
 * store less what open loans were allocated and have not shipped yet (those subsamples are still in
 * the store, but promised).
 */
export async function figuresByType(db: DbOrTx, where: SQL = sql`true`): Promise<TypeFigures[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.collection_id as "collectionId", s.sample_type as "sampleType",
          count(*) filter (where s.parent_id is null)::int as "parentSamples",
          coalesce(sum(s.balance_ug), 0)::float8 as "inStoreUg",
          coalesce(sum(li.reserved), 0)::float8 as "reservedUg",
          coalesce(sum(li.out), 0)::float8 as "lentUg",
          coalesce(sum(e.consumed), 0)::float8 as "consumedUg",
          coalesce(sum(e.lost), 0)::float8 as "lostUg"
        from samples s
        left join lateral (
          select sum(i.out_ug) as out,
            sum(case when l.status = 'open' then i.allocated_mass_ug - i.shipped_ug else 0 end) as reserved
          from loan_items i join loans l on l.id = i.loan_id where i.sample_id = s.id
        ) li on true
        left join lateral (
          select -sum(x.delta_ug) filter (where x.kind = 'consume') as consumed,
            -sum(x.delta_ug) filter (where x.kind in ('loss', 'contamination')) as lost
          from ledger_entries x where x.sample_id = s.id and x.kind in ('consume', 'loss', 'contamination')
        ) e on true
        where ${where}
        group by s.collection_id, s.sample_type
        order by s.collection_id, s.sample_type`,
  );
  return rows.map((r) => {
    const inStoreUg = Number(r.inStoreUg);
    return {
      collectionId: String(r.collectionId),
      sampleType: String(r.sampleType),
      parentSamples: Number(r.parentSamples),
      inStoreUg,
      availableUg: Math.max(0, inStoreUg - Number(r.reservedUg)),
      lentUg: Number(r.lentUg),
      consumedUg: Number(r.consumedUg),
      lostUg: Number(r.lostUg),
    };
  });
}

/** The sum of several figures (a collection's sample types). */
export function addMasses(rows: readonly CollectionMasses[]): CollectionMasses {
  const total = { ...NO_MASS };
  for (const r of rows) for (const key of Object.keys(total) as (keyof CollectionMasses)[]) total[key] += r[key];
  return total;
}

/** Figures per collection id. */
export function byCollection(rows: readonly TypeFigures[]): Map<string, CollectionMasses> {
  const groups = new Map<string, TypeFigures[]>();
  for (const r of rows) groups.set(r.collectionId, [...(groups.get(r.collectionId) ?? []), r]);
  return new Map([...groups].map(([id, list]) => [id, addMasses(list)]));
}

/** Picks the public figures of a row (drops the grouping keys). */
export const massesOf = (r: CollectionMasses): CollectionMasses => ({
  parentSamples: r.parentSamples,
  inStoreUg: r.inStoreUg,
  availableUg: r.availableUg,
  lentUg: r.lentUg,
  consumedUg: r.consumedUg,
  lostUg: r.lostUg,
});
