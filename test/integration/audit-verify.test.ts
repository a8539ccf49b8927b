import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseFactory } from '../../src/cli/database.js';
import { EXIT } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { queryRows } from '../../src/db/connection.js';
import { SYSTEM } from '../../src/services/actor.js';
import { recordAudit } from '../../src/services/audit/record-audit.js';
import { databaseKind, type TestDatabase, testDatabase } from '../support/db.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.dispose());

async function cli(args: string[]) {
  const restore = setDatabaseFactory(async () => ({ ...database, close: async () => {} }));
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    restore();
  }
}

const ids = async () =>
  (await queryRows<{ id: number }>(database.db, sql`select id::int as id from audit_log order by id`)).map((r) => Number(r.id));

/** Runs statements as the superuser with every trigger off, as someone covering their tracks would. */
async function behindTheTriggers(statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

class Abort extends Error {}

/** The database's own message (drizzle wraps it as the cause of "Failed query"). */
async function refusal(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    return String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
  }
  return 'not refused';
}

describe(`audit log numbering and truncation on ${databaseKind} Postgres`, () => {
  it('numbers rows consecutively under 20 concurrent writers, rolled-back appends leaving no hole', async () => {
    const before = await ids();
    const writers = Array.from({ length: 20 }, (_, i) =>
      database.db
        .transaction(async (tx) => {
          await recordAudit(tx, SYSTEM, { action: 'test.concurrent', subjectType: 'test', subjectId: String(i) });
          await recordAudit(tx, SYSTEM, { action: 'test.concurrent', subjectType: 'test', subjectId: `${i}b` });
          if (i % 5 === 0) throw new Abort(); // four writers give up after appending
        })
        .catch((error) => {
          if (!(error instanceof Abort)) throw error;
        }),
    );
    await Promise.all(writers);
    const after = await ids();
    expect(after.length - before.length).toBe(32);
    const first = after[0] ?? 1;
    expect(first).toBe(1);
    expect(after).toEqual(after.map((_, i) => first + i));
    expect((await cli(['audit', 'verify'])).code).toBe(EXIT.ok);
  });

  it('refuses TRUNCATE, UPDATE and DELETE of the audit log', async () => {
    const count = (await ids()).length;
    expect(await refusal(database.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    expect(await refusal(database.db.execute(sql`update audit_log set actor = 'mallory'`))).toMatch(/append-only/);
    expect(await refusal(database.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect((await ids()).length).toBe(count);
  });
});

describe(`orbitshare audit verify on ${databaseKind} Postgres`, () => {
  let head = '';

  it('passes on a clean log and prints the row count and the head', async () => {
    for (const n of [1, 2, 3])
      await recordAudit(database.db, SYSTEM, { action: 'test.verify', subjectType: 'test', subjectId: `v${n}` });
    const all = await ids();
    const [last] = await queryRows<{ hash: string }>(database.db, sql`select hash from audit_log order by id desc limit 1`);
    const result = await cli(['audit', 'verify']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain(`rows: ${all.length}`);
    expect(result.stdout).toContain(`head number: ${all.at(-1)}`);
    expect(result.stdout).toContain(`head hash: ${last?.hash}`);
    head = /head: (\d+:[0-9a-f]{64})/.exec(result.stdout)?.[1] ?? '';
    expect(head).toBe(`${all.at(-1)}:${last?.hash}`);
    const again = await cli(['audit', 'verify', '--expect-head', head]);
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toContain('present');
    // An earlier head is a prefix of a longer chain: appending keeps it valid.
    await recordAudit(database.db, SYSTEM, { action: 'test.verify', subjectType: 'test', subjectId: 'v4' });
    expect((await cli(['audit', 'verify', '--expect-head', head.split(':')[1] ?? ''])).code).toBe(EXIT.ok);
  });

  it('refuses a malformed expected head as a usage error', async () => {
    const result = await cli(['audit', 'verify', '--expect-head', 'xyz']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/--expect-head must be N:HASH/);
  });

  it('detects the newest rows deleted behind the triggers, against the head kept outside', async () => {
    await behindTheTriggers(sql`delete from audit_log where id >= (select max(id) - 1 from audit_log)`);
    const plain = await cli(['audit', 'verify']);
    expect(plain.code).toBe(EXIT.ok); // a shorter chain is still a chain
    const checked = await cli(['audit', 'verify', '--expect-head', head]);
    expect(checked.code).toBe(EXIT.failure);
    expect(checked.stderr).toMatch(/no longer in the audit log/);
  });

  it('fails after a row is edited behind the triggers', async () => {
    await behindTheTriggers(
      sql`update audit_log set actor = 'mallory' where id = (select id from audit_log order by id offset 1 limit 1)`,
    );
    const result = await cli(['audit', 'verify']);
    expect(result.code).toBe(EXIT.failure);
    expect(result.stderr).toMatch(/the chain is broken at row 2/);
  });
});
