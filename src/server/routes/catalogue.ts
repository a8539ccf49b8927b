import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as contracts from '../../contracts/catalogue.js';
import { Problem } from '../../contracts/common.js';
import { ListFormat } from '../../contracts/portal.js';
import { getCatalogueCollection } from '../../services/catalogue/get-catalogue-collection.js';
import { listSampleCatalogue } from '../../services/catalogue/list-sample-catalogue.js';
import { listCollections } from '../../services/custody/list-collections.js';
import { type AppContext, actorOf } from '../context.js';
import { type CsvColumns, presentList } from '../present-list.js';
import * as csv from './catalogue-csv.js';

const read = { action: 'portal.read' as const, publicCache: true };

/** The public sample catalogue (issue 11 item 4) and the curator's collections (issue 10 item 6). */
export function catalogueRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    '/api/portal/samples',
    {
      config: read,
      schema: {
        tags: ['portal'],
        summary: 'Sample collections with the mass available for loan, lent, consumed and lost (public figures, µg)',
        querystring: ListFormat,
        response: { 200: contracts.CatalogueList },
      },
    },
    async (request, reply) => {
      const body = await listSampleCatalogue(db, actorOf(request));
      return presentList(reply, request.query.format, body, {
        name: 'sample-collections',
        items: body.items,
        columns: csv.COLLECTION_COLUMNS,
      });
    },
  );

  api.get(
    '/api/portal/samples/:slug',
    {
      config: read,
      schema: {
        tags: ['portal'],
        summary:
          'A sample collection: its sample types, who borrowed from it (institution, country, year, mass) and publications',
        params: z.object({ slug: z.string().max(100).describe('The collection\'s URL name, e.g. "change-5-lunar-samples".') }),
        querystring: contracts.CatalogueCollectionQuery,
        response: { 200: contracts.CatalogueCollectionPage, 404: Problem },
      },
    },
    async (request, reply) => {
      const body = await getCatalogueCollection(db, actorOf(request), request.params.slug);
      const list = request.query.list ?? 'types';
      const download = {
        types: { items: body.sampleTypes, columns: csv.TYPE_COLUMNS },
        loans: { items: body.loans, columns: csv.LOAN_COLUMNS },
        publications: { items: body.publications, columns: csv.PUBLICATION_COLUMNS },
      }[list] as { items: readonly unknown[]; columns: CsvColumns<unknown> };
      return presentList(reply, request.query.format, body, {
        name: `${body.collection.slug}${request.query.format === 'csv' ? `-${list}` : ''}`,
        ...download,
      });
    },
  );

  api.get(
    '/api/custody/collections',
    {
      config: { action: 'custody.read' as const },
      schema: {
        tags: ['custody'],
        summary: 'The curator’s collections: parent samples and masses in store, lent, consumed and lost',
        response: { 200: contracts.CuratorCollectionList, 401: Problem, 403: Problem },
      },
    },
    async (request) => listCollections(db, actorOf(request)),
  );
}
