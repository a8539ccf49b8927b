import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { samples } from '../../db/schema.js';
import { IssueList } from '../../domain/errors.js';
import type { SampleUse } from '../../domain/samples/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { appendEntry, loadKeptSample, presentSample, refuseOverdraw, translateLedgerError } from './custody-access.js';

export interface SplitPart {
  massUg: number;
  use?: SampleUse;
  container?: string | null;
  storageLocation?: string | null;
  weighingToleranceUg?: number;
}

/**
 * Splits subsamples off a sample (a parent or itself a subsample): each part becomes a subsample
 * numbered `parent,n` with a split_out on the parent and the matching split_in on the child, all
 * or nothing. The parent's row lock is taken first, so concurrent splits and consumptions of the
 * same parent run one after the other against its true remainder.
 */
export async function splitSample(db: Db, actor: Actor, sampleId: string, input: { parts: SplitPart[]; reason?: string }) {
  authorize(actor, 'custody.write');
  const issues = new IssueList();
  if (input.parts.length === 0) issues.add('parts', 'VALIDATION_FAILED', 'Name at least one subsample to split off.');
  input.parts.forEach((part, i) => {
    if (!Number.isSafeInteger(part.massUg) || part.massUg <= 0)
      issues.add(`parts.${i}.massUg`, 'VALIDATION_FAILED', 'A mass is a whole, positive number of micrograms.');
  });
  issues.throwIfAny();
  const totalUg = input.parts.reduce((sum, p) => sum + p.massUg, 0);
  return db
    .transaction(async (tx) => {
      const parent = await loadKeptSample(tx, actor, sampleId, true);
      refuseOverdraw(parent, totalUg, 'parts');
      const children = [];
      for (const part of input.parts) {
        const [child] = await tx
          .insert(samples)
          .values({
            collectionId: parent.collectionId,
            parentId: parent.id,
            number: sql`null`, // assigned by the database under the parent's row lock
            sampleType: parent.sampleType,
            use: part.use ?? parent.use,
            container: part.container ?? null,
            storageLocation: part.storageLocation ?? parent.storageLocation,
            declaredMassUg: part.massUg,
            weighingToleranceUg: part.weighingToleranceUg ?? 0,
          })
          .returning();
        const reason = input.reason ?? null;
        await appendEntry(tx, actor, {
          sampleId: parent.id,
          kind: 'split_out',
          deltaUg: -part.massUg,
          counterpartSampleId: child!.id,
          reason,
        });
        await appendEntry(tx, actor, {
          sampleId: child!.id,
          kind: 'split_in',
          deltaUg: part.massUg,
          counterpartSampleId: parent.id,
          reason,
        });
        children.push(presentSample({ ...child!, balanceUg: part.massUg }));
      }
      await recordAudit(tx, actor, {
        action: 'sample.split',
        subjectType: 'sample',
        subjectId: parent.id,
        details: {
          number: parent.number,
          parts: children.map((c) => ({ id: c.id, number: c.number, massUg: c.declaredMassUg })),
        },
      });
      return { parent: presentSample({ ...parent, balanceUg: parent.balanceUg - totalUg }), subsamples: children };
    })
    .catch(translateLedgerError);
}
