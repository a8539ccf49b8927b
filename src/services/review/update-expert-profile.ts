import { count, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { expertPublications, experts, reviewAssignments } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { parsePublications } from '../../domain/review/publications-import.js';
import { authorize, holdsScoped } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid, loadCallRow } from '../calls/call-access.js';
import { type ExpertRow, expertNotFound } from './review-access.js';

export interface ExpertProfileInput {
  keywords?: string[];
  statement?: string;
  minLoad?: number;
  maxLoad?: number;
  orcid?: string | null;
  institutionId?: string | null;
  countryCode?: string | null;
}

/** The expert themself, or an officer of the call's program, may edit the profile. */
async function loadEditableExpert(tx: Tx, actor: Actor, expertId: string): Promise<ExpertRow> {
  const [expert] = isUuid(expertId) ? await tx.select().from(experts).where(eq(experts.id, expertId)).for('update') : [];
  if (!expert) throw expertNotFound(expertId);
  const own = actor.kind === 'account' && actor.accountId === expert.accountId;
  const call = await loadCallRow(tx, expert.callId);
  if (!own && !(call && holdsScoped(actor, ['program_officer'], 'program', call.programId))) throw expertNotFound(expertId);
  return expert;
}

export async function updateExpertProfile(db: Db, actor: Actor, expertId: string, input: ExpertProfileInput) {
  authorize(actor, 'review.participate');
  return db.transaction(async (tx) => {
    const expert = await loadEditableExpert(tx, actor, expertId);
    const minLoad = input.minLoad ?? expert.minLoad;
    const maxLoad = input.maxLoad ?? expert.maxLoad;
    if (minLoad > maxLoad) {
      throw new AppError('VALIDATION_FAILED', 'The minimum load is above the maximum.', [
        { field: 'minLoad', code: 'VALIDATION_FAILED', message: `At most the maximum load (${maxLoad}).` },
      ]);
    }
    // The load limit holds per round (the assignment trigger counts within a round): the busiest round decides.
    const [busiest] = await tx
      .select({ n: count() })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.expertId, expert.id))
      .groupBy(reviewAssignments.roundId)
      .orderBy(desc(count()))
      .limit(1);
    const held = Number(busiest?.n ?? 0);
    if (held > maxLoad) {
      throw new AppError(
        'CONFLICT',
        `This expert already holds ${held} assignments in a round; unassign some before lowering the maximum load.`,
        [{ field: 'maxLoad', code: 'CONFLICT', message: `At least ${held}.` }],
      );
    }
    const [row] = await tx
      .update(experts)
      .set({ ...input, minLoad, maxLoad, updatedAt: sql`now()` })
      .where(eq(experts.id, expert.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'expert.updated',
      subjectType: 'expert',
      subjectId: expert.id,
      details: { changes: input },
    });
    return row!;
  });
}

export async function listExpertPublications(db: Db, actor: Actor, expertId: string) {
  authorize(actor, 'review.participate');
  return db.transaction(async (tx) => {
    await loadEditableExpert(tx, actor, expertId);
    return tx
      .select()
      .from(expertPublications)
      .where(eq(expertPublications.expertId, expertId))
      .orderBy(sql`${expertPublications.year} desc`, expertPublications.title);
  });
}

/** Replaces the expert's publications with those of a CSV or BibTeX file; bad lines are reported, not kept. */
export async function importExpertPublications(db: Db, actor: Actor, expertId: string, text: string) {
  authorize(actor, 'review.participate');
  const parsed = parsePublications(text);
  if (parsed.publications.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'No publication could be read from the file.',
      parsed.issues.length ? parsed.issues : [{ field: 'text', code: 'VALIDATION_FAILED', message: 'The file is empty.' }],
    );
  }
  return db.transaction(async (tx) => {
    const expert = await loadEditableExpert(tx, actor, expertId);
    await tx.delete(expertPublications).where(eq(expertPublications.expertId, expert.id));
    await tx.insert(expertPublications).values(
      parsed.publications.map((p) => ({
        expertId: expert.id,
        title: p.title,
        year: p.year,
        doi: p.doi ?? null,
        coauthors: [...p.coauthors],
      })),
    );
    await recordAudit(tx, actor, {
      action: 'expert.publications_imported',
      subjectType: 'expert',
      subjectId: expert.id,
      details: { imported: parsed.publications.length, skipped: parsed.issues.length },
    });
    return { imported: parsed.publications.length, issues: parsed.issues };
  });
}
