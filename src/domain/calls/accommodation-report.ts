import type { PayloadRequest, SampleRequest } from '../../contracts/application-document.js';
import type { CheckResult, Hazard } from './vocabulary.js';

// The shapes of the accommodation check (accommodation.ts) and what its two halves share.

export interface SampleOffer {
  id: string;
  sampleType: string;
  availableMg: number;
  reserveMg: number;
  maxPerRequestMg: number | null;
}

export type ModuleMounting = 'inside' | 'outside' | 'either';

export interface ModuleOffer {
  id: string;
  hostModuleId: string;
  /** The host module's name for messages, e.g. "Chang'e-7 lander". */
  name: string;
  poolMassG: number;
  poolPowerMw: number | null;
  poolDataMbPerDay: number | null;
  itemMaxMassG: number | null;
  itemMaxAvgPowerMw: number | null;
  itemMaxPeakPowerMw: number | null;
  itemMaxLengthMm: number | null;
  itemMaxWidthMm: number | null;
  itemMaxHeightMm: number | null;
  itemMinTempC: number | null;
  itemMaxTempC: number | null;
  mounting: ModuleMounting;
}

export interface CallOffers {
  samples: SampleOffer[];
  modules: ModuleOffer[];
}

/** What other submitted applications already ask of one offer (mg for samples; g, mW, MB/day for modules). */
export interface OfferTotals {
  massMg?: number;
  massG?: number;
  avgPowerMw?: number;
  dataMbPerDay?: number;
}

export type SampleRequestInput = Partial<SampleRequest>;
export type PayloadRequestInput = Omit<Partial<PayloadRequest>, 'hazards'> & { hazards?: readonly Hazard[] };

export interface AccommodationInput {
  offers: CallOffers;
  sampleRequests?: SampleRequestInput[];
  payloadRequests?: PayloadRequestInput[];
  /** Totals by offer id over the other submitted applications of the call (not this one). */
  alreadyRequested?: Record<string, OfferTotals>;
}

export const ACCOMMODATION_REASON_CODES = [
  'unknown_offer',
  'incomplete',
  'mass_over_item_limit',
  'mass_over_pool',
  'avg_power_over_item_limit',
  'peak_power_over_item_limit',
  'peak_below_avg',
  'power_over_pool',
  'data_over_pool',
  'envelope',
  'temperature_reversed',
  'temperature_range',
  'mounting',
  'hazard',
  'large_share',
  'oversubscribed',
  'sample_over_available',
  'sample_over_max_per_request',
] as const;
export type AccommodationReasonCode = (typeof ACCOMMODATION_REASON_CODES)[number];

export interface AccommodationReason {
  code: AccommodationReasonCode;
  /** A sentence for the applicant and the officer, in units people read (kg, W, mm, °C, mg/g). */
  message: string;
  /** The field of the request the reason is about, e.g. payloadRequests.0.massG. */
  field?: string;
  severity: 'warn' | 'fail';
}

export interface AccommodationItem {
  /** The request, e.g. payloadRequests.0 or sampleRequests.2. */
  field: string;
  kind: 'sample' | 'payload';
  offerId: string;
  result: CheckResult;
  reasons: AccommodationReason[];
}

export interface AccommodationReport {
  result: CheckResult;
  items: AccommodationItem[];
}

const RANK: Record<CheckResult, number> = { pass: 0, warn: 1, fail: 2 };

/** The worse of results; pass for none. */
export function worstResult(results: Iterable<CheckResult>): CheckResult {
  let worst: CheckResult = 'pass';
  for (const r of results) if (RANK[r] > RANK[worst]) worst = r;
  return worst;
}

export const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** Collects the reasons of one request; fields are relative to the request (`massG`). */
export class Reasons {
  readonly list: AccommodationReason[] = [];
  constructor(readonly base: string) {}
  fail(code: AccommodationReasonCode, field: string | undefined, message: string) {
    this.list.push({ code, message, severity: 'fail', ...(field ? { field: `${this.base}.${field}` } : {}) });
  }
  warn(code: AccommodationReasonCode, field: string | undefined, message: string) {
    this.list.push({ code, message, severity: 'warn', ...(field ? { field: `${this.base}.${field}` } : {}) });
  }
  item(kind: AccommodationItem['kind'], offerId: string): AccommodationItem {
    return {
      field: this.base,
      kind,
      offerId,
      result: worstResult(this.list.map((r) => r.severity)),
      reasons: this.list,
    };
  }
}

/** Sums of one numeric field over the requests of each offer (missing values count as 0). */
export function totalsByOffer<T extends { offerId?: string }>(requests: T[], value: (r: T) => number | undefined) {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const r of requests) {
    if (blank(r.offerId)) continue;
    const t = totals.get(r.offerId!) ?? { sum: 0, count: 0 };
    t.sum += value(r) ?? 0;
    t.count += 1;
    totals.set(r.offerId!, t);
  }
  return totals;
}
