import type { Db, DbOrTx } from '../../db/connection.js';
import { PG, pgErrorOf } from '../../db/pg-errors.js';
import { roleGrants } from '../../db/schema.js';
import { ROLE_SCOPE, type Role } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertScopeExists } from './scope-exists.js';

export interface GrantInput {
  accountId: string;
  role: Role;
  scopeId?: string | null;
}

/** Checks that the role carries the scope its kind needs (a reviewer per call, …). */
export function checkGrantShape(input: GrantInput): { scopeType: string | null; scopeId: string | null } {
  const scopeType = ROLE_SCOPE[input.role];
  if (scopeType && !input.scopeId) {
    throw new AppError('VALIDATION_FAILED', `A ${input.role} grant names the ${scopeType} it applies to.`, [
      { field: 'scopeId', code: 'VALIDATION_FAILED', message: `Give the id of the ${scopeType}.` },
    ]);
  }
  if (!scopeType && input.scopeId) {
    throw new AppError('VALIDATION_FAILED', `A grant of the ${input.role} role has no scope.`, [
      { field: 'scopeId', code: 'VALIDATION_FAILED', message: 'Leave scopeId empty for this role.' },
    ]);
  }
  return { scopeType, scopeId: input.scopeId ?? null };
}

export async function grantRoleIn(tx: DbOrTx, actor: Actor, input: GrantInput) {
  const scope = checkGrantShape(input);
  await assertScopeExists(tx, scope.scopeType, scope.scopeId);
  try {
    const [grant] = await tx
      .insert(roleGrants)
      .values({ accountId: input.accountId, role: input.role, ...scope, grantedBy: actor.label })
      .returning();
    await recordAudit(tx, actor, {
      action: 'role.granted',
      subjectType: 'account',
      subjectId: input.accountId,
      details: { grantId: grant!.id, role: input.role, ...scope },
    });
    return grant!;
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === PG.uniqueViolation) throw new AppError('DUPLICATE', 'The account already holds this role for this scope.');
    if (pg?.code === PG.foreignKeyViolation) throw new AppError('NOT_FOUND', 'No such account.');
    throw error;
  }
}

export async function grantRole(db: Db, actor: Actor, input: GrantInput) {
  authorize(actor, 'accounts.admin');
  return db.transaction((tx) => grantRoleIn(tx, actor, input));
}
