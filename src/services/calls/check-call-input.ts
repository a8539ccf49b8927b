import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CriterionInput, Eligibility, ModuleOfferInput, RequiredDocument, SampleOfferInput } from '../../contracts/calls.js';
import type { DbOrTx } from '../../db/connection.js';
import { callCriteria, callModuleOffers, callSampleOffers, hostModules, sampleCollections } from '../../db/schema.js';
import { checkEligibilityRules } from '../../domain/calls/eligibility.js';
import { isValidTimeZone } from '../../domain/calls/window.js';
import type { IssueList } from '../../domain/errors.js';

/** A whole call as it would be after a create or an edit (times parsed). */
export interface CallShape {
  stages: number;
  timeZone: string;
  opensAt: Date;
  loiClosesAt: Date | null;
  closesAt: Date;
  eligibility: z.infer<typeof Eligibility>;
  requiredDocuments: z.infer<typeof RequiredDocument>[];
  criteria?: z.infer<typeof CriterionInput>[];
  sampleOffers?: z.infer<typeof SampleOfferInput>[];
  moduleOffers?: z.infer<typeof ModuleOfferInput>[];
}

export type ModuleOfferValues = Omit<typeof callModuleOffers.$inferInsert, 'callId' | 'id'>;

const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);

export function parseTime(issues: IssueList, field: string, value: string | null | undefined): Date | null {
  if (value == null) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    issues.add(field, 'VALIDATION_FAILED', `"${value}" is not an ISO 8601 date and time.`);
    return null;
  }
  return date;
}

/**
 * Checks a call as a whole, every problem at once, and returns the module offer rows with the
 * limits the body left out taken from the host module.
 */
export async function checkCallShape(db: DbOrTx, call: CallShape, issues: IssueList): Promise<ModuleOfferValues[]> {
  if (!isValidTimeZone(call.timeZone))
    issues.add('timeZone', 'VALIDATION_FAILED', `"${call.timeZone}" is not an IANA time zone.`);
  if (!(call.opensAt < call.closesAt)) issues.add('closesAt', 'VALIDATION_FAILED', 'The call must close after it opens.');
  if (call.stages === 2) {
    if (!call.loiClosesAt) issues.add('loiClosesAt', 'VALIDATION_FAILED', 'A two-stage call needs a letter-of-intent deadline.');
    else if (!(call.opensAt < call.loiClosesAt && call.loiClosesAt < call.closesAt))
      issues.add('loiClosesAt', 'VALIDATION_FAILED', 'The letter-of-intent deadline must fall between opening and closing.');
  } else if (call.loiClosesAt) {
    issues.add('loiClosesAt', 'VALIDATION_FAILED', 'Only two-stage calls have a letter-of-intent deadline.');
  }
  for (const issue of checkEligibilityRules(call.eligibility)) issues.add(issue.field, issue.code, issue.message);
  for (const key of duplicates(call.requiredDocuments.map((d) => d.key)))
    issues.add('requiredDocuments', 'VALIDATION_FAILED', `The document key "${key}" appears twice.`);

  if (call.criteria) {
    const total = call.criteria.reduce((sum, c) => sum + c.weight, 0);
    if (call.criteria.length > 0 && total !== 100)
      issues.add('criteria', 'VALIDATION_FAILED', `The criteria weights sum to ${total}; they must sum to 100.`);
    for (const key of duplicates(call.criteria.map((c) => c.key)))
      issues.add('criteria', 'VALIDATION_FAILED', `The criterion key "${key}" appears twice.`);
    call.criteria.forEach((c, i) => {
      if (!(c.scaleMin < c.scaleMax)) issues.add(`criteria.${i}.scaleMax`, 'VALIDATION_FAILED', 'scaleMax must exceed scaleMin.');
    });
  }

  if (call.sampleOffers && call.sampleOffers.length > 0) {
    const ids = [...new Set(call.sampleOffers.map((o) => o.sampleCollectionId))];
    const found = await db.select().from(sampleCollections).where(inArray(sampleCollections.id, ids));
    const byId = new Map(found.map((c) => [c.id, c]));
    call.sampleOffers.forEach((o, i) => {
      const collection = byId.get(o.sampleCollectionId);
      if (!collection)
        issues.add(`sampleOffers.${i}.sampleCollectionId`, 'REFERENCE_NOT_FOUND', 'No sample collection with this id.');
      else if (collection.sampleTypes.length > 0 && !collection.sampleTypes.includes(o.sampleType))
        issues.add(
          `sampleOffers.${i}.sampleType`,
          'VALIDATION_FAILED',
          `${collection.name} has no sample type "${o.sampleType}" (it has: ${collection.sampleTypes.join(', ')}).`,
        );
      if (o.availableMg <= 0) issues.add(`sampleOffers.${i}.availableMg`, 'VALIDATION_FAILED', 'Offer a positive mass.');
      if (o.reserveMg >= o.availableMg)
        issues.add(`sampleOffers.${i}.reserveMg`, 'VALIDATION_FAILED', 'The reserve must be less than the mass offered.');
      if (o.maxPerRequestMg !== undefined && o.maxPerRequestMg > o.availableMg - o.reserveMg)
        issues.add(
          `sampleOffers.${i}.maxPerRequestMg`,
          'VALIDATION_FAILED',
          'The largest request exceeds the mass offered less the reserve.',
        );
    });
    const keys = call.sampleOffers.map((o) => `${o.sampleCollectionId}/${o.sampleType}`);
    if (duplicates(keys).length > 0)
      issues.add('sampleOffers', 'VALIDATION_FAILED', 'A sample type of a collection is offered twice.');
  }

  const moduleRows: ModuleOfferValues[] = [];
  if (call.moduleOffers && call.moduleOffers.length > 0) {
    const ids = [...new Set(call.moduleOffers.map((o) => o.hostModuleId))];
    const found = await db.select().from(hostModules).where(inArray(hostModules.id, ids));
    const byId = new Map(found.map((m) => [m.id, m]));
    call.moduleOffers.forEach((o, i) => {
      const m = byId.get(o.hostModuleId);
      if (!m) {
        issues.add(`moduleOffers.${i}.hostModuleId`, 'REFERENCE_NOT_FOUND', 'No host module with this id.');
        return;
      }
      const pick = <K extends keyof typeof m & keyof typeof o>(k: K) => (o[k] === undefined ? m[k] : o[k]) as number | null;
      const poolMassG = o.poolMassG ?? m.poolMassG;
      if (!poolMassG || poolMassG <= 0) {
        issues.add(`moduleOffers.${i}.poolMassG`, 'VALIDATION_FAILED', `${m.name} has no mass pool: give poolMassG.`);
        return;
      }
      moduleRows.push({
        hostModuleId: m.id,
        poolMassG,
        poolPowerMw: pick('poolPowerMw'),
        poolDataMbPerDay: pick('poolDataMbPerDay'),
        itemMaxMassG: pick('itemMaxMassG'),
        itemMaxAvgPowerMw: pick('itemMaxAvgPowerMw'),
        itemMaxPeakPowerMw: pick('itemMaxPeakPowerMw'),
        itemMaxLengthMm: pick('itemMaxLengthMm'),
        itemMaxWidthMm: pick('itemMaxWidthMm'),
        itemMaxHeightMm: pick('itemMaxHeightMm'),
        itemMinTempC: pick('itemMinTempC'),
        itemMaxTempC: pick('itemMaxTempC'),
        mounting: o.mounting ?? m.mounting,
      });
    });
    if (duplicates(call.moduleOffers.map((o) => o.hostModuleId)).length > 0)
      issues.add('moduleOffers', 'VALIDATION_FAILED', 'A host module is offered twice.');
  }
  return moduleRows;
}

/** Replaces the lists the input gives (criteria, offers) of a draft call. */
export async function replaceCallChildren(tx: DbOrTx, callId: string, call: CallShape, moduleRows: ModuleOfferValues[]) {
  if (call.criteria) {
    await tx.delete(callCriteria).where(eq(callCriteria.callId, callId));
    if (call.criteria.length > 0)
      await tx.insert(callCriteria).values(
        call.criteria.map((c, position) => ({
          callId,
          key: c.key,
          name: c.name,
          description: c.description ?? null,
          weight: c.weight,
          scaleMin: c.scaleMin,
          scaleMax: c.scaleMax,
          position,
        })),
      );
  }
  if (call.sampleOffers) {
    await tx.delete(callSampleOffers).where(eq(callSampleOffers.callId, callId));
    if (call.sampleOffers.length > 0)
      await tx.insert(callSampleOffers).values(
        call.sampleOffers.map((o) => ({
          callId,
          sampleCollectionId: o.sampleCollectionId,
          sampleType: o.sampleType,
          availableMg: o.availableMg,
          reserveMg: o.reserveMg,
          maxPerRequestMg: o.maxPerRequestMg ?? null,
        })),
      );
  }
  if (call.moduleOffers) {
    await tx.delete(callModuleOffers).where(eq(callModuleOffers.callId, callId));
    if (moduleRows.length > 0) await tx.insert(callModuleOffers).values(moduleRows.map((r) => ({ ...r, callId })));
  }
}
