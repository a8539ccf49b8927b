import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccommodationReport,
  checkAccommodation,
  type ModuleOffer,
  type PayloadRequestInput,
  type SampleOffer,
  worstResult,
} from '../../../src/domain/calls/accommodation.js';
import {
  CE5_DRILL,
  CE5_REGOLITH,
  CE7_LANDER,
  CE8_LANDER,
  RETROREFLECTOR,
  SPACE_WEATHER,
  TW3_ORBITER,
  TW3_SERVICE_MODULE,
} from './fixtures.js';

const offers = { samples: [CE5_REGOLITH, CE5_DRILL], modules: [CE7_LANDER, CE8_LANDER, TW3_ORBITER, TW3_SERVICE_MODULE] };
const payload = (...payloadRequests: PayloadRequestInput[]) => checkAccommodation({ offers, payloadRequests });
const codes = (report: AccommodationReport, i = 0) => report.items[i]!.reasons.map((r) => `${r.severity}:${r.code}:${r.field}`);

describe('payloads, with the real limits', () => {
  it('passes a retroreflector within every Chang’e-7 lander limit', () => {
    expect(payload(RETROREFLECTOR)).toEqual({
      result: 'pass',
      items: [{ field: 'payloadRequests.0', kind: 'payload', offerId: 'ce7-lander', result: 'pass', reasons: [] }],
    });
  });

  it('lets an item be rotated to fit the 300×150×150 mm envelope', () => {
    expect(payload({ ...RETROREFLECTOR, lengthMm: 150, widthMm: 300, heightMm: 150 }).result).toBe('pass');
    const tooBig = payload({ ...RETROREFLECTOR, lengthMm: 320, widthMm: 160, heightMm: 150 });
    expect(tooBig.result).toBe('fail');
    expect(codes(tooBig)).toEqual(['fail:envelope:payloadRequests.0.lengthMm']);
    expect(tooBig.items[0]!.reasons[0]!.message).toBe(
      "Laser retroreflector array measures 320 × 160 × 150 mm; it does not fit within 300 × 150 × 150 mm on the Chang'e-7 lander in any orientation.",
    );
    // 200 × 200 × 100 cannot be rotated into 300 × 150 × 150.
    expect(codes(payload({ ...RETROREFLECTOR, lengthMm: 200, widthMm: 200, heightMm: 100 }))).toEqual([
      'fail:envelope:payloadRequests.0.widthMm',
    ]);
  });

  it('refuses more than 100 kg per item on the Chang’e-8 lander, and more than its 200 kg in all', () => {
    const rover = { ...RETROREFLECTOR, offerId: CE8_LANDER.id, name: 'Lunar rover', massG: 35_000, mounting: 'outside' as const };
    expect(payload(rover).result).toBe('pass');
    const heavy = payload({ ...rover, massG: 120_000 });
    expect(codes(heavy)).toEqual([
      'fail:mass_over_item_limit:payloadRequests.0.massG',
      'warn:large_share:payloadRequests.0.massG',
    ]);
    expect(heavy.items[0]!.reasons[0]!.message).toBe(
      "Lunar rover weighs 120.0 kg; the Chang'e-8 lander takes at most 100.0 kg per item.",
    );
    // Two 100 kg items fill the lander exactly (neither takes more than half); a third breaks the pool.
    const two = payload({ ...rover, massG: 100_000 }, { ...rover, massG: 100_000 });
    expect(two.result).toBe('pass');
    const three = payload({ ...rover, massG: 100_000 }, { ...rover, massG: 100_000 }, { ...rover, massG: 1_000 });
    expect(three.items.map((i) => i.result)).toEqual(['fail', 'fail', 'fail']);
    expect(three.items[2]!.reasons[0]!.message).toBe(
      "Together, this application's 3 payloads on the Chang'e-8 lander weigh 201.0 kg; it offers 200.0 kg in all.",
    );
  });

  it('holds the Tianwen-3 orbiter to 15 kg, 40 W and −50…+70 °C', () => {
    expect(payload(SPACE_WEATHER).result).toBe('pass');
    expect(codes(payload({ ...SPACE_WEATHER, massG: 16_000 }))).toEqual(['fail:mass_over_pool:payloadRequests.0.massG']);
    expect(payload({ ...SPACE_WEATHER, massG: 16_000 }).items[0]!.reasons[0]!.message).toBe(
      'Space-weather sensor package weighs 16.0 kg; the Tianwen-3 orbiter offers 15.0 kg in all.',
    );
    const power = payload({ ...SPACE_WEATHER, avgPowerMw: 45_000, peakPowerMw: 45_000 });
    expect(codes(power)).toEqual(['fail:power_over_pool:payloadRequests.0.avgPowerMw']);
    expect(power.items[0]!.reasons[0]!.message).toBe(
      'Space-weather sensor package draws 45 W on average; the Tianwen-3 orbiter offers 40 W in all.',
    );
    const cold = payload({ ...SPACE_WEATHER, minTempC: -60 });
    expect(codes(cold)).toEqual(['fail:temperature_range:payloadRequests.0.minTempC']);
    expect(cold.items[0]!.reasons[0]!.message).toBe(
      'Space-weather sensor package declares −60 °C to 50 °C, which goes below the −50 °C to 70 °C items on the Tianwen-3 orbiter must keep to.',
    );
    expect(codes(payload({ ...SPACE_WEATHER, offerId: TW3_SERVICE_MODULE.id, massG: 5_001 }))).toEqual([
      'fail:mass_over_pool:payloadRequests.0.massG',
    ]);
  });

  it('shows grams when kilograms with one decimal would read the same', () => {
    const r = payload({ ...RETROREFLECTOR, massG: 10_040 });
    expect(r.items[0]!.reasons.map((x) => x.message)).toEqual([
      "Laser retroreflector array weighs 10,040 g; the Chang'e-7 lander takes at most 10,000 g per item.",
      "Laser retroreflector array weighs 10,040 g; the Chang'e-7 lander offers 10,000 g in all.",
    ]);
  });

  it('checks power: item limits, and a peak below the average is an error', () => {
    expect(codes(payload({ ...RETROREFLECTOR, avgPowerMw: 51_000, peakPowerMw: 60_000 }))).toEqual([
      'fail:avg_power_over_item_limit:payloadRequests.0.avgPowerMw',
      'fail:peak_power_over_item_limit:payloadRequests.0.peakPowerMw',
    ]);
    const inverted = payload({ ...RETROREFLECTOR, avgPowerMw: 5_000, peakPowerMw: 1_250 });
    expect(codes(inverted)).toEqual(['fail:peak_below_avg:payloadRequests.0.peakPowerMw']);
    expect(inverted.items[0]!.reasons[0]!.message).toBe(
      'The peak power (1.25 W) is below the average power (5 W); the peak is at least the average.',
    );
  });

  it('checks data, temperature order and mounting', () => {
    expect(codes(payload({ ...SPACE_WEATHER, dataMbPerDay: 2_500 }))).toEqual([
      'fail:data_over_pool:payloadRequests.0.dataMbPerDay',
    ]);
    expect(codes(payload({ ...SPACE_WEATHER, minTempC: 40, maxTempC: 10 }))).toEqual([
      'fail:temperature_reversed:payloadRequests.0.minTempC',
    ]);
    const outside = payload({ ...SPACE_WEATHER, mounting: 'outside' });
    expect(codes(outside)).toEqual(['fail:mounting:payloadRequests.0.mounting']);
    expect(outside.items[0]!.reasons[0]!.message).toBe(
      'Space-weather sensor package mounts outside; the Tianwen-3 orbiter takes items inside only.',
    );
    expect(payload({ ...RETROREFLECTOR, offerId: CE8_LANDER.id, mounting: 'inside' }).result).toBe('pass');
  });

  it('warns about hazards, large shares and oversubscription without failing', () => {
    const laser = payload({ ...RETROREFLECTOR, hazards: ['laser'] });
    expect(laser.result).toBe('warn');
    expect(laser.items[0]!.reasons).toEqual([
      {
        code: 'hazard',
        severity: 'warn',
        field: 'payloadRequests.0.hazards.0',
        message: 'Laser retroreflector array declares a laser: needs a safety review.',
      },
    ]);
    const big = payload({ ...SPACE_WEATHER, massG: 8_000 });
    expect(codes(big)).toEqual(['warn:large_share:payloadRequests.0.massG']);
    expect(big.items[0]!.reasons[0]!.message).toBe(
      'Space-weather sensor package takes 53 % of the 15.0 kg of mass the Tianwen-3 orbiter offers.',
    );
    const crowded = checkAccommodation({
      offers,
      payloadRequests: [SPACE_WEATHER],
      alreadyRequested: { [TW3_ORBITER.id]: { massG: 13_000 } },
    });
    expect(crowded.result).toBe('warn');
    expect(crowded.items[0]!.reasons[0]!.message).toBe(
      'The call is oversubscribed: other applications already ask for 13.0 kg of the 15.0 kg of mass the Tianwen-3 orbiter offers.',
    );
  });

  it('fails an unknown module offer and only warns about missing figures', () => {
    expect(codes(payload({ ...SPACE_WEATHER, offerId: 'ce6-orbiter' }))).toEqual([
      'fail:unknown_offer:payloadRequests.0.offerId',
    ]);
    const sparse = payload({ offerId: TW3_ORBITER.id, massG: 1_000 });
    expect(sparse.result).toBe('warn');
    expect(sparse.items[0]!.reasons.every((r) => r.code === 'incomplete')).toBe(true);
    expect(payload({ name: 'x' }).items[0]!.reasons.map((r) => r.code)).toEqual(['incomplete']);
  });
});

describe('samples', () => {
  const samples = (...sampleRequests: { offerId?: string; massMg?: number }[]) => checkAccommodation({ offers, sampleRequests });

  it('lends up to available − reserve and up to the per-request maximum', () => {
    expect(samples({ offerId: CE5_DRILL.id, massMg: 2_500 }).result).toBe('pass');
    const over = samples({ offerId: CE5_DRILL.id, massMg: 2_501 });
    expect(codes(over)).toEqual(['fail:sample_over_available:sampleRequests.0.massMg']);
    expect(over.items[0]!.reasons[0]!.message).toBe(
      'Asks for 2.501 g of drill core; 2.5 g can be lent (3 g available, 500 mg kept in reserve).',
    );
    expect(samples({ offerId: CE5_REGOLITH.id, massMg: 1_500 }).result).toBe('pass');
    expect(codes(samples({ offerId: CE5_REGOLITH.id, massMg: 1_501 }))).toEqual([
      'fail:sample_over_max_per_request:sampleRequests.0.massMg',
    ]);
  });

  it('adds up the requests of one offer in one application', () => {
    const r = samples(
      { offerId: CE5_REGOLITH.id, massMg: 800 },
      { offerId: CE5_DRILL.id, massMg: 100 },
      { offerId: CE5_REGOLITH.id, massMg: 800 },
    );
    expect(r.items.map((i) => i.result)).toEqual(['fail', 'pass', 'fail']);
    expect(r.items[0]!.reasons[0]!.message).toBe(
      "Together, this application's 2 requests for scooped regolith ask for 1.6 g; at most 1.5 g per application.",
    );
  });

  it('warns when other applications already ask for most of it, and fails an unknown offer', () => {
    const r = checkAccommodation({
      offers,
      sampleRequests: [{ offerId: CE5_DRILL.id, massMg: 1_000 }],
      alreadyRequested: { [CE5_DRILL.id]: { massMg: 2_000 } },
    });
    expect(codes(r)).toEqual(['warn:oversubscribed:sampleRequests.0.massMg']);
    expect(codes(samples({ offerId: 'ce6-farside', massMg: 10 }))).toEqual(['fail:unknown_offer:sampleRequests.0.offerId']);
  });
});

// Properties -------------------------------------------------------------------------------------

/** A module offer with random limits, and a payload inside every limit and below half of each pool. */
const fitting = fc
  .record({
    pool: fc.integer({ min: 2, max: 500_000 }),
    itemMax: fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: null }),
    poolPower: fc.option(fc.integer({ min: 2, max: 200_000 }), { nil: null }),
    avgMax: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
    peakMax: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
    poolData: fc.option(fc.integer({ min: 2, max: 100_000 }), { nil: null }),
    dims: fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 })),
    tmin: fc.integer({ min: -200, max: 0 }),
    tmax: fc.integer({ min: 1, max: 150 }),
    mounting: fc.constantFrom('inside' as const, 'outside' as const, 'either' as const),
    fractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
    permutation: fc.constantFrom([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]),
    side: fc.constantFrom('inside' as const, 'outside' as const),
  })
  .map((g) => {
    const offer: ModuleOffer = {
      id: 'm',
      hostModuleId: 'hm',
      name: 'module',
      poolMassG: g.pool,
      poolPowerMw: g.poolPower,
      poolDataMbPerDay: g.poolData,
      itemMaxMassG: g.itemMax,
      itemMaxAvgPowerMw: g.avgMax,
      itemMaxPeakPowerMw: g.peakMax,
      itemMaxLengthMm: g.dims[0],
      itemMaxWidthMm: g.dims[1],
      itemMaxHeightMm: g.dims[2],
      itemMinTempC: g.tmin,
      itemMaxTempC: g.tmax,
      mounting: g.mounting,
    };
    const f = g.fractions;
    const upTo = (limit: number, i: number, min = 0) => min + Math.floor(f[i]! * (limit - min));
    const massCap = Math.min(g.itemMax ?? g.pool, Math.floor(g.pool / 2));
    const avgCap = Math.min(
      g.avgMax ?? Number.MAX_SAFE_INTEGER,
      g.peakMax ?? Number.MAX_SAFE_INTEGER,
      g.poolPower ? Math.floor(g.poolPower / 2) : 100_000,
    );
    const avg = upTo(avgCap, 1);
    const peak = upTo(g.peakMax ?? avg * 3, 2, avg);
    const minT = upTo(g.tmax, 6, g.tmin);
    const item: PayloadRequestInput = {
      offerId: 'm',
      name: 'item',
      massG: Math.max(1, upTo(massCap, 0)),
      avgPowerMw: avg,
      peakPowerMw: peak,
      dataMbPerDay: upTo(g.poolData ? Math.floor(g.poolData / 2) : 1000, 7),
      minTempC: minT,
      maxTempC: upTo(g.tmax, 8, minT),
      mounting: g.mounting === 'either' ? g.side : g.mounting,
      hazards: [],
    };
    // Each side within the matching side of the limits, then the item turned any way: it still fits.
    const sizes = g.dims.map((d, i) => upTo(d, 3 + i, 1));
    [item.lengthMm, item.widthMm, item.heightMm] = g.permutation.map((p) => sizes[p]!);
    return { offer, item };
  });

const check = (offer: ModuleOffer, ...payloadRequests: PayloadRequestInput[]) =>
  checkAccommodation({ offers: { samples: [], modules: [offer] }, payloadRequests });

describe('properties of the payload check', () => {
  it('a payload within every limit (and under half of each pool) always passes', () => {
    fc.assert(
      fc.property(fitting, ({ offer, item }) => {
        expect(check(offer, item).items[0]!.reasons).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  const LIMITED = [
    'massG',
    'avgPowerMw',
    'peakPowerMw',
    'dataMbPerDay',
    'lengthMm',
    'widthMm',
    'heightMm',
    'minTempC',
    'maxTempC',
  ] as const;

  it('pushing any one quantity past its limit always fails on that field', () => {
    fc.assert(
      fc.property(fitting, fc.constantFrom(...LIMITED), fc.integer({ min: 1, max: 10_000 }), ({ offer, item }, field, excess) => {
        const o: ModuleOffer = {
          ...offer,
          itemMaxMassG: offer.itemMaxMassG ?? offer.poolMassG,
          itemMaxAvgPowerMw: offer.itemMaxAvgPowerMw ?? 50_000,
          itemMaxPeakPowerMw: offer.itemMaxPeakPowerMw ?? 100_000,
          poolDataMbPerDay: offer.poolDataMbPerDay ?? 100_000,
        };
        const biggestSide = Math.max(o.itemMaxLengthMm!, o.itemMaxWidthMm!, o.itemMaxHeightMm!);
        const over: Record<(typeof LIMITED)[number], number> = {
          massG: Math.min(o.itemMaxMassG!, o.poolMassG) + excess,
          avgPowerMw: o.itemMaxAvgPowerMw! + excess,
          peakPowerMw: o.itemMaxPeakPowerMw! + excess,
          dataMbPerDay: o.poolDataMbPerDay! + excess,
          lengthMm: biggestSide + excess,
          widthMm: biggestSide + excess,
          heightMm: biggestSide + excess,
          minTempC: o.itemMinTempC! - excess,
          maxTempC: o.itemMaxTempC! + excess,
        };
        const changed = { ...item, [field]: over[field] };
        if (field === 'minTempC') changed.maxTempC = Math.max(changed.maxTempC!, changed.minTempC!);
        const report = check(o, changed);
        expect(report.result).toBe('fail');
        expect(report.items[0]!.reasons.some((r) => r.severity === 'fail' && r.field === `payloadRequests.0.${field}`)).toBe(
          true,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('rotating an item never changes the result', () => {
    const dim = fc.integer({ min: 1, max: 600 });
    fc.assert(
      fc.property(fc.tuple(dim, dim, dim), fc.tuple(dim, dim, dim), (limits, size) => {
        const offer: ModuleOffer = {
          ...CE7_LANDER,
          itemMaxLengthMm: limits[0],
          itemMaxWidthMm: limits[1],
          itemMaxHeightMm: limits[2],
        };
        const results = [
          [0, 1, 2],
          [0, 2, 1],
          [1, 0, 2],
          [1, 2, 0],
          [2, 0, 1],
          [2, 1, 0],
        ].map(([a, b, c]) => {
          const r = check(offer, { ...RETROREFLECTOR, lengthMm: size[a!], widthMm: size[b!], heightMm: size[c!] });
          return `${r.result}:${r.items[0]!.reasons.map((x) => x.code).join(',')}`;
        });
        expect(new Set(results).size).toBe(1);
        // And the sorted comparison is the whole rule.
        const fits = [...size].sort((x, y) => x - y).every((s, i) => s <= [...limits].sort((x, y) => x - y)[i]!);
        expect(results[0]!.startsWith(fits ? 'pass' : 'fail')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the overall result is always the worst item', () => {
    const anyPayload = fc.record(
      {
        offerId: fc.constantFrom('ce7-lander', 'ce8-lander', 'tw3-orbiter', 'nope', ''),
        name: fc.constant('p'),
        massG: fc.integer({ min: 0, max: 120_000 }),
        avgPowerMw: fc.integer({ min: 0, max: 60_000 }),
        peakPowerMw: fc.integer({ min: 0, max: 60_000 }),
        dataMbPerDay: fc.integer({ min: 0, max: 3_000 }),
        lengthMm: fc.integer({ min: 1, max: 400 }),
        widthMm: fc.integer({ min: 1, max: 400 }),
        heightMm: fc.integer({ min: 1, max: 400 }),
        minTempC: fc.integer({ min: -200, max: 100 }),
        maxTempC: fc.integer({ min: -200, max: 100 }),
        mounting: fc.constantFrom('inside' as const, 'outside' as const),
        hazards: fc.subarray(['laser' as const, 'pyrotechnic' as const]),
      },
      { requiredKeys: ['offerId'] },
    );
    const anySample = fc.record({
      offerId: fc.constantFrom('ce5-scooped', 'ce5-drill', 'x'),
      massMg: fc.integer({ min: 0, max: 4_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(anyPayload, { maxLength: 5 }),
        fc.array(anySample, { maxLength: 5 }),
        (payloadRequests, sampleRequests) => {
          const report = checkAccommodation({ offers, payloadRequests, sampleRequests });
          expect(report.items).toHaveLength(payloadRequests.length + sampleRequests.length);
          expect(report.result).toBe(worstResult(report.items.map((i) => i.result)));
          for (const item of report.items) {
            expect(item.result).toBe(worstResult(item.reasons.map((r) => r.severity)));
            for (const r of item.reasons) if (r.field) expect(r.field.startsWith(`${item.field}.`)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('properties of the sample check', () => {
  const offer = fc
    .record({ available: fc.integer({ min: 2, max: 2_000_000 }), reserveShare: fc.double({ min: 0, max: 0.99, noNaN: true }) })
    .map(({ available, reserveShare }): SampleOffer => {
      const reserveMg = Math.min(available - 1, Math.floor(available * reserveShare));
      return { id: 's', sampleType: 'regolith', availableMg: available, reserveMg, maxPerRequestMg: null };
    });

  it('a request within available − reserve passes; one mg more fails', () => {
    fc.assert(
      fc.property(offer, fc.double({ min: 0, max: 1, noNaN: true }), (o, share) => {
        const lendable = o.availableMg - o.reserveMg;
        const run = (massMg: number) =>
          checkAccommodation({ offers: { samples: [o], modules: [] }, sampleRequests: [{ offerId: 's', massMg }] });
        expect(run(Math.max(1, Math.floor(lendable * share))).result).toBe('pass');
        expect(run(lendable).result).toBe('pass');
        expect(run(lendable + 1).result).toBe('fail');
      }),
    );
  });

  it('splitting a request over several lines of one application changes nothing', () => {
    fc.assert(
      fc.property(offer, fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 6 }), (o, parts) => {
        const offers1 = { samples: [o], modules: [] };
        const total = parts.reduce((a, b) => a + b, 0);
        const whole = checkAccommodation({ offers: offers1, sampleRequests: [{ offerId: 's', massMg: total }] }).result;
        const split = checkAccommodation({
          offers: offers1,
          sampleRequests: parts.map((massMg) => ({ offerId: 's', massMg })),
        }).result;
        expect(split).toBe(whole);
      }),
    );
  });
});
