import type { CatalogueCollectionPage, CatalogueList, CuratorCollectionList } from '../../contracts/catalogue.js';
import { request } from '../api.js';

export const catalogueApi = {
  collections: (signal?: AbortSignal) => request<CatalogueList>('GET', '/api/portal/samples', undefined, signal),
  collection: (slug: string, signal?: AbortSignal) =>
    request<CatalogueCollectionPage>('GET', `/api/portal/samples/${encodeURIComponent(slug)}`, undefined, signal),
  curatorCollections: (signal?: AbortSignal) =>
    request<CuratorCollectionList>('GET', '/api/custody/collections', undefined, signal),
};
