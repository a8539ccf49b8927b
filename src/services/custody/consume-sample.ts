import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { samples } from '../../db/schema.js';
import { IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { appendEntry, loadKeptSample, presentSample, refuseOverdraw, translateLedgerError } from './custody-access.js';

/** Records mass used up in destructive analysis; a sample used up entirely is marked consumed. */
export async function consumeSample(db: Db, actor: Actor, sampleId: string, input: { massUg: number; reason: string }) {
  authorize(actor, 'custody.write');
  const issues = new IssueList();
  if (!Number.isSafeInteger(input.massUg) || input.massUg <= 0)
    issues.add('massUg', 'VALIDATION_FAILED', 'The mass is a whole, positive number of micrograms.');
  if (!input.reason?.trim()) issues.add('reason', 'VALIDATION_FAILED', 'Say which analysis consumed it.');
  issues.throwIfAny();
  return db
    .transaction(async (tx) => {
      const sample = await loadKeptSample(tx, actor, sampleId, true);
      refuseOverdraw(sample, input.massUg);
      await appendEntry(tx, actor, { sampleId: sample.id, kind: 'consume', deltaUg: -input.massUg, reason: input.reason });
      const balanceUg = sample.balanceUg - input.massUg;
      const status = balanceUg === 0 ? 'consumed' : sample.status;
      if (status !== sample.status) await tx.update(samples).set({ status }).where(eq(samples.id, sample.id));
      await recordAudit(tx, actor, {
        action: 'sample.consumed',
        subjectType: 'sample',
        subjectId: sample.id,
        details: { number: sample.number, massUg: input.massUg, reason: input.reason },
      });
      return presentSample({ ...sample, balanceUg, status });
    })
    .catch(translateLedgerError);
}
