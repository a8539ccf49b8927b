import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { ledgerEntries } from '../../db/schema.js';
import { reconcile } from '../../domain/samples/ledger.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadKeptSample, presentSample } from './custody-access.js';

/** A sample with its ledger and how its declared mass is accounted for. */
export async function getSample(db: Db, actor: Actor, sampleId: string) {
  authorize(actor, 'custody.read');
  const sample = await loadKeptSample(db, actor, sampleId);
  const entries = await db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.sampleId, sample.id))
    .orderBy(asc(ledgerEntries.id));
  const accounts = reconcile({ declaredUg: sample.declaredMassUg, toleranceUg: sample.weighingToleranceUg }, entries);
  return {
    ...presentSample(sample),
    accounts,
    ledger: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      deltaUg: e.deltaUg,
      counterpartSampleId: e.counterpartSampleId,
      reason: e.reason,
      actor: e.actor,
      at: e.at.toISOString(),
    })),
  };
}
