import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { seedIfEmpty } from '../../src/services/seed/load-seed.js';
import { type TestDatabase, testDatabase } from '../support/db.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.dispose());

describe('first start in production', () => {
  it('loads the real programs but no synthetic calls and no demo accounts', async () => {
    expect(await seedIfEmpty(database.db, { environment: 'production' })).toBe(true);
    const [row] = await queryRows<{ programs: number; calls: number; applications: number; accounts: number }>(
      database.db,
      sql`select (select count(*)::int from programs) as programs, (select count(*)::int from calls) as calls,
        (select count(*)::int from applications) as applications, (select count(*)::int from accounts) as accounts`,
    );
    expect(row).toEqual({ programs: 9, calls: 0, applications: 0, accounts: 0 });
  });
});
