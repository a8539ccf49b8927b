import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { type TestDatabase, testDatabase } from '../support/db.js';
import { makeInstitution, makeMission } from '../support/factories.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.dispose());

describe('tamper-evident audit log', () => {
  it('chains every row to its predecessor', async () => {
    await makeInstitution(database.db, { name: 'Université Paris Cité — IPGP' });
    await makeMission(database.db, { name: '嫦娥八号' });
    const report = await verifyAuditChain(database.db);
    expect(report.rows).toBeGreaterThanOrEqual(3);
    expect(report).toMatchObject({ intact: true, firstBrokenId: null });
  });

  it('refuses updates and deletes of audit rows', async () => {
    await expect(database.db.execute(sql`update audit_log set actor = 'mallory'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('detects a row edited behind the triggers', async () => {
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await database.db.execute(
      sql`update audit_log set actor = 'mallory' where id = (select id from audit_log order by id offset 1 limit 1)`,
    );
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const report = await verifyAuditChain(database.db);
    expect(report.intact).toBe(false);
    expect(report.firstBrokenId).toBeGreaterThan(1);
  });
});
