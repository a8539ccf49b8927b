import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { samples } from '../../db/schema.js';
import { IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { appendEntry, loadKeptSample, presentSample, refuseOverdraw, translateLedgerError } from './custody-access.js';

export interface LossReport {
  kind: 'loss' | 'contamination';
  massUg: number;
  report: string;
}

/** Records mass lost or contaminated, with the report that explains it; all of it lost marks the sample lost. */
export async function recordLoss(db: Db, actor: Actor, sampleId: string, input: LossReport) {
  authorize(actor, 'custody.write');
  const issues = new IssueList();
  if (!Number.isSafeInteger(input.massUg) || input.massUg <= 0)
    issues.add('massUg', 'VALIDATION_FAILED', 'The mass is a whole, positive number of micrograms.');
  if (!input.report?.trim()) issues.add('report', 'VALIDATION_FAILED', 'A loss or contamination needs its report.');
  issues.throwIfAny();
  return db
    .transaction(async (tx) => {
      const sample = await loadKeptSample(tx, actor, sampleId, true);
      refuseOverdraw(sample, input.massUg);
      await appendEntry(tx, actor, { sampleId: sample.id, kind: input.kind, deltaUg: -input.massUg, reason: input.report });
      const balanceUg = sample.balanceUg - input.massUg;
      const status = balanceUg === 0 ? 'lost' : sample.status;
      if (status !== sample.status) await tx.update(samples).set({ status }).where(eq(samples.id, sample.id));
      await recordAudit(tx, actor, {
        action: input.kind === 'loss' ? 'sample.lost' : 'sample.contaminated',
        subjectType: 'sample',
        subjectId: sample.id,
        details: { number: sample.number, massUg: input.massUg, report: input.report },
      });
      return presentSample({ ...sample, balanceUg, status });
    })
    .catch(translateLedgerError);
}
