import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseFactory } from '../../src/cli/database.js';
import { main } from '../../src/cli/main.js';
import { queryRows } from '../../src/db/connection.js';
import { type TestApp, testApp } from '../support/app.js';
import { makeProgram } from '../support/factories.js';

let t: TestApp;
let restore: () => void;
let programId: string;

beforeAll(async () => {
  t = await testApp();
  // The CLI closes its database after each command; hand it the test database with a no-op close.
  restore = setDatabaseFactory(async () => ({ ...t.database, close: async () => {} }));
  programId = String((await makeProgram(t.database.db, { slug: 'change-8-cooperation' })).id);
});
afterAll(async () => {
  restore();
  await t.close();
});
afterEach(() => vi.restoreAllMocks());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('orbitshare user', () => {
  it('creates an active account with a role, issues a token that works, then revokes the role', async () => {
    process.env.OFFICER_PASSWORD = 'lunar-regolith-2025';
    const created = await run(
      'user',
      'create',
      '--email',
      'officer@cnsa.example',
      '--name',
      'Officer',
      '--role',
      'program_officer',
      '--scope',
      programId,
      '--password-env',
      'OFFICER_PASSWORD',
    );
    expect(created.code, created.err).toBe(0);
    const token = await run('user', 'token', '--email', 'officer@cnsa.example', '--name', 'script', '--scopes', 'read,write');
    expect(token.code, token.err).toBe(0);
    const secret = token.out.split('\n').at(-1)!;
    expect(secret).toMatch(/^osk_/);
    const headers = { authorization: `Bearer ${secret}` };
    const changeProgram = (summary: string) =>
      t.app.inject({ method: 'PATCH', url: `/api/programs/${programId}`, headers, payload: { summary } });
    expect((await changeProgram('Written by its officer.')).statusCode).toBe(200);

    const revoked = await run(
      'user',
      'revoke',
      '--email',
      'officer@cnsa.example',
      '--role',
      'program_officer',
      '--scope',
      programId,
    );
    expect(revoked.code, revoked.err).toBe(0);
    expect((await changeProgram('Written after the revocation.')).statusCode).toBe(403);
    const audit = await queryRows<{ actor: string; action: string }>(
      t.database.db,
      sql`select actor, action from audit_log where action like 'role.%' or action like 'token.%' or action = 'account.created' order by id`,
    );
    expect(audit).toEqual([
      { actor: 'system:cli', action: 'account.created' },
      { actor: 'system:cli', action: 'role.granted' },
      { actor: 'system:cli', action: 'token.created' },
      { actor: 'system:cli', action: 'role.revoked' },
    ]);
  });

  it('invites when no password is given, and grants with --dry-run leave nothing behind', async () => {
    const invited = await run('user', 'create', '--email', 'reviewer@osaka.example', '--name', 'Reviewer');
    expect(invited.code, invited.err).toBe(0);
    expect(invited.out).toContain('outbox');
    const dry = await run(
      'user',
      'grant',
      '--email',
      'reviewer@osaka.example',
      '--role',
      'reviewer',
      '--scope',
      'call-7',
      '--dry-run',
    );
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('nothing was written');
    const grants = await queryRows(
      t.database.db,
      sql`select 1 from role_grants g join accounts a on a.id = g.account_id where a.email = 'reviewer@osaka.example'`,
    );
    expect(grants).toHaveLength(0);
  });

  it('grants the unscoped registry_editor role, which then writes shared reference data', async () => {
    process.env.EDITOR_PASSWORD = 'regolith-catalogue-2025';
    const create = ['user', 'create', '--email', 'editor@cnsa.example', '--name', 'Editor', '--password-env', 'EDITOR_PASSWORD'];
    expect((await run(...create)).code).toBe(0);
    const scoped = await run(
      'user',
      'grant',
      '--email',
      'editor@cnsa.example',
      '--role',
      'registry_editor',
      '--scope',
      programId,
    );
    expect(scoped.code).toBe(2);
    expect(scoped.err).toContain('no scope');
    const granted = await run('user', 'grant', '--email', 'editor@cnsa.example', '--role', 'registry_editor');
    expect(granted.code, granted.err).toBe(0);
    expect(granted.out).toBe('granted registry_editor to editor@cnsa.example');
    const token = await run('user', 'token', '--email', 'editor@cnsa.example', '--name', 'script', '--scopes', 'read,write');
    const headers = { authorization: `Bearer ${token.out.split('\n').at(-1)}` };
    const country = await t.app.inject({ method: 'POST', url: '/api/countries', headers, payload: { code: 'PE', name: 'Peru' } });
    expect(country.statusCode, country.body).toBe(201);
    // A program's own record stays with its officers.
    const program = await t.app.inject({
      method: 'PATCH',
      url: `/api/programs/${programId}`,
      headers,
      payload: { summary: 'x' },
    });
    expect(program.statusCode).toBe(403);
  });

  it('exits 2 with a message on bad arguments, and 1 when the account does not exist', async () => {
    for (const argv of [
      ['user'],
      ['user', 'promote', '--email', 'a@b.c'],
      ['user', 'grant', '--email', 'a@b.c', '--role', 'emperor'],
      ['user', 'grant', '--role', 'administrator'],
      ['user', 'token', '--email', 'a@b.c', '--name', 'x', '--scopes', 'admin'],
      ['user', 'create', '--email', 'x@y.z', '--name', 'X', '--bogus'],
    ]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      if (argv.length > 1) expect(result.err.length, argv.join(' ')).toBeGreaterThan(0);
    }
    const missing = await run('user', 'grant', '--email', 'nobody@example.org', '--role', 'administrator');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no account');
    const scopeless = await run(
      'user',
      'create',
      '--email',
      'c@d.e',
      '--name',
      'C',
      '--role',
      'curator',
      '--password-env',
      'OFFICER_PASSWORD',
    );
    expect(scopeless.code).toBe(2);
    expect(scopeless.err).toContain('sample_collection');
  });
});
