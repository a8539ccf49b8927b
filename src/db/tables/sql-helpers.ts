import { sql } from 'drizzle-orm';

/** A CHECK expression keeping a text column inside a closed vocabulary from the domain layer. */
export const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
