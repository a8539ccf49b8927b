import { and, desc, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts, auditLog, outbox, roleGrants } from '../../db/schema.js';
import type { Role, ScopeType } from '../../domain/accounts/roles.js';
import { authorize } from '../../policies/policy.js';
import type { Actor, Grant } from '../actor.js';
import { presentAccount } from './load-account.js';

export async function listAccounts(db: Db, actor: Actor) {
  authorize(actor, 'accounts.read');
  const rows = await db.select().from(accounts).orderBy(accounts.email).limit(1000);
  const grants = rows.length
    ? await db
        .select()
        .from(roleGrants)
        .where(
          and(
            inArray(
              roleGrants.accountId,
              rows.map((r) => r.id),
            ),
            isNull(roleGrants.revokedAt),
          ),
        )
    : [];
  const byAccount = new Map<string, Grant[]>();
  for (const g of grants) {
    const list = byAccount.get(g.accountId) ?? [];
    list.push({ id: g.id, role: g.role as Role, scopeType: g.scopeType as ScopeType | null, scopeId: g.scopeId });
    byAccount.set(g.accountId, list);
  }
  return rows.map((a) => presentAccount(a, byAccount.get(a.id) ?? []));
}

/** The messages the system sent or will send; administrators read them when no SMTP is configured. */
export async function listOutbox(db: Db, actor: Actor, limit = 200) {
  authorize(actor, 'outbox.read');
  const rows = await db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
  return rows.map((m) => ({
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    body: m.body,
    template: m.template,
    locale: m.locale,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    attempts: m.attempts,
    lastError: m.lastError,
  }));
}

export async function listAudit(db: Db, actor: Actor, options: { beforeId?: number; limit: number }) {
  authorize(actor, 'audit.read');
  const rows = await db
    .select()
    .from(auditLog)
    .where(options.beforeId ? lt(auditLog.id, options.beforeId) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details as Record<string, unknown> }));
}
