import type { CountryList } from '../../contracts/portal.js';
import type { DbOrTx } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { partnerCountries, partnerOrganisations } from './involvement.js';

/** Partner countries and regions, and partner international organisations, with their counts. */
export async function listPortalCountries(db: DbOrTx, actor: Actor): Promise<CountryList> {
  authorize(actor, 'portal.read');
  const [countries, organisations] = await Promise.all([partnerCountries(db), partnerOrganisations(db)]);
  return { countries, organisations };
}
