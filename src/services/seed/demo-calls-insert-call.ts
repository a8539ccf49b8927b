import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import {
  callCriteria,
  callModuleOffers,
  callSampleOffers,
  calls,
  hostModules,
  missions,
  programs,
  sampleCollections,
} from '../../db/schema.js';
import type { CallOffers, ModuleMounting } from '../../domain/calls/accommodation.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { DEMO_CALLS_VERSION, type DemoCall } from './demo-calls-data.js';
import type { LoadedCall } from './demo-calls-shared.js';

export async function insertCall(tx: DbOrTx, actor: Actor, def: DemoCall): Promise<LoadedCall> {
  const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.slug, def.program));
  if (!program) throw new AppError('REFERENCE_NOT_FOUND', `Load the demo registry first: program "${def.program}" is missing.`);
  const opensAt = new Date(def.opensAt);
  const closesAt = new Date(def.closesAt);
  const [call] = await tx
    .insert(calls)
    .values({
      slug: def.slug,
      programId: program.id,
      title: def.title,
      summary: def.summary,
      status: def.status,
      stages: def.stages,
      timeZone: def.timeZone,
      opensAt,
      loiClosesAt: def.loiClosesAt ? new Date(def.loiClosesAt) : null,
      closesAt,
      eligibility: def.eligibility,
      requiredDocuments: def.requiredDocuments,
      synthetic: def.synthetic,
      createdAt: new Date(opensAt.getTime() - 14 * 86_400_000),
      updatedAt: def.status === 'closed' ? closesAt : opensAt,
    })
    .returning({ id: calls.id });
  const callId = call!.id;
  await tx.insert(callCriteria).values(def.criteria.map((c, position) => ({ ...c, callId, position })));

  const offers: CallOffers = { samples: [], modules: [] };
  const offerIds = new Map<string, string>();
  for (const o of def.sampleOffers) {
    const [collection] = await tx
      .select({ id: sampleCollections.id })
      .from(sampleCollections)
      .where(eq(sampleCollections.slug, o.collection));
    if (!collection)
      throw new AppError('REFERENCE_NOT_FOUND', `Load the demo registry first: sample collection "${o.collection}" is missing.`);
    const [row] = await tx
      .insert(callSampleOffers)
      .values({
        callId,
        sampleCollectionId: collection.id,
        sampleType: o.sampleType,
        availableMg: o.availableMg,
        reserveMg: o.reserveMg,
        maxPerRequestMg: o.maxPerRequestMg,
      })
      .returning();
    offers.samples.push(row!);
    offerIds.set(`${o.collection}/${o.sampleType}`, row!.id);
  }
  for (const o of def.moduleOffers) {
    const [host] = await tx
      .select({ module: hostModules })
      .from(hostModules)
      .innerJoin(missions, eq(missions.id, hostModules.missionId))
      .where(sql`${missions.slug} = ${o.mission} and ${hostModules.name} = ${o.module}`);
    if (!host)
      throw new AppError(
        'REFERENCE_NOT_FOUND',
        `Load the demo registry first: host module "${o.mission}/${o.module}" is missing.`,
      );
    const m = host.module;
    const [row] = await tx
      .insert(callModuleOffers)
      .values({
        callId,
        hostModuleId: m.id,
        poolMassG: o.poolMassG,
        poolPowerMw: o.poolPowerMw ?? null,
        poolDataMbPerDay: null,
        itemMaxMassG: o.itemMaxMassG ?? m.itemMaxMassG,
        itemMaxAvgPowerMw: m.itemMaxAvgPowerMw,
        itemMaxPeakPowerMw: m.itemMaxPeakPowerMw,
        itemMaxLengthMm: o.itemMaxLengthMm ?? m.itemMaxLengthMm,
        itemMaxWidthMm: o.itemMaxWidthMm ?? m.itemMaxWidthMm,
        itemMaxHeightMm: o.itemMaxHeightMm ?? m.itemMaxHeightMm,
        itemMinTempC: o.itemMinTempC ?? m.itemMinTempC,
        itemMaxTempC: o.itemMaxTempC ?? m.itemMaxTempC,
        mounting: o.mounting ?? m.mounting,
      })
      .returning();
    offers.modules.push({ ...row!, name: `${o.mission} ${o.module}`, mounting: row!.mounting as ModuleMounting });
    offerIds.set(`${o.mission}/${o.module}`, row!.id);
  }
  await recordAudit(tx, actor, {
    action: 'call.seeded',
    subjectType: 'call',
    subjectId: callId,
    details: { slug: def.slug, status: def.status, version: DEMO_CALLS_VERSION, synthetic: def.synthetic },
  });
  return { id: callId, def, offers, offerIds, totals: { letter_of_intent: {}, full_proposal: {} } };
}
