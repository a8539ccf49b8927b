import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { installationFacts, institutions, programs, sampleCollections } from '../../db/schema.js';
import { DEMO_PASSWORD } from '../../domain/accounts/password-policy.js';
import type { Role } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { createAccountIn } from '../accounts/create-account.js';
import { SYSTEM } from '../actor.js';

export { DEMO_PASSWORD };

const FACT = 'seed.demo_accounts';

interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  /** What the role is scoped to, by slug in the demo data (or a call id for reviewers). */
  scope?: { kind: 'institution' | 'program' | 'sample_collection' | 'call'; slug: string };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@orbitshare.demo', displayName: 'Demo Administrator', role: 'administrator' },
  {
    email: 'officer@orbitshare.demo',
    displayName: '李明 (Demo Program Officer)',
    role: 'program_officer',
    scope: { kind: 'program', slug: 'change-8-cooperation' },
  },
  {
    email: 'official@orbitshare.demo',
    displayName: 'Demo Selection Official',
    role: 'selection_official',
    scope: { kind: 'program', slug: 'change-8-cooperation' },
  },
  {
    email: 'curator@orbitshare.demo',
    displayName: 'Demo Sample Curator',
    role: 'curator',
    scope: { kind: 'sample_collection', slug: 'change-5-samples' },
  },
  // Calls arrive with the calls capability; until then a reviewer's grant names the call by its id.
  {
    email: 'reviewer@orbitshare.demo',
    displayName: 'Demo Reviewer',
    role: 'reviewer',
    scope: { kind: 'call', slug: 'change-5-international-2025' },
  },
  {
    email: 'applicant@orbitshare.demo',
    displayName: '大阪 太郎 (Demo Applicant)',
    role: 'applicant',
    scope: { kind: 'institution', slug: 'osaka-university' },
  },
  { email: 'editor@orbitshare.demo', displayName: 'Demo Registry Editor', role: 'registry_editor' },
  // The review demo's board of the Chang'e-5 2025 round belongs to the Chang'e-5 loans program.
  {
    email: 'officer-ce5@orbitshare.demo',
    displayName: "Demo Program Officer (Chang'e-5 loans)",
    role: 'program_officer',
    scope: { kind: 'program', slug: 'change-5-sample-loans' },
  },
  // The China Space Station first cycle (review in two stages, then selection): its board and decisions.
  {
    email: 'officer-css@orbitshare.demo',
    displayName: 'Demo Program Officer (China Space Station)',
    role: 'program_officer',
    scope: { kind: 'program', slug: 'css-first-cycle' },
  },
  {
    email: 'official-css@orbitshare.demo',
    displayName: 'Demo Selection Official (China Space Station)',
    role: 'selection_official',
    scope: { kind: 'program', slug: 'css-first-cycle' },
  },
];

/**
 * One account per role, for trying the system out. Never in production: the passwords are public.
 * Runs once (recorded in installation_facts); needs the demo registry for the scopes.
 */
export async function seedDemoAccounts(db: Db, environment: string): Promise<'created' | 'already_there'> {
  if (environment === 'production') {
    throw new AppError('FORBIDDEN', 'Demo accounts have public passwords and are never created when NODE_ENV=production.');
  }
  return db.transaction(async (tx) => {
    // Two processes starting at once must not both create them (a missing row cannot be locked).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('orbitshare.seed.demo_accounts'))`);
    const [fact] = await tx.select().from(installationFacts).where(eq(installationFacts.key, FACT));
    if (fact) return 'already_there' as const;
    const slugs = DEMO_ACCOUNTS.flatMap((a) => (a.scope ? [a.scope.slug] : []));
    const ids = new Map<string, string>();
    for (const table of [institutions, programs, sampleCollections]) {
      for (const row of await tx.select({ id: table.id, slug: table.slug }).from(table).where(inArray(table.slug, slugs))) {
        ids.set(row.slug, row.id);
      }
    }
    for (const demo of DEMO_ACCOUNTS) {
      const scopeId = demo.scope ? (demo.scope.kind === 'call' ? demo.scope.slug : ids.get(demo.scope.slug)) : null;
      if (demo.scope && !scopeId)
        throw new AppError('REFERENCE_NOT_FOUND', `Load the demo data first: "${demo.scope.slug}" is missing.`);
      await createAccountIn(tx, SYSTEM, {
        email: demo.email,
        displayName: demo.displayName,
        password: DEMO_PASSWORD,
        demoAccount: true,
        grants: [{ role: demo.role, scopeId }],
      });
    }
    await tx.insert(installationFacts).values({ key: FACT, value: { emails: DEMO_ACCOUNTS.map((a) => a.email) } });
    return 'created' as const;
  });
}
