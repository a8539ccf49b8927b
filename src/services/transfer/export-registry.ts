import type { DbOrTx } from '../../db/connection.js';
import type { Actor } from '../actor.js';
import { listRecords } from '../registry/list-records.js';
import { RESOURCES, type RegistryResource } from '../registry/resources.js';

type Row = Record<string, unknown>;

export const EXPORT_FORMAT = 'orbitshare.registry';
export const EXPORT_VERSION = 1;

/** A whole-registry export: every record of each resource, archived ones included, keyed by resource name. */
export interface RegistryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  resources: Record<string, Row[]>;
}

const PAGE = 500;

/** Every record of one resource, through the registry list use case, page by page. */
export async function exportResource(db: DbOrTx, actor: Actor, resource: RegistryResource): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const result = await listRecords(db, actor, resource, {
      page,
      pageSize: PAGE,
      sort: resource.defaultSort,
      includeArchived: true,
      filters: {},
    });
    rows.push(...(result.items as Row[]));
    if (result.items.length < PAGE || rows.length >= result.total) return rows;
  }
}

/**
 * Exports the given resources (all of them by default) in one read-only transaction, so the
 * document is one consistent snapshot even while the server writes.
 */
export async function exportRegistry(
  db: DbOrTx,
  actor: Actor,
  resources: RegistryResource[] = RESOURCES,
): Promise<RegistryExport> {
  const out: Record<string, Row[]> = {};
  await db.transaction(
    async (tx) => {
      for (const resource of resources) out[resource.name] = await exportResource(tx, actor, resource);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), resources: out };
}
