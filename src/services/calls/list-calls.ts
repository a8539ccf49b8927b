import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { calls, programs } from '../../db/schema.js';
import type { CallStatus } from '../../domain/calls/vocabulary.js';
import { authorize, isAdministrator } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { PUBLIC_CALL_STATUSES } from './call-access.js';
import { presentCallSummary } from './present-call.js';

export interface ListCallsOptions {
  status?: CallStatus;
  programId?: string;
  /** Only the calls of programs the actor is officer or official of (administrators: every call). */
  mine?: boolean;
}

/**
 * Calls the actor may see: the public ones, plus every call of the programs they are officer of.
 * `mine`: the staff's own list (My calls), every state they may see.
 */
export async function listCalls(db: Db, actor: Actor, options: ListCallsOptions = {}) {
  authorize(actor, 'calls.read');
  const officerOf =
    actor.kind === 'account' ? actor.grants.filter((g) => g.role === 'program_officer' && g.scopeId).map((g) => g.scopeId!) : [];
  const visible: SQL | undefined = isAdministrator(actor)
    ? undefined
    : or(
        inArray(calls.status, [...PUBLIC_CALL_STATUSES]),
        officerOf.length > 0 ? inArray(calls.programId, officerOf) : undefined,
      );
  const staffOf =
    actor.kind === 'account'
      ? actor.grants
          .filter((g) => (g.role === 'program_officer' || g.role === 'selection_official') && g.scopeId)
          .map((g) => g.scopeId!)
      : [];
  const mine: SQL | undefined =
    !options.mine || isAdministrator(actor) ? undefined : staffOf.length > 0 ? inArray(calls.programId, staffOf) : sql`false`;
  const rows = await db
    .select({ call: calls, program: { id: programs.id, slug: programs.slug, name: programs.name } })
    .from(calls)
    .innerJoin(programs, eq(programs.id, calls.programId))
    .where(
      and(
        visible,
        mine,
        options.status ? eq(calls.status, options.status) : undefined,
        options.programId ? eq(calls.programId, options.programId) : undefined,
      ),
    )
    .orderBy(desc(calls.closesAt));
  return rows.map((r) => presentCallSummary(r.call, r.program, actor));
}
