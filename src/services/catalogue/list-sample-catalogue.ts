import type { CatalogueList } from '../../contracts/catalogue.js';
import type { DbOrTx } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { catalogueCollections } from './catalogue-rows.js';

/** /samples: every sample collection with the mass available for loan and what was lent, public figures only. */
export async function listSampleCatalogue(db: DbOrTx, actor: Actor): Promise<CatalogueList> {
  authorize(actor, 'portal.read');
  const items = await catalogueCollections(db);
  return { items: items.map(({ id: _id, ...item }) => item) };
}
