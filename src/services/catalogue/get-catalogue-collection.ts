import { sql } from 'drizzle-orm';
import type { CatalogueCollectionPage } from '../../contracts/catalogue.js';
import type { DbOrTx } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { figuresByType, massesOf } from '../custody/collection-figures.js';
import { catalogueCollections, catalogueLoans, cataloguePublications } from './catalogue-rows.js';

/** /samples/:slug: one collection by sample type, who borrowed from it, and the publications that used it. */
export async function getCatalogueCollection(db: DbOrTx, actor: Actor, slug: string): Promise<CatalogueCollectionPage> {
  authorize(actor, 'portal.read');
  const [found] = await catalogueCollections(db, slug);
  if (!found) throw new AppError('NOT_FOUND', `No sample collection "${slug}".`);
  const { id, ...collection } = found;
  const [types, loans, publications] = await Promise.all([
    figuresByType(db, sql`s.collection_id = ${id}`),
    catalogueLoans(db, id),
    cataloguePublications(db, id),
  ]);
  return {
    collection,
    sampleTypes: types.map((t) => ({ sampleType: t.sampleType, ...massesOf(t) })),
    loans,
    publications,
  };
}
