import {
  type AccommodationInput,
  type AccommodationItem,
  type AccommodationReport,
  worstResult,
} from './accommodation-report.js';
import { checkPayload } from './payload-fit.js';
import { checkSample } from './sample-fit.js';

// The technical accommodation check: does each request fit what the call offers? Pure: the offers,
// the requests and (optionally) what other submitted applications already ask for go in; a report
// comes out, one item per request, each with the reasons behind its result.
//
// fail: the request cannot be accommodated (over a per-item limit or a pool, does not fit in any
// orientation, outside the temperature limits, wrong side, an inconsistent figure, unknown offer).
// warn: it fits but someone must look (hazards, more than half of a pool, the call is
// oversubscribed, a figure missing so a rule could not be checked — completeness itself is
// validate-submission's job).
//
// The rules live in sample-fit.ts and payload-fit.ts; the shapes in accommodation-report.ts.

export {
  ACCOMMODATION_REASON_CODES,
  type AccommodationInput,
  type AccommodationItem,
  type AccommodationReason,
  type AccommodationReasonCode,
  type AccommodationReport,
  type CallOffers,
  type ModuleMounting,
  type ModuleOffer,
  type OfferTotals,
  type PayloadRequestInput,
  type SampleOffer,
  type SampleRequestInput,
  worstResult,
} from './accommodation-report.js';

/** One item per request (samples first, then payloads, in document order); the result is the worst item. */
export function checkAccommodation(input: AccommodationInput): AccommodationReport {
  const samples = input.sampleRequests ?? [];
  const payloads = input.payloadRequests ?? [];
  const already = input.alreadyRequested ?? {};
  const items: AccommodationItem[] = [
    ...samples.map((r, i) => checkSample(input.offers, r, i, samples, already)),
    ...payloads.map((r, i) => checkPayload(input.offers, r, i, payloads, already)),
  ];
  return { result: worstResult(items.map((i) => i.result)), items };
}
