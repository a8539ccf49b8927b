import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { PG, pgErrorOf } from '../../db/pg-errors.js';
import { accounts, experts, roleGrants } from '../../db/schema.js';
import type { Locale } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import { grantRoleIn } from '../accounts/grant-role.js';
import { findAccountByEmail } from '../accounts/load-account.js';
import { issueOneTimeToken } from '../accounts/one-time-tokens.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadManagedCall } from '../calls/call-access.js';
import { enqueueEmail } from '../email/enqueue-email.js';

export interface ExpertInput {
  name: string;
  email: string;
  orcid?: string | null;
  institutionId?: string | null;
  countryCode?: string | null;
  keywords?: string[];
  statement?: string;
  minLoad?: number;
  maxLoad?: number;
  locale?: Locale;
}

/** The account that will act as this expert: an existing one, or a new pending one with an invitation link. */
async function accountFor(tx: Tx, actor: Actor, input: ExpertInput, links: { base: string }) {
  const existing = await findAccountByEmail(tx, input.email);
  if (existing) return { account: existing, link: `${links.base}/review` };
  const [account] = await tx
    .insert(accounts)
    .values({ email: input.email.trim(), displayName: input.name, locale: input.locale ?? 'en', status: 'pending' })
    .returning();
  await recordAudit(tx, actor, {
    action: 'account.invited',
    subjectType: 'account',
    subjectId: account!.id,
    details: { as: 'expert' },
  });
  const token = await issueOneTimeToken(tx, account!.id, 'invitation');
  return { account: account!, link: `${links.base}/accept-invitation?token=${token}` };
}

/**
 * An officer invites an expert to a call's pool, by an existing account's e-mail or a new one. The
 * expert gets the reviewer role for the call and an e-mail to accept or decline.
 */
export async function inviteExpert(
  db: Db,
  actor: Actor,
  callId: string,
  input: ExpertInput,
  links: { base: string; deadline: string },
) {
  authorize(actor, 'review.manage');
  return db.transaction(async (tx) => {
    const call = await loadManagedCall(tx, actor, callId);
    const { account, link } = await accountFor(tx, actor, input, links);
    const [granted] = await tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.accountId, account.id),
          eq(roleGrants.role, 'reviewer'),
          eq(roleGrants.scopeId, call.id),
          isNull(roleGrants.revokedAt),
        ),
      );
    if (!granted) await grantRoleIn(tx, actor, { accountId: account.id, role: 'reviewer', scopeId: call.id });
    let expert: typeof experts.$inferSelect;
    try {
      [expert] = (await tx
        .insert(experts)
        .values({
          callId: call.id,
          accountId: account.id,
          name: input.name,
          email: input.email.trim(),
          orcid: input.orcid ?? null,
          institutionId: input.institutionId ?? null,
          countryCode: input.countryCode ?? null,
          keywords: input.keywords ?? [],
          statement: input.statement ?? '',
          minLoad: input.minLoad ?? 0,
          maxLoad: input.maxLoad ?? 6,
          invitedBy: actor.label,
        })
        .returning()) as [typeof experts.$inferSelect];
    } catch (error) {
      if (pgErrorOf(error)?.code === PG.uniqueViolation) {
        throw new AppError('DUPLICATE', 'This e-mail address is already in the pool of this call.', [
          { field: 'email', code: 'DUPLICATE', message: 'Already invited to this call.' },
        ]);
      }
      throw error;
    }
    await recordAudit(tx, actor, {
      action: 'expert.invited',
      subjectType: 'expert',
      subjectId: expert.id,
      details: { callId: call.id, accountId: account.id },
    });
    await enqueueEmail(tx, {
      to: expert.email,
      template: 'review_invitation',
      locale: (account.locale as Locale) ?? 'en',
      name: expert.name,
      link,
      hours: 0,
      callTitle: call.title,
      deadline: links.deadline,
    });
    return expert;
  });
}
