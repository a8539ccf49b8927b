import {
  type AccommodationItem,
  blank,
  type CallOffers,
  type OfferTotals,
  type PayloadRequestInput,
  Reasons,
  totalsByOffer,
} from './accommodation-report.js';
import { formatDataMb, formatDimsMm, formatMassPairG, formatPercent, formatPowerMw, formatTempC } from './units.js';
import type { Hazard } from './vocabulary.js';

// Payload requests against the call's module offers: per-item limits, pools (this application's
// items on one module add up), envelope in any orientation, temperature, mounting, hazards.

const HAZARD_PHRASE: Record<Hazard, string> = {
  laser: 'a laser',
  radioactive_source: 'a radioactive source',
  pressure_vessel: 'a pressure vessel',
  high_voltage: 'high voltage',
  pyrotechnic: 'pyrotechnics',
  magnetic_field: 'a magnetic field',
  toxic_material: 'toxic material',
};

type PoolKey = 'massG' | 'avgPowerMw' | 'dataMbPerDay';

interface PoolWording {
  code: 'mass_over_pool' | 'power_over_pool' | 'data_over_pool';
  /** "weighs 16.0 kg", "draws 45 W on average". */
  verb: (amount: string) => string;
  verbPlural: (amount: string) => string;
  noun: string;
  pair: (value: number, limit: number) => [string, string];
}

const MASS_POOL: PoolWording = {
  code: 'mass_over_pool',
  verb: (a) => `weighs ${a}`,
  verbPlural: (a) => `weigh ${a}`,
  noun: 'mass',
  pair: formatMassPairG,
};
const POWER_POOL: PoolWording = {
  code: 'power_over_pool',
  verb: (a) => `draws ${a} on average`,
  verbPlural: (a) => `draw ${a} on average`,
  noun: 'power',
  pair: (v, l) => [formatPowerMw(v), formatPowerMw(l)],
};
const DATA_POOL: PoolWording = {
  code: 'data_over_pool',
  verb: (a) => `sends ${a}`,
  verbPlural: (a) => `send ${a}`,
  noun: 'downlink',
  pair: (v, l) => [formatDataMb(v), formatDataMb(l)],
};

const tempOrAny = (c: number | null) => (c == null ? 'any' : formatTempC(c));

export function checkPayload(
  offers: CallOffers,
  req: PayloadRequestInput,
  index: number,
  all: PayloadRequestInput[],
  already: Record<string, OfferTotals>,
): AccommodationItem {
  const reasons = new Reasons(`payloadRequests.${index}`);
  const offerId = req.offerId ?? '';
  if (blank(offerId)) {
    reasons.warn('incomplete', 'offerId', 'No host module chosen; not checked.');
    return reasons.item('payload', offerId);
  }
  const offer = offers.modules.find((o) => o.id === offerId);
  if (!offer) {
    reasons.fail('unknown_offer', 'offerId', 'This call offers no such host module; choose one of its module offers.');
    return reasons.item('payload', offerId);
  }
  const it = blank(req.name) ? 'The payload' : req.name!.trim();
  const host = `the ${offer.name}`;
  const mine = all.filter((r) => r.offerId === offerId);
  const missing = (field: string, what: string) => reasons.warn('incomplete', field, `${what} not given; not checked.`);

  // One pooled resource: this item alone, this application's items together, half the pool, others.
  const pool = (key: PoolKey, value: number, poolSize: number | null, what: PoolWording) => {
    if (poolSize == null) return;
    const group = totalsByOffer(mine, (r) => r[key]).get(offerId) ?? { sum: value, count: 1 };
    if (value > poolSize) {
      const [v, l] = what.pair(value, poolSize);
      reasons.fail(what.code, key, `${it} ${what.verb(v)}; ${host} offers ${l} in all.`);
      return;
    }
    if (group.count > 1 && group.sum > poolSize) {
      const [v, l] = what.pair(group.sum, poolSize);
      reasons.fail(
        what.code,
        key,
        `Together, this application's ${group.count} payloads on ${host} ${what.verbPlural(v)}; it offers ${l} in all.`,
      );
      return;
    }
    const [, l] = what.pair(value, poolSize);
    if (value * 2 > poolSize) {
      reasons.warn(
        'large_share',
        key,
        `${it} takes ${formatPercent(value, poolSize)} of the ${l} of ${what.noun} ${host} offers.`,
      );
    }
    const others = already[offerId]?.[key] ?? 0;
    if (others > 0 && others + group.sum > poolSize) {
      const [o] = what.pair(others, poolSize);
      reasons.warn(
        'oversubscribed',
        key,
        `The call is oversubscribed: other applications already ask for ${o} of the ${l} of ${what.noun} ${host} offers.`,
      );
    }
  };

  // Mass.
  if (req.massG === undefined) missing('massG', 'Mass');
  else {
    if (offer.itemMaxMassG != null && req.massG > offer.itemMaxMassG) {
      const [v, l] = formatMassPairG(req.massG, offer.itemMaxMassG);
      reasons.fail('mass_over_item_limit', 'massG', `${it} weighs ${v}; ${host} takes at most ${l} per item.`);
    }
    pool('massG', req.massG, offer.poolMassG, MASS_POOL);
  }

  // Power.
  const avg = req.avgPowerMw;
  const peak = req.peakPowerMw;
  if (avg === undefined) missing('avgPowerMw', 'Average power');
  if (peak === undefined) missing('peakPowerMw', 'Peak power');
  if (avg !== undefined && peak !== undefined && peak < avg) {
    reasons.fail(
      'peak_below_avg',
      'peakPowerMw',
      `The peak power (${formatPowerMw(peak)}) is below the average power (${formatPowerMw(avg)}); the peak is at least the average.`,
    );
  }
  if (avg !== undefined && offer.itemMaxAvgPowerMw != null && avg > offer.itemMaxAvgPowerMw) {
    reasons.fail(
      'avg_power_over_item_limit',
      'avgPowerMw',
      `${it} draws ${formatPowerMw(avg)} on average; ${host} supplies at most ${formatPowerMw(offer.itemMaxAvgPowerMw)} per item.`,
    );
  }
  if (peak !== undefined && offer.itemMaxPeakPowerMw != null && peak > offer.itemMaxPeakPowerMw) {
    reasons.fail(
      'peak_power_over_item_limit',
      'peakPowerMw',
      `${it} draws up to ${formatPowerMw(peak)}; ${host} supplies at most ${formatPowerMw(offer.itemMaxPeakPowerMw)} peak per item.`,
    );
  }
  if (avg !== undefined) pool('avgPowerMw', avg, offer.poolPowerMw, POWER_POOL);

  // Data.
  if (req.dataMbPerDay === undefined) missing('dataMbPerDay', 'Data volume');
  else pool('dataMbPerDay', req.dataMbPerDay, offer.poolDataMbPerDay, DATA_POOL);

  // Envelope: the item may be rotated, so the sorted dimensions are compared with the sorted limits.
  const dims = (['lengthMm', 'widthMm', 'heightMm'] as const).map((field) => ({ field, value: req[field] }));
  const given = dims.filter((d): d is { field: (typeof d)['field']; value: number } => d.value !== undefined);
  for (const d of dims)
    if (d.value === undefined)
      missing(
        d.field,
        d.field.replace('Mm', '').replace(/^./, (c) => c.toUpperCase()),
      );
  const limits = [offer.itemMaxLengthMm, offer.itemMaxWidthMm, offer.itemMaxHeightMm];
  if (given.length === 3 && limits.some((l) => l != null)) {
    const sortedItem = [...given].sort((a, b) => b.value - a.value);
    const sortedLimits = limits.map((l) => l ?? Number.POSITIVE_INFINITY).sort((a, b) => b - a);
    const k = sortedItem.findIndex((d, i) => d.value > sortedLimits[i]!);
    if (k >= 0) {
      reasons.fail(
        'envelope',
        sortedItem[k]!.field,
        `${it} measures ${formatDimsMm(given.map((d) => d.value))}; it does not fit within ${formatDimsMm(limits)} on ${host} in any orientation.`,
      );
    }
  }

  // Temperature: the item's declared range must lie inside the module's limits.
  const lo = req.minTempC;
  const hi = req.maxTempC;
  if (lo === undefined) missing('minTempC', 'Lowest temperature');
  if (hi === undefined) missing('maxTempC', 'Highest temperature');
  if (lo !== undefined && hi !== undefined) {
    if (lo > hi) {
      reasons.fail(
        'temperature_reversed',
        'minTempC',
        `The lowest temperature (${formatTempC(lo)}) is above the highest (${formatTempC(hi)}).`,
      );
    } else {
      const range = `${tempOrAny(offer.itemMinTempC)} to ${tempOrAny(offer.itemMaxTempC)}`;
      const declared = `${formatTempC(lo)} to ${formatTempC(hi)}`;
      if (offer.itemMinTempC != null && lo < offer.itemMinTempC) {
        reasons.fail(
          'temperature_range',
          'minTempC',
          `${it} declares ${declared}, which goes below the ${range} items on ${host} must keep to.`,
        );
      }
      if (offer.itemMaxTempC != null && hi > offer.itemMaxTempC) {
        reasons.fail(
          'temperature_range',
          'maxTempC',
          `${it} declares ${declared}, which goes above the ${range} items on ${host} must keep to.`,
        );
      }
    }
  }

  // Mounting.
  if (req.mounting === undefined) missing('mounting', 'Mounting (inside or outside)');
  else if (offer.mounting !== 'either' && req.mounting !== offer.mounting) {
    reasons.fail('mounting', 'mounting', `${it} mounts ${req.mounting}; ${host} takes items ${offer.mounting} only.`);
  }

  // Hazards.
  (req.hazards ?? []).forEach((hazard, j) => {
    reasons.warn('hazard', `hazards.${j}`, `${it} declares ${HAZARD_PHRASE[hazard]}: needs a safety review.`);
  });

  return reasons.item('payload', offerId);
}
