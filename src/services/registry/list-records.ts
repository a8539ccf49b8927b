import { and, asc, count, desc, eq, getTableColumns, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { presentRows } from './present.js';
import type { RegistryResource } from './resources.js';

export interface ListOptions {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  includeArchived: boolean;
  filters: Record<string, string | number | undefined>;
}

const TOTAL = '__total';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listRecords(db: DbOrTx, actor: Actor, resource: RegistryResource, options: ListOptions) {
  authorize(actor, 'registry.read');
  const sortName = options.sort?.replace(/^-/, '') ?? resource.defaultSort;
  const sortColumn = resource.sorts[sortName];
  if (!sortColumn) {
    const allowed = Object.keys(resource.sorts).join(', ');
    throw new AppError('VALIDATION_FAILED', `Cannot sort by "${sortName}"; use one of: ${allowed}.`, [
      { field: 'sort', code: 'VALIDATION_FAILED', message: `Cannot sort by "${sortName}"; use one of: ${allowed}.` },
    ]);
  }
  const conditions: (SQL | undefined)[] = [];
  const table = resource.table as unknown as { archivedAt: Parameters<typeof isNull>[0] };
  if (!options.includeArchived) conditions.push(isNull(table.archivedAt));
  for (const [field, value] of Object.entries(options.filters)) {
    const column = resource.filters[field];
    if (column && value !== undefined) conditions.push(eq(column, column.dataType === 'number' ? Number(value) : value));
  }
  if (options.q) {
    const pattern = `%${escapeLike(options.q)}%`;
    conditions.push(or(...resource.searchable.map((c) => ilike(c, pattern))));
  }
  const where = and(...conditions);
  const order = options.sort?.startsWith('-') ? desc(sortColumn) : asc(sortColumn);
  const offset = (options.page - 1) * options.pageSize;
  // The total comes with the page (a window count over every matching row, taken before LIMIT):
  // one round trip instead of two. Only a page past the end needs a separate count.
  const found = (await db
    .select({ ...getTableColumns(resource.table), [TOTAL]: sql<number>`(count(*) over ())::int` })
    .from(resource.table)
    .where(where)
    .orderBy(order, asc(resource.id))
    .limit(options.pageSize)
    .offset(offset)) as Record<string, unknown>[];
  const total =
    found.length > 0
      ? Number(found[0]?.[TOTAL])
      : Number((await db.select({ total: count() }).from(resource.table).where(where))[0]?.total ?? 0);
  const rows = found.map(({ [TOTAL]: _total, ...row }) => row);
  return {
    items: await presentRows(db, resource, rows),
    page: options.page,
    pageSize: options.pageSize,
    total,
  };
}
