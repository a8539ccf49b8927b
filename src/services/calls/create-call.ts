import { eq } from 'drizzle-orm';
import type { CreateCallBody } from '../../contracts/calls.js';
import type { Db } from '../../db/connection.js';
import { calls, programs } from '../../db/schema.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { translateWriteError } from '../registry/db-errors.js';
import { managesProgram } from './call-access.js';
import { checkCallShape, parseTime, replaceCallChildren } from './check-call-input.js';
import { presentCallDetail } from './present-call.js';

/** Creates a draft call of a program the officer runs, with its criteria and offers, audited. */
export async function createCall(db: Db, actor: Actor, input: CreateCallBody) {
  authorize(actor, 'calls.manage');
  if (!managesProgram(actor, input.programId)) {
    throw new AppError('FORBIDDEN', 'You are not a program officer of this program.', [
      { field: 'programId', code: 'FORBIDDEN', message: 'You may create calls only for programs you are officer of.' },
    ]);
  }
  const issues = new IssueList();
  const opensAt = parseTime(issues, 'opensAt', input.opensAt);
  const closesAt = parseTime(issues, 'closesAt', input.closesAt);
  const loiClosesAt = parseTime(issues, 'loiClosesAt', input.loiClosesAt);
  issues.throwIfAny();
  const shape = { ...input, opensAt: opensAt!, closesAt: closesAt!, loiClosesAt };
  try {
    return await db.transaction(async (tx) => {
      const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.id, input.programId));
      if (!program) issues.add('programId', 'REFERENCE_NOT_FOUND', 'No program with this id.');
      const moduleRows = await checkCallShape(tx, shape, issues);
      issues.throwIfAny();
      const [call] = await tx
        .insert(calls)
        .values({
          slug: input.slug,
          programId: input.programId,
          title: input.title,
          summary: input.summary ?? null,
          stages: input.stages,
          timeZone: input.timeZone,
          opensAt: shape.opensAt,
          loiClosesAt,
          closesAt: shape.closesAt,
          eligibility: input.eligibility,
          requiredDocuments: input.requiredDocuments,
        })
        .returning();
      await replaceCallChildren(tx, call!.id, shape, moduleRows);
      await recordAudit(tx, actor, {
        action: 'call.created',
        subjectType: 'call',
        subjectId: call!.id,
        details: { values: input },
      });
      return presentCallDetail(tx, call!, actor);
    });
  } catch (error) {
    translateWriteError(error, 'call', 'id');
  }
}
