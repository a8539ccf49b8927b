import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_SCOPE, ROLES } from '../../src/domain/accounts/roles.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/seed/demo-accounts.js';
import { seedIfEmpty } from '../../src/services/seed/load-seed.js';
import { type TestApp, testApp } from '../support/app.js';
import { demoTestDatabase } from '../support/demo-db.js';

let t: TestApp;
beforeAll(async () => {
  // What a demo instance's first start finds: the image, with the demo programs and no account.
  t = await testApp({ database: await demoTestDatabase() });
}, 900_000);
afterAll(() => t.close());

describe('demo accounts', () => {
  it('are refused in production', async () => {
    await expect(seedDemoAccounts(t.database.db, 'production')).rejects.toThrow(/NODE_ENV=production/);
  });

  it('come with the demo data, one per role, each able to sign in with its scoped role', async () => {
    // The registry is in the image already (nothing loaded now); the first start makes the accounts.
    expect(await seedIfEmpty(t.database.db, { environment: 'development' })).toBe(false);
    const roles = new Set<string>();
    for (const demo of DEMO_ACCOUNTS) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: demo.email, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, demo.email).toBe(200);
      const [grant] = res.json().account.grants;
      expect(grant.role).toBe(demo.role);
      if (ROLE_SCOPE[demo.role]) expect(grant.scopeId).toBeTruthy();
      else expect(grant.scopeId).toBeNull();
      roles.add(grant.role);
    }
    expect([...roles].sort()).toEqual([...ROLES].sort());
    expect(await seedDemoAccounts(t.database.db, 'development')).toBe('already_there');
  }, 600_000);
});
