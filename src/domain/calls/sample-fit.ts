import {
  type AccommodationItem,
  blank,
  type CallOffers,
  type OfferTotals,
  Reasons,
  type SampleRequestInput,
  totalsByOffer,
} from './accommodation-report.js';
import { formatMassMg } from './units.js';

// Sample requests against the call's sample offers (mg): lendable = available − reserve; the
// requests of one offer in one application are added up; other applications only warn.

export function checkSample(
  offers: CallOffers,
  req: SampleRequestInput,
  index: number,
  all: SampleRequestInput[],
  already: Record<string, OfferTotals>,
): AccommodationItem {
  const reasons = new Reasons(`sampleRequests.${index}`);
  const offerId = req.offerId ?? '';
  if (blank(offerId)) {
    reasons.warn('incomplete', 'offerId', 'No sample type chosen; not checked.');
    return reasons.item('sample', offerId);
  }
  const offer = offers.samples.find((o) => o.id === offerId);
  if (!offer) {
    reasons.fail('unknown_offer', 'offerId', 'This call offers no such sample type; choose one of its sample offers.');
    return reasons.item('sample', offerId);
  }
  const mass = req.massMg;
  if (mass === undefined) {
    reasons.warn('incomplete', 'massMg', 'No mass given; not checked against what can be lent.');
    return reasons.item('sample', offerId);
  }
  const type = offer.sampleType.replaceAll('_', ' ');
  const lendable = offer.availableMg - offer.reserveMg;
  const group = totalsByOffer(
    all.filter((r) => r.offerId === offerId),
    (r) => r.massMg,
  ).get(offerId) ?? { sum: mass, count: 1 };
  const togetherSum = `Together, this application's ${group.count} requests for ${type} ask for ${formatMassMg(group.sum)}`;
  let overAvailable = false;

  if (mass > lendable) {
    overAvailable = true;
    reasons.fail(
      'sample_over_available',
      'massMg',
      `Asks for ${formatMassMg(mass)} of ${type}; ${formatMassMg(lendable)} can be lent (${formatMassMg(offer.availableMg)} available, ${formatMassMg(offer.reserveMg)} kept in reserve).`,
    );
  } else if (group.count > 1 && group.sum > lendable) {
    overAvailable = true;
    reasons.fail('sample_over_available', 'massMg', `${togetherSum}; ${formatMassMg(lendable)} can be lent.`);
  }
  if (offer.maxPerRequestMg != null) {
    if (mass > offer.maxPerRequestMg) {
      reasons.fail(
        'sample_over_max_per_request',
        'massMg',
        `Asks for ${formatMassMg(mass)} of ${type}; at most ${formatMassMg(offer.maxPerRequestMg)} per application.`,
      );
    } else if (group.count > 1 && group.sum > offer.maxPerRequestMg) {
      reasons.fail(
        'sample_over_max_per_request',
        'massMg',
        `${togetherSum}; at most ${formatMassMg(offer.maxPerRequestMg)} per application.`,
      );
    }
  }
  const others = already[offerId]?.massMg ?? 0;
  if (!overAvailable && others > 0 && others + group.sum > lendable) {
    reasons.warn(
      'oversubscribed',
      'massMg',
      `The call is oversubscribed: other applications already ask for ${formatMassMg(others)} of the ${formatMassMg(lendable)} of ${type} that can be lent.`,
    );
  }
  return reasons.item('sample', offerId);
}
