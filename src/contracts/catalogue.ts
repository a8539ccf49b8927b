import { z } from 'zod';
import { Slug, Uuid } from './common.js';

// The public sample catalogue (issue 11 item 4) and the curator's collection figures (issue 10 item
// 6). Public shapes carry aggregated figures only: no sample numbers, containers, storage locations,
// custodians, loan references or shipment tracking. Masses are whole micrograms, as in the ledger.

const Ug = z.number().int().min(0);
const NativeName = z.string().nullable().describe('The name in its own script, when known.');

/** The mass of a collection (or of one sample type in it) by where it is, from the ledger. */
export const CollectionMasses = z.object({
  parentSamples: z.number().int().min(0).describe('Parent samples registered (subsamples not counted).'),
  inStoreUg: Ug.describe('In the agency store: the sum of every sample\u2019s store balance, µg.'),
  availableUg: Ug.describe('Available for loan: in store, less what open loans hold but have not shipped yet, µg.'),
  lentUg: Ug.describe('Out on loan now (shipped and not returned, in transit included), µg.'),
  consumedUg: Ug.describe('Consumed in destructive analysis, µg.'),
  lostUg: Ug.describe('Lost or contaminated (each with a report), µg.'),
});

const PlaceRef = z.object({
  institution: z.object({ slug: Slug, name: z.string(), nativeName: NativeName }),
  country: z.object({ code: z.string(), name: z.string(), nativeName: NativeName }).nullable(),
});

export const CatalogueCollection = z.object({
  slug: Slug,
  name: z.string(),
  mission: z.object({ slug: Slug, name: z.string(), nativeName: NativeName }),
  returnedMassMg: z.number().int().describe('Mass returned to Earth as the registry reports it, mg.'),
  returnedOn: z.string().nullable().describe('YYYY-MM-DD, when known.'),
  loans: z.number().int().min(0).describe('Loans made from the collection, ever.'),
  publications: z.number().int().min(0).describe('Publications (with DOI) that used its samples.'),
  ...CollectionMasses.shape,
});

export const CatalogueSampleType = z.object({ sampleType: z.string(), ...CollectionMasses.shape });

export const CatalogueLoan = PlaceRef.extend({
  year: z.number().int().describe('Year the loan was opened.'),
  massUg: Ug.describe('Mass lent under the loan from this collection, µg.'),
  sampleTypes: z.array(z.string()),
});

export const CataloguePublication = PlaceRef.extend({
  title: z.string(),
  doi: z.string().describe('e.g. "10.1038/s41586-021-04100-2".'),
  year: z.number().int().describe('Year the borrower filed it.'),
  sampleTypes: z.array(z.string()).describe('Sample types it used.'),
});

export const CatalogueList = z.object({ items: z.array(CatalogueCollection) });
export const CatalogueCollectionPage = z.object({
  collection: CatalogueCollection,
  sampleTypes: z.array(CatalogueSampleType),
  loans: z.array(CatalogueLoan).describe('Newest first.'),
  publications: z.array(CataloguePublication).describe('Newest first.'),
});

export const CATALOGUE_LISTS = ['types', 'loans', 'publications'] as const;
export const CatalogueCollectionQuery = z.object({
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('"csv": one of the lists as a CSV file (see `list`); "json": the page as a download.'),
  list: z.enum(CATALOGUE_LISTS).optional().describe('Which list the CSV holds: sample types (default), loans or publications.'),
});

/** The curator's view of one collection: the same figures, and its parent samples to open. */
export const CuratorCollection = z.object({
  id: Uuid,
  slug: Slug,
  name: z.string(),
  missionName: z.string(),
  ...CollectionMasses.shape,
  parents: z.array(z.object({ id: Uuid, number: z.string(), sampleType: z.string(), status: z.string(), inStoreUg: Ug })),
});
export const CuratorCollectionList = z.object({ items: z.array(CuratorCollection) });

export type CollectionMasses = z.infer<typeof CollectionMasses>;
export type CatalogueCollection = z.infer<typeof CatalogueCollection>;
export type CatalogueSampleType = z.infer<typeof CatalogueSampleType>;
export type CatalogueLoan = z.infer<typeof CatalogueLoan>;
export type CataloguePublication = z.infer<typeof CataloguePublication>;
export type CatalogueList = z.infer<typeof CatalogueList>;
export type CatalogueCollectionPage = z.infer<typeof CatalogueCollectionPage>;
export type CuratorCollection = z.infer<typeof CuratorCollection>;
export type CuratorCollectionList = z.infer<typeof CuratorCollectionList>;
