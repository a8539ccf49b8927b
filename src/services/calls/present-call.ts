import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CallDetail, CallSummary, Eligibility, RequiredDocument } from '../../contracts/calls.js';
import type { DbOrTx } from '../../db/connection.js';
import { callCriteria, callModuleOffers, callSampleOffers, hostModules, programs, sampleCollections } from '../../db/schema.js';
import type { ApplicationStage, CallStatus } from '../../domain/calls/vocabulary.js';
import { formatInZone, submissionWindow } from '../../domain/calls/window.js';
import type { Actor } from '../actor.js';
import type { CallRow } from './call-access.js';
import { callPermissions } from './call-permissions.js';

type Program = { id: string; slug: string; name: string };

/** The stages a call takes, in order. */
export const stagesOf = (call: Pick<CallRow, 'stages'>): ApplicationStage[] =>
  call.stages === 2 ? ['letter_of_intent', 'full_proposal'] : ['full_proposal'];

/** The input of domain/calls/window.ts from a call row. */
export const windowInput = (call: CallRow) => ({
  status: call.status as CallStatus,
  stages: call.stages,
  opensAt: call.opensAt,
  loiClosesAt: call.loiClosesAt,
  closesAt: call.closesAt,
  timeZone: call.timeZone,
});

export function presentCallSummary(call: CallRow, program: Program, actor: Actor): z.infer<typeof CallSummary> {
  return {
    id: call.id,
    slug: call.slug,
    title: call.title,
    summary: call.summary,
    status: call.status as CallStatus,
    stages: call.stages,
    program,
    timeZone: call.timeZone,
    opensAt: call.opensAt.toISOString(),
    loiClosesAt: call.loiClosesAt?.toISOString() ?? null,
    closesAt: call.closesAt.toISOString(),
    can: callPermissions(actor, call),
  };
}

/** The call with everything an applicant reads before applying, and what `actor` may do with it. */
export async function presentCallDetail(db: DbOrTx, call: CallRow, actor: Actor, now = new Date()): Promise<CallDetail> {
  const [program] = await db
    .select({ id: programs.id, slug: programs.slug, name: programs.name })
    .from(programs)
    .where(eq(programs.id, call.programId));
  const criteria = await db
    .select()
    .from(callCriteria)
    .where(eq(callCriteria.callId, call.id))
    .orderBy(asc(callCriteria.position));
  const samples = await db
    .select({ offer: callSampleOffers, collectionName: sampleCollections.name })
    .from(callSampleOffers)
    .innerJoin(sampleCollections, eq(sampleCollections.id, callSampleOffers.sampleCollectionId))
    .where(eq(callSampleOffers.callId, call.id))
    .orderBy(asc(sampleCollections.name), asc(callSampleOffers.sampleType));
  const modules = await db
    .select({ offer: callModuleOffers, name: hostModules.name, kind: hostModules.kind })
    .from(callModuleOffers)
    .innerJoin(hostModules, eq(hostModules.id, callModuleOffers.hostModuleId))
    .where(eq(callModuleOffers.callId, call.id))
    .orderBy(asc(hostModules.name));

  const windows = stagesOf(call).map((stage) => {
    const w = submissionWindow(windowInput(call), stage, now);
    return {
      stage,
      opensAt: call.opensAt.toISOString(),
      closesAt: w.closesAt.toISOString(),
      closesAtLocal: formatInZone(w.closesAt, call.timeZone),
      open: w.open,
      ...(w.reason ? { reason: w.reason } : {}),
    };
  });

  return {
    ...presentCallSummary(call, program!, actor),
    eligibility: call.eligibility as z.infer<typeof Eligibility>,
    requiredDocuments: (call.requiredDocuments as z.infer<typeof RequiredDocument>[]).map((d) => ({
      ...d,
      required: d.required !== false,
    })),
    criteria: criteria.map((c) => ({
      id: c.id,
      key: c.key,
      name: c.name,
      description: c.description,
      weight: c.weight,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
    })),
    sampleOffers: samples.map(({ offer, collectionName }) => ({
      id: offer.id,
      sampleCollectionId: offer.sampleCollectionId,
      collectionName,
      sampleType: offer.sampleType,
      availableMg: offer.availableMg,
      reserveMg: offer.reserveMg,
      maxPerRequestMg: offer.maxPerRequestMg,
    })),
    moduleOffers: modules.map(({ offer, name, kind }) => {
      const { callId: _callId, ...rest } = offer;
      return { ...rest, hostModuleName: name, hostModuleKind: kind };
    }),
    windows,
    serverNow: now.toISOString(),
    createdAt: call.createdAt.toISOString(),
    updatedAt: call.updatedAt.toISOString(),
  };
}
