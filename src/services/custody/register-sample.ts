import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { sampleCollections, samples } from '../../db/schema.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { isParentNumber } from '../../domain/samples/sample-number.js';
import type { SampleUse } from '../../domain/samples/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../calls/call-access.js';
import { appendEntry, keepsCollection, presentSample, translateLedgerError } from './custody-access.js';

export interface NewParentSample {
  number: string;
  sampleType: string;
  massUg: number;
  weighingToleranceUg?: number;
  use?: SampleUse;
  container?: string | null;
  storageLocation?: string | null;
  characterisation?: string | null;
}

/** A curator registers a parent sample of a collection with its initial, weighed mass. */
export async function registerSample(db: Db, actor: Actor, collectionId: string, input: NewParentSample) {
  authorize(actor, 'custody.write');
  const issues = new IssueList();
  if (!isParentNumber(input.number))
    issues.add('number', 'VALIDATION_FAILED', 'A parent sample number is capital letters and digits, e.g. CE5C0400.');
  if (!Number.isSafeInteger(input.massUg) || input.massUg <= 0)
    issues.add('massUg', 'VALIDATION_FAILED', 'The mass is a whole, positive number of micrograms.');
  issues.throwIfAny();
  return db
    .transaction(async (tx) => {
      const [collection] = isUuid(collectionId)
        ? await tx.select({ id: sampleCollections.id }).from(sampleCollections).where(eq(sampleCollections.id, collectionId))
        : [];
      if (!collection || !keepsCollection(actor, collection.id))
        throw new AppError('NOT_FOUND', `No sample collection "${collectionId}".`);
      const [sample] = await tx
        .insert(samples)
        .values({
          collectionId: collection.id,
          number: input.number,
          sampleType: input.sampleType,
          use: input.use ?? 'storage',
          container: input.container ?? null,
          storageLocation: input.storageLocation ?? null,
          characterisation: input.characterisation ?? null,
          declaredMassUg: input.massUg,
          weighingToleranceUg: input.weighingToleranceUg ?? 0,
        })
        .returning();
      await appendEntry(tx, actor, { sampleId: sample!.id, kind: 'initial', deltaUg: input.massUg, reason: 'registered' });
      await recordAudit(tx, actor, {
        action: 'sample.registered',
        subjectType: 'sample',
        subjectId: sample!.id,
        details: { number: input.number, collectionId: collection.id, massUg: input.massUg },
      });
      return presentSample({ ...sample!, balanceUg: input.massUg });
    })
    .catch(translateLedgerError);
}
