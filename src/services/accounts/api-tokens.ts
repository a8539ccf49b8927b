import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { apiTokens } from '../../db/schema.js';
import type { TokenScope } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { newSecret } from './secrets.js';

export const TOKEN_PREFIX = 'osk_';

function ownerOf(actor: Actor): string {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED', 'Sign in to manage your API tokens.');
  return actor.accountId;
}

const present = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes as TokenScope[],
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** Creates a personal token. The secret is in this answer and nowhere else, ever. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; scopes: TokenScope[]; expiresInDays?: number | null },
  /** The system (the operator's CLI) may issue a token for a named account; others only for themselves. */
  forAccountId?: string,
) {
  authorize(actor, 'account.write');
  const accountId = actor.kind === 'system' && forAccountId ? forAccountId : ownerOf(actor);
  const { token, hash } = newSecret(TOKEN_PREFIX);
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        accountId,
        name: input.name,
        prefix: token.slice(0, 10),
        tokenHash: hash,
        scopes: [...new Set(input.scopes)],
        expiresAt,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'token.created',
      subjectType: 'account',
      subjectId: accountId,
      details: { tokenId: row!.id, scopes: row!.scopes },
    });
    return { ...present(row!), token };
  });
}

export async function listApiTokens(db: Db, actor: Actor) {
  authorize(actor, 'account.read');
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.accountId, ownerOf(actor)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(present);
}

/** Revokes one of the caller's tokens; someone else's token answers 404, as if it did not exist. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string) {
  authorize(actor, 'account.write');
  const accountId = ownerOf(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'No live token of yours with this id.');
    await recordAudit(tx, actor, { action: 'token.revoked', subjectType: 'account', subjectId: accountId, details: { tokenId } });
    return present(row);
  });
}
