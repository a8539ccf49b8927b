import type { PayloadRequest } from '../../../src/contracts/application-document.js';
import type { ModuleOffer, SampleOffer } from '../../../src/domain/calls/accommodation.js';

// Offers with the public figures of REFERENCE §1. Where a figure is not public (power pools of the
// Chang'e landers, data volumes) the field is null: the rule is simply not applied.

const noLimits = {
  poolPowerMw: null,
  poolDataMbPerDay: null,
  itemMaxMassG: null,
  itemMaxAvgPowerMw: null,
  itemMaxPeakPowerMw: null,
  itemMaxLengthMm: null,
  itemMaxWidthMm: null,
  itemMaxHeightMm: null,
  itemMinTempC: null,
  itemMaxTempC: null,
} as const;

/** Chang'e-7 lander: 10 kg in all; per item ≤300×150×150 mm, ≤10 kg, ≤50 W, −180…+80 °C. */
export const CE7_LANDER: ModuleOffer = {
  ...noLimits,
  id: 'ce7-lander',
  hostModuleId: 'hm-ce7-lander',
  name: "Chang'e-7 lander",
  poolMassG: 10_000,
  itemMaxMassG: 10_000,
  itemMaxAvgPowerMw: 50_000,
  itemMaxPeakPowerMw: 50_000,
  itemMaxLengthMm: 300,
  itemMaxWidthMm: 150,
  itemMaxHeightMm: 150,
  itemMinTempC: -180,
  itemMaxTempC: 80,
  mounting: 'outside',
};

/** Chang'e-8 lander: 200 kg including interfaces; no single item over 100 kg. */
export const CE8_LANDER: ModuleOffer = {
  ...noLimits,
  id: 'ce8-lander',
  hostModuleId: 'hm-ce8-lander',
  name: "Chang'e-8 lander",
  poolMassG: 200_000,
  itemMaxMassG: 100_000,
  mounting: 'either',
};

/** Tianwen-3 orbiter: 15 kg; per device ≤300×200×200 mm; 40 W in all [?]; −50…+70 °C inside. */
export const TW3_ORBITER: ModuleOffer = {
  ...noLimits,
  id: 'tw3-orbiter',
  hostModuleId: 'hm-tw3-orbiter',
  name: 'Tianwen-3 orbiter',
  poolMassG: 15_000,
  poolPowerMw: 40_000,
  poolDataMbPerDay: 2_000,
  itemMaxLengthMm: 300,
  itemMaxWidthMm: 200,
  itemMaxHeightMm: 200,
  itemMinTempC: -50,
  itemMaxTempC: 70,
  mounting: 'inside',
};

/** Tianwen-3 service module: 5 kg. */
export const TW3_SERVICE_MODULE: ModuleOffer = {
  ...TW3_ORBITER,
  id: 'tw3-sm',
  hostModuleId: 'hm-tw3-sm',
  name: 'Tianwen-3 service module',
  poolMassG: 5_000,
};

/** A Chang'e-5 loan round: scooped regolith, 2 g kept back, at most 1.5 g per application (example figures). */
export const CE5_REGOLITH: SampleOffer = {
  id: 'ce5-scooped',
  sampleType: 'scooped_regolith',
  availableMg: 10_000,
  reserveMg: 2_000,
  maxPerRequestMg: 1_500,
};
export const CE5_DRILL: SampleOffer = {
  id: 'ce5-drill',
  sampleType: 'drill_core',
  availableMg: 3_000,
  reserveMg: 500,
  maxPerRequestMg: null,
};

/** An INRRI-like laser retroreflector for the Chang'e-7 lander: passive, small, within every limit. */
export const RETROREFLECTOR: PayloadRequest = {
  offerId: CE7_LANDER.id,
  name: 'Laser retroreflector array',
  massG: 1_200,
  avgPowerMw: 0,
  peakPowerMw: 0,
  dataMbPerDay: 0,
  lengthMm: 150,
  widthMm: 150,
  heightMm: 100,
  minTempC: -170,
  maxTempC: 70,
  mounting: 'outside',
  hazards: [],
};

/** A space-weather sensor package for the Tianwen-3 orbiter (~3 kg). */
export const SPACE_WEATHER: PayloadRequest = {
  offerId: TW3_ORBITER.id,
  name: 'Space-weather sensor package',
  massG: 3_000,
  avgPowerMw: 8_000,
  peakPowerMw: 12_000,
  dataMbPerDay: 200,
  lengthMm: 250,
  widthMm: 180,
  heightMm: 120,
  minTempC: -30,
  maxTempC: 50,
  mounting: 'inside',
  hazards: [],
};
