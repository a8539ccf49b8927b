import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { researchOutputSamples, researchOutputs } from '../../db/schema.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { normaliseDoi } from '../../domain/samples/duties.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadLoan } from './loan-access.js';

export interface ResearchOutputInput {
  kind: 'report' | 'publication';
  title: string;
  doi?: string | null;
  summary?: string | null;
  /** The subsamples of the loan the work used. */
  sampleIds: string[];
}

/**
 * A research report (fulfils the loan's earliest open report duty) or a publication (with its DOI),
 * linked to the subsamples of the loan it used.
 */
export async function fileResearchOutput(db: Db, actor: Actor, loanId: string, input: ResearchOutputInput) {
  authorize(actor, 'custody.borrow');
  const issues = new IssueList();
  if (!input.title?.trim()) issues.add('title', 'VALIDATION_FAILED', 'Give the title.');
  const doi = input.doi?.trim() ? normaliseDoi(input.doi) : null;
  if (input.doi?.trim() && !doi) issues.add('doi', 'VALIDATION_FAILED', 'A DOI looks like 10.1038/s41586-021-04100-2.');
  if (input.kind === 'publication' && !doi) issues.add('doi', 'VALIDATION_FAILED', 'A publication is filed with its DOI.');
  if (input.sampleIds.length === 0) issues.add('sampleIds', 'VALIDATION_FAILED', 'Link the subsamples the work used.');
  issues.throwIfAny();
  return db.transaction(async (tx) => {
    const { loan, items } = await loadLoan(tx, actor, loanId, 'borrower', true);
    const lent = new Set(items.map((i) => i.sampleId));
    const unknown = input.sampleIds.filter((id) => !lent.has(id));
    if (unknown.length)
      throw AppError.fromIssues([
        { field: 'sampleIds', code: 'REFERENCE_NOT_FOUND', message: 'Only subsamples lent under this loan.' },
      ]);
    const [duty] =
      input.kind === 'report'
        ? await queryRows<{ id: string }>(
            tx,
            sql`select id from borrower_duties where loan_id = ${loan.id} and kind = 'research_report' and status = 'open'
                order by due_on limit 1 for update`,
          )
        : [];
    const [output] = await tx
      .insert(researchOutputs)
      .values({
        loanId: loan.id,
        kind: input.kind,
        title: input.title.trim(),
        doi,
        summary: input.summary?.trim() || null,
        dutyId: duty?.id ?? null,
        filedBy: actor.label,
      })
      .returning();
    await tx
      .insert(researchOutputSamples)
      .values([...new Set(input.sampleIds)].map((sampleId) => ({ outputId: output!.id, sampleId })));
    if (duty)
      await tx.execute(sql`update borrower_duties set status = 'fulfilled', fulfilled_at = now(), fulfilled_by = ${actor.label}
        where id = ${duty.id}`);
    await recordAudit(tx, actor, {
      action: input.kind === 'report' ? 'loan.report_filed' : 'loan.publication_filed',
      subjectType: 'loan',
      subjectId: loan.id,
      details: { outputId: output!.id, title: output!.title, doi, samples: input.sampleIds.length, dutyId: duty?.id ?? null },
    });
    return { id: output!.id, kind: input.kind, doi, dutyFulfilled: duty?.id ?? null };
  });
}
