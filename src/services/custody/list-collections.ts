import { sql } from 'drizzle-orm';
import type { CuratorCollectionList } from '../../contracts/catalogue.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { authorize, isAdministrator } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { byCollection, figuresByType, massesOf, NO_MASS } from './collection-figures.js';

/** The collection ids the curator keeps; null for an administrator (all of them). */
function keptCollections(actor: Actor): string[] | null {
  if (isAdministrator(actor)) return null;
  return actor.kind === 'account' ? actor.grants.filter((g) => g.role === 'curator' && g.scopeId).map((g) => g.scopeId!) : [];
}

/**
 * The curator's collections (Chang'e-5, Chang'e-6, …): parent-sample counts and masses in store,
 * lent, consumed and lost, and each parent sample (its genealogy page is one click away).
 */
export async function listCollections(db: DbOrTx, actor: Actor): Promise<CuratorCollectionList> {
  authorize(actor, 'custody.read');
  const kept = keptCollections(actor);
  if (kept && kept.length === 0) return { items: [] };
  const scope = kept
    ? sql`k.id in (${sql.join(
        kept.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`true`;
  const collections = await queryRows<Record<string, unknown>>(
    db,
    sql`select k.id, k.slug, k.name, m.name as "missionName" from sample_collections k join missions m on m.id = k.mission_id
        where k.archived_at is null and ${scope} order by m.launch_date nulls last, k.name`,
  );
  if (collections.length === 0) return { items: [] };
  const ids = sql.join(
    collections.map((k) => sql`${String(k.id)}::uuid`),
    sql`, `,
  );
  const [figures, parents] = await Promise.all([
    figuresByType(db, sql`s.collection_id in (${ids})`),
    queryRows<Record<string, unknown>>(
      db,
      sql`select s.id, s.collection_id as "collectionId", s.number, s.sample_type as "sampleType", s.status, s.balance_ug::float8 as "inStoreUg"
          from samples s where s.parent_id is null and s.collection_id in (${ids}) order by s.number`,
    ),
  ]);
  const totals = byCollection(figures);
  return {
    items: collections.map((k) => ({
      id: String(k.id),
      slug: String(k.slug),
      name: String(k.name),
      missionName: String(k.missionName),
      ...massesOf(totals.get(String(k.id)) ?? NO_MASS),
      parents: parents
        .filter((p) => p.collectionId === k.id)
        .map((p) => ({
          id: String(p.id),
          number: String(p.number),
          sampleType: String(p.sampleType),
          status: String(p.status),
          inStoreUg: Number(p.inStoreUg),
        })),
    })),
  };
}
