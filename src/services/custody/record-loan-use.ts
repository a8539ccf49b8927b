import type { Db } from '../../db/connection.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { formatMg } from '../../domain/samples/ledger.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { appendEntry, translateLedgerError } from './custody-access.js';
import { closeLoanIfSettled, loadLoan, refuseClosed, setSampleStatus } from './loan-access.js';

export interface LoanUse {
  loanItemId: string;
  kind: 'consume' | 'loss' | 'contamination';
  massUg: number;
  /** The analysis that consumed it, or the report of the loss or contamination. */
  reason: string;
}

/**
 * The borrower's consumption record (destructive analysis) or loss report for a subsample they
 * hold: the mass leaves what is out under the loan. Everything accounted for closes the loan.
 */
export async function recordLoanUse(db: Db, actor: Actor, loanId: string, input: LoanUse) {
  authorize(actor, 'custody.borrow');
  const issues = new IssueList();
  if (!Number.isSafeInteger(input.massUg) || input.massUg <= 0)
    issues.add('massUg', 'VALIDATION_FAILED', 'The mass is a whole, positive number of micrograms.');
  if (!input.reason?.trim()) issues.add('reason', 'VALIDATION_FAILED', 'Name the analysis, or give the report.');
  issues.throwIfAny();
  return db
    .transaction(async (tx) => {
      const { loan, items } = await loadLoan(tx, actor, loanId, 'borrower', true);
      refuseClosed(loan);
      const item = items.find((i) => i.id === input.loanItemId);
      if (!item)
        throw AppError.fromIssues([{ field: 'loanItemId', code: 'REFERENCE_NOT_FOUND', message: 'Not an item of this loan.' }]);
      if (item.sampleStatus !== 'on_loan' || input.massUg > item.outUg) {
        const message = `${item.number}: ${formatMg(item.sampleStatus === 'on_loan' ? item.outUg : 0)} are held under the loan, ${formatMg(input.massUg)} were recorded`;
        throw new AppError('OVER_LIMIT', message, [{ field: 'massUg', code: 'OVER_LIMIT', message }]);
      }
      await appendEntry(tx, actor, {
        sampleId: item.sampleId,
        kind: input.kind,
        deltaUg: -input.massUg,
        loanItemId: item.id,
        reason: input.reason.trim(),
      });
      if (input.massUg === item.outUg) await setSampleStatus(tx, [item.sampleId], input.kind === 'consume' ? 'consumed' : 'lost');
      await recordAudit(tx, actor, {
        action: input.kind === 'consume' ? 'loan.sample_consumed' : 'loan.sample_lost',
        subjectType: 'sample',
        subjectId: item.sampleId,
        details: { loanId: loan.id, number: item.number, kind: input.kind, massUg: input.massUg, reason: input.reason.trim() },
      });
      const loanClosed = await closeLoanIfSettled(tx, actor, loan.id);
      return { loanId: loan.id, sampleId: item.sampleId, outUg: item.outUg - input.massUg, loanClosed };
    })
    .catch(translateLedgerError);
}
