import type {
  CatalogueCollection,
  CatalogueLoan,
  CataloguePublication,
  CatalogueSampleType,
  CollectionMasses,
} from '../../contracts/catalogue.js';
import type { CsvColumns } from '../present-list.js';

// The sample catalogue's CSV downloads: masses in whole micrograms (as the ledger keeps them, so
// sums agree exactly), slugs and country codes a script can join on, native names beside English.

const MASS_COLUMNS: CsvColumns<CollectionMasses> = {
  parent_samples: (m) => m.parentSamples,
  available_ug: (m) => m.availableUg,
  in_store_ug: (m) => m.inStoreUg,
  lent_ug: (m) => m.lentUg,
  consumed_ug: (m) => m.consumedUg,
  lost_ug: (m) => m.lostUg,
};

export const COLLECTION_COLUMNS: CsvColumns<CatalogueCollection> = {
  slug: (c) => c.slug,
  name: (c) => c.name,
  mission: (c) => c.mission.slug,
  returned_mass_mg: (c) => c.returnedMassMg,
  returned_on: (c) => c.returnedOn,
  ...MASS_COLUMNS,
  loans: (c) => c.loans,
  publications: (c) => c.publications,
};

export const TYPE_COLUMNS: CsvColumns<CatalogueSampleType> = { sample_type: (t) => t.sampleType, ...MASS_COLUMNS };

const place = {
  institution: (r: CatalogueLoan | CataloguePublication) => r.institution.slug,
  institution_name: (r: CatalogueLoan | CataloguePublication) => r.institution.name,
  institution_native_name: (r: CatalogueLoan | CataloguePublication) => r.institution.nativeName,
  country_code: (r: CatalogueLoan | CataloguePublication) => r.country?.code,
};

export const LOAN_COLUMNS: CsvColumns<CatalogueLoan> = {
  year: (l) => l.year,
  ...place,
  mass_ug: (l) => l.massUg,
  sample_types: (l) => l.sampleTypes.join('; '),
};

export const PUBLICATION_COLUMNS: CsvColumns<CataloguePublication> = {
  year: (p) => p.year,
  doi: (p) => p.doi,
  title: (p) => p.title,
  ...place,
  sample_types: (p) => p.sampleTypes.join('; '),
};
