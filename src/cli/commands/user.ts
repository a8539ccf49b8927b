import { and, eq, isNull, sql } from 'drizzle-orm';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { roleGrants } from '../../db/schema.js';
import { ROLES, type Role, TOKEN_SCOPES, type TokenScope } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { createApiToken } from '../../services/accounts/api-tokens.js';
import { createAccount } from '../../services/accounts/create-account.js';
import { grantRole } from '../../services/accounts/grant-role.js';
import { inviteAccount } from '../../services/accounts/invite-account.js';
import { findAccountByEmail } from '../../services/accounts/load-account.js';
import { revokeRole } from '../../services/accounts/revoke-role.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { CLI_ACTOR, withDatabase } from '../database.js';
import { CliError, EXIT } from '../errors.js';

export const HELP = `Usage: orbitshare user <create | grant | revoke | token> [options]

Manage accounts from the server's shell (acts as the system; every change is audited).

  user create --email E --name NAME [--role ROLE [--scope ID]] [--password-env VAR] [--dry-run]
      With --password-env, the account is active with the password read from that environment
      variable; without it, an invitation e-mail (outbox or SMTP) lets the person choose one.
  user grant  --email E --role ROLE [--scope ID] [--dry-run]
  user revoke --email E --role ROLE [--scope ID] [--dry-run]
  user token  --email E --name NAME [--scopes read,write] [--expires-days N]
      Prints a new API token once; store it now.

Roles: ${ROLES.join(', ')}. Every role but administrator and registry_editor
needs --scope: the id of the institution (applicant), call (reviewer), program (program officer,
selection official) or sample collection (curator). A registry_editor keeps the registry's shared
reference data (countries, organisations, institutions, people, missions, host modules, sample
collections) and creates programs; each program's officers keep its partnerships and projects.

Options:
  --dry-run   do the work, then roll it back
  -h, --help  show this help
`;

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  scope: { type: 'string' },
  'password-env': { type: 'string' },
  scopes: { type: 'string' },
  'expires-days': { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class DryRun extends Error {}

/** Runs the work in a transaction that is rolled back when --dry-run is given. */
async function maybeDry(db: Db, dryRun: boolean, work: (db: Db) => Promise<string>): Promise<string> {
  if (!dryRun) return work(db);
  let message = '';
  try {
    await db.transaction(async (tx) => {
      message = await work(tx as unknown as Db);
      throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return `dry run: ${message}; nothing was written`;
}

function need(value: string | undefined, option: string): string {
  if (!value) throw new CliError(`--${option} is required. Run with --help for the options.`);
  return value;
}

async function accountId(db: Db, email: string): Promise<string> {
  const account = await findAccountByEmail(db, email);
  if (!account) throw new CliError(`no account with the e-mail address ${email}.`, EXIT.failure);
  return account.id;
}

export async function userCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args, options: OPTIONS, allowPositionals: true });
  const [action, ...extra] = positionals;
  if (values.help || !action) {
    console.log(HELP);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}". Run with --help for the options.`);
  const role = oneOf('role', values.role, ROLES) as Role | undefined;
  const dryRun = Boolean(values['dry-run']);
  const email = need(values.email, 'email');

  const run: Record<string, (db: Db) => Promise<string>> = {
    create: async (db) => {
      const name = need(values.name, 'name');
      const grants = role ? [{ role, scopeId: values.scope ?? null }] : [];
      const passwordVar = values['password-env'];
      if (passwordVar) {
        const password = process.env[passwordVar];
        if (!password) throw new CliError(`the environment variable ${passwordVar} is empty or not set.`);
        const { id } = await createAccount(db, CLI_ACTOR, { email, displayName: name, password, grants });
        return `created active account ${email} (${id})`;
      }
      const { id } = await inviteAccount(
        db,
        CLI_ACTOR,
        { email, displayName: name, locale: 'en', grants },
        { base: loadConfig().PUBLIC_URL },
      );
      return `invited ${email} (${id}); the invitation e-mail is in the outbox`;
    },
    grant: async (db) => {
      const grant = await grantRole(db, CLI_ACTOR, {
        accountId: await accountId(db, email),
        role: need(role, 'role') as Role,
        scopeId: values.scope ?? null,
      });
      return `granted ${grant.role}${grant.scopeId ? ` on ${grant.scopeId}` : ''} to ${email}`;
    },
    revoke: async (db) => {
      const id = await accountId(db, email);
      const [grant] = await db
        .select({ id: roleGrants.id })
        .from(roleGrants)
        .where(
          and(
            eq(roleGrants.accountId, id),
            eq(roleGrants.role, need(role, 'role')),
            eq(sql`coalesce(${roleGrants.scopeId}, '')`, values.scope ?? ''),
            isNull(roleGrants.revokedAt),
          ),
        );
      if (!grant)
        throw new CliError(`${email} holds no live ${role} grant${values.scope ? ` on ${values.scope}` : ''}.`, EXIT.failure);
      await revokeRole(db, CLI_ACTOR, grant.id);
      return `revoked ${role} from ${email}`;
    },
    token: async (db) => {
      const scopes = (values.scopes ?? 'read').split(',').map((s) => oneOf('scopes', s.trim(), TOKEN_SCOPES) as TokenScope);
      const days = values['expires-days'] === undefined ? null : Number(values['expires-days']);
      if (days !== null && (!Number.isInteger(days) || days < 1))
        throw new CliError('--expires-days must be a whole number of days, 1 or more.');
      const token = await createApiToken(
        db,
        CLI_ACTOR,
        { name: need(values.name, 'name'), scopes, expiresInDays: days },
        await accountId(db, email),
      );
      return `token ${token.prefix}… for ${email} (scopes ${token.scopes.join(', ')}):\n${token.token}`;
    },
  };
  const work = run[action];
  if (!work) throw new CliError(`unknown action "${action}"; use create, grant, revoke or token.`);
  if (action === 'token' && dryRun)
    throw new CliError('--dry-run makes no sense for token: a token that is not kept cannot be used.');
  try {
    console.log(await withDatabase(({ db }) => maybeDry(db, dryRun, work)));
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') throw new CliError(error.message);
    throw error;
  }
  return EXIT.ok;
}
