import type { CountryList } from '../../contracts/portal.js';
import type { DbOrTx } from '../../db/connection.js';
import { partnerCountries, partnerOrganisations } from './involvement.js';

/** Partner countries and regions, and partner international organisations, with their counts. */
export async function listPortalCountries(db: DbOrTx): Promise<CountryList> {
  const [countries, organisations] = await Promise.all([partnerCountries(db), partnerOrganisations(db)]);
  return { countries, organisations };
}
