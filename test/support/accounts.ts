import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/connection.js';
import { accounts } from '../../src/db/schema.js';
import type { Role } from '../../src/domain/accounts/roles.js';
import { createApiToken } from '../../src/services/accounts/api-tokens.js';
import { grantRoleIn } from '../../src/services/accounts/grant-role.js';
import { accountActor, liveGrants } from '../../src/services/accounts/load-account.js';
import { hashPassword } from '../../src/services/accounts/secrets.js';
import { SYSTEM } from '../../src/services/actor.js';

let counter = 0;

export interface SeededAccount {
  id: string;
  email: string;
  password: string;
  /** Authorization header of a read+write API token of the account. */
  headers: { authorization: string };
}

/** An active account holding the given grants, with a password and an API token. */
export async function seedActiveAccount(
  db: Db,
  grants: { role: Role; scopeId?: string | null }[] = [],
  overrides: { email?: string; password?: string } = {},
): Promise<SeededAccount> {
  const n = ++counter;
  const email = overrides.email ?? `person${n}-${Date.now()}@example.org`;
  const password = overrides.password ?? 'correct horse battery staple';
  const [account] = await db
    .insert(accounts)
    .values({
      email,
      displayName: `Person ${n}`,
      passwordHash: await hashPassword(password),
      status: 'active',
      emailVerifiedAt: new Date(),
    })
    .returning();
  for (const grant of grants) await grantRoleIn(db, SYSTEM, { accountId: account!.id, ...grant });
  const [fresh] = await db.select().from(accounts).where(eq(accounts.id, account!.id));
  const actor = accountActor(fresh!, await liveGrants(db, account!.id), { via: 'session' });
  const token = await createApiToken(db, actor, { name: 'tests', scopes: ['read', 'write'] });
  return { id: account!.id, email, password, headers: { authorization: `Bearer ${token.token}` } };
}

export const seedAdministrator = (db: Db) => seedActiveAccount(db, [{ role: 'administrator' }]);
