import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts/roles.js';
import type { Action } from '../../src/policies/policy.js';
import { createApiToken } from '../../src/services/accounts/api-tokens.js';
import { seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeProgram } from '../support/factories.js';

/**
 * Who may do what, restated here independently of src/policies: if the policy table or a route's
 * declared action drifts from this, the test fails. Every route of the app must appear in ROUTES.
 */
type Who = 'everyone' | 'signed_in' | Role[];
const WHO: Record<Action, Who> = {
  'registry.read': 'everyone',
  'registry.write': ['program_officer', 'administrator'],
  'portal.read': 'everyone',
  'system.health': 'everyone',
  'system.docs': 'everyone',
  'auth.session': 'everyone',
  'account.read': 'signed_in',
  'account.write': 'signed_in',
  'accounts.admin': ['administrator'],
  'accounts.read': ['administrator'],
  'outbox.read': ['administrator'],
  'audit.read': ['administrator'],
  'jobs.read': ['administrator'],
  'jobs.manage': ['administrator'],
  'calls.read': 'everyone',
  'calls.manage': ['program_officer', 'administrator'],
  'calls.applications.read': ['program_officer', 'selection_official', 'administrator'],
  'applications.read': 'signed_in',
  'applications.write': ['applicant', 'administrator'],
  'review.manage': ['program_officer', 'administrator'],
  'review.read': ['program_officer', 'selection_official', 'administrator'],
  'review.participate': 'signed_in',
  'review.workspace': 'signed_in',
};

const WRITE_ACTIONS = new Set<Action>([
  'registry.write',
  'auth.session',
  'account.write',
  'accounts.admin',
  'calls.manage',
  'applications.write',
  'review.manage',
  'review.participate',
  'jobs.manage',
]);

type Caller = { name: string; roles: Role[]; headers: Record<string, string>; readOnly?: boolean };

let t: TestApp;
const callers: Caller[] = [];

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  const institution = await makeInstitution(db);
  const program = await makeProgram(db);
  const scopes: Record<Role, string | null> = {
    applicant: String(institution.id),
    reviewer: 'call-1',
    program_officer: String(program.id),
    curator: null,
    selection_official: String(program.id),
    administrator: null,
  };
  callers.push({ name: 'anonymous', roles: [], headers: {} });
  callers.push({ name: 'signed in, no role', roles: [], headers: (await seedActiveAccount(db)).headers });
  for (const role of ['applicant', 'reviewer', 'program_officer', 'selection_official', 'administrator'] as Role[]) {
    const seeded = await seedActiveAccount(db, [{ role, scopeId: scopes[role] }]);
    callers.push({ name: role, roles: [role], headers: seeded.headers });
  }
  // An administrator's read-only token may read everything an administrator may, and write nothing.
  const admin = await seedActiveAccount(db, [{ role: 'administrator' }]);
  const { accountActor } = await import('../../src/services/accounts/load-account.js');
  const { accounts } = await import('../../src/db/schema.js');
  const { eq } = await import('drizzle-orm');
  const [row] = await db.select().from(accounts).where(eq(accounts.id, admin.id));
  const readOnly = await createApiToken(db, accountActor(row!, [], { via: 'session' }), { name: 'read only', scopes: ['read'] });
  callers.push({
    name: 'administrator, read-only token',
    roles: ['administrator'],
    headers: { authorization: `Bearer ${readOnly.token}` },
    readOnly: true,
  });
});

afterAll(() => t.close());

function expected(action: Action, caller: Caller): 'allow' | 401 | 403 {
  const who = WHO[action];
  if (who === 'everyone') return 'allow';
  if (caller.name === 'anonymous') return 401;
  if (caller.readOnly && WRITE_ACTIONS.has(action)) return 403;
  if (who === 'signed_in') return 'allow';
  return caller.roles.some((r) => who.includes(r)) ? 'allow' : 403;
}

const fill = (url: string) =>
  url
    .replace(/:id\b/g, '00000000-0000-4000-8000-000000000000')
    .replace(/:slug\b/g, 'no-such')
    .replace(/:code\b/g, 'QQ')
    .replace(/:\w+/g, 'x');

describe(`authorization matrix on ${databaseKind} Postgres`, () => {
  it('declares a policy action for every API route', () => {
    const missing = t.app.routeTable.filter((r) => !r.action).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    expect(t.app.routeTable.length).toBeGreaterThan(40);
  });

  it('answers every route × role as the policy says', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable) {
      const action = route.action as Action;
      expect(WHO[action], `${route.method} ${route.url} uses unknown action ${action}`).toBeDefined();
      for (const caller of callers) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: caller.headers,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const want = expected(action, caller);
        const ok = want === 'allow' ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === want;
        if (!ok)
          failures.push(
            `${route.method} ${route.url} as ${caller.name}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });
});
