import type { DbOrTx } from '../../db/connection.js';
import type { RegistryResource } from './resources.js';

type Row = Record<string, unknown>;

/** Database rows to API records: timestamps as ISO strings, child collections attached. */
export async function presentRows(db: DbOrTx, resource: RegistryResource, rows: Row[]): Promise<Row[]> {
  const records = rows.map((row) => {
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
    return out;
  });
  if (resource.children) {
    const ids = records.map((r) => String(r[resource.idField]));
    const loaded = await resource.children.load(db, ids);
    for (const record of records) record[resource.children.field] = loaded.get(String(record[resource.idField])) ?? [];
  }
  return records;
}
