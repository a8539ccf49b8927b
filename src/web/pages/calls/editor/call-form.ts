import type { CallDetail, CallInput } from '../../../calls-api.js';
import { utcToZoned, zonedToUtc } from './zoned-time.js';

// The editor's state: what is typed (numbers as text, deadlines as wall-clock time in the call's zone),
// and its conversion to the API body. A value that is not a number is sent as typed, so the server's
// own check names the field and the message lands beside it.

export interface SampleOfferForm {
  sampleCollectionId: string;
  sampleType: string;
  availableMg: string;
  reserveMg: string;
  maxPerRequestMg: string;
}

/** The module offer's numbers and their units; each field's name is `offers.field.<key>` in the catalogue. */
export const MODULE_NUMBER_FIELDS = [
  ['poolMassG', 'g'],
  ['poolPowerMw', 'mW'],
  ['poolDataMbPerDay', 'MB/day'],
  ['itemMaxMassG', 'g'],
  ['itemMaxAvgPowerMw', 'mW'],
  ['itemMaxPeakPowerMw', 'mW'],
  ['itemMaxLengthMm', 'mm'],
  ['itemMaxWidthMm', 'mm'],
  ['itemMaxHeightMm', 'mm'],
  ['itemMinTempC', '°C'],
  ['itemMaxTempC', '°C'],
] as const;
export type ModuleNumberField = (typeof MODULE_NUMBER_FIELDS)[number][0];

export type ModuleOfferForm = { hostModuleId: string; mounting: string } & Record<ModuleNumberField, string>;

export interface CallForm {
  slug: string;
  programId: string;
  title: string;
  summary: string;
  stages: '1' | '2';
  timeZone: string;
  opensAt: string;
  loiClosesAt: string;
  closesAt: string;
  eligibility: {
    allowedCountries: string;
    excludedCountries: string;
    leadCountries: string;
    maxEntities: string;
    allowInternationalOrganisations: boolean;
  };
  criteria: { key: string; name: string; description: string; weight: string }[];
  requiredDocuments: { key: string; name: string; required: boolean; description: string }[];
  sampleOffers: SampleOfferForm[];
  moduleOffers: ModuleOfferForm[];
}

export const emptyCallForm = (programId = ''): CallForm => ({
  slug: '',
  programId,
  title: '',
  summary: '',
  stages: '1',
  timeZone: 'Asia/Shanghai',
  opensAt: '',
  loiClosesAt: '',
  closesAt: '',
  eligibility: {
    allowedCountries: '',
    excludedCountries: '',
    leadCountries: '',
    maxEntities: '',
    allowInternationalOrganisations: true,
  },
  criteria: [],
  requiredDocuments: [],
  sampleOffers: [],
  moduleOffers: [],
});

export const emptySampleOffer = (): SampleOfferForm => ({
  sampleCollectionId: '',
  sampleType: '',
  availableMg: '',
  reserveMg: '0',
  maxPerRequestMg: '',
});

export const emptyModuleOffer = (): ModuleOfferForm => ({
  hostModuleId: '',
  mounting: '',
  ...(Object.fromEntries(MODULE_NUMBER_FIELDS.map(([k]) => [k, ''])) as Record<ModuleNumberField, string>),
});

const text = (n: number | null | undefined) => (n == null ? '' : String(n));
const codes = (list: string[] | undefined) => (list ?? []).join(', ');

export function formOf(call: CallDetail): CallForm {
  const e = call.eligibility;
  return {
    slug: call.slug,
    programId: call.program.id,
    title: call.title,
    summary: call.summary ?? '',
    stages: call.stages === 2 ? '2' : '1',
    timeZone: call.timeZone,
    opensAt: utcToZoned(call.opensAt, call.timeZone),
    loiClosesAt: utcToZoned(call.loiClosesAt, call.timeZone),
    closesAt: utcToZoned(call.closesAt, call.timeZone),
    eligibility: {
      allowedCountries: codes(e.allowedCountries),
      excludedCountries: codes(e.excludedCountries),
      leadCountries: codes(e.leadCountries),
      maxEntities: text(e.maxEntities),
      allowInternationalOrganisations: e.allowInternationalOrganisations !== false,
    },
    criteria: call.criteria.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description ?? '',
      weight: String(c.weight),
    })),
    requiredDocuments: call.requiredDocuments.map((d) => ({
      key: d.key,
      name: d.name,
      required: d.required,
      description: d.description ?? '',
    })),
    sampleOffers: call.sampleOffers.map((o) => ({
      sampleCollectionId: o.sampleCollectionId,
      sampleType: o.sampleType,
      availableMg: String(o.availableMg),
      reserveMg: String(o.reserveMg),
      maxPerRequestMg: text(o.maxPerRequestMg),
    })),
    moduleOffers: call.moduleOffers.map((o) => ({
      hostModuleId: o.hostModuleId,
      mounting: o.mounting,
      ...(Object.fromEntries(MODULE_NUMBER_FIELDS.map(([k]) => [k, text(o[k])])) as Record<ModuleNumberField, string>),
    })),
  };
}

/** A typed whole number, or what was typed (the server refuses it by name); blank → undefined. */
function num(value: string): number | undefined {
  const s = value.trim();
  if (s === '') return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : (s as unknown as number);
}

const codeList = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);

const optionalText = (value: string) => (value.trim() ? value.trim() : undefined);

/** Deadlines in UTC; a value that cannot be read is sent as typed so the server names the field. */
const instant = (local: string, zone: string) => zonedToUtc(local, zone) ?? local;

/** The body of POST /api/calls (and, without slug and programId, of PATCH on a draft). */
export function bodyOf(form: CallForm): CallInput {
  const e = form.eligibility;
  const allowed = codeList(e.allowedCountries);
  const excluded = codeList(e.excludedCountries);
  const lead = codeList(e.leadCountries);
  return {
    slug: form.slug.trim(),
    programId: form.programId,
    title: form.title.trim(),
    summary: optionalText(form.summary),
    stages: form.stages === '2' ? 2 : 1,
    timeZone: form.timeZone,
    opensAt: instant(form.opensAt, form.timeZone),
    loiClosesAt: form.stages === '2' && form.loiClosesAt ? instant(form.loiClosesAt, form.timeZone) : null,
    closesAt: instant(form.closesAt, form.timeZone),
    eligibility: {
      ...(allowed.length ? { allowedCountries: allowed } : {}),
      ...(excluded.length ? { excludedCountries: excluded } : {}),
      ...(lead.length ? { leadCountries: lead } : {}),
      ...(num(e.maxEntities) !== undefined ? { maxEntities: num(e.maxEntities) } : {}),
      allowInternationalOrganisations: e.allowInternationalOrganisations,
    },
    criteria: form.criteria.map((c) => ({
      key: c.key.trim(),
      name: c.name.trim(),
      description: optionalText(c.description),
      weight: num(c.weight) as number,
    })),
    requiredDocuments: form.requiredDocuments.map((d) => ({
      key: d.key.trim(),
      name: d.name.trim(),
      required: d.required,
      description: optionalText(d.description),
    })),
    sampleOffers: form.sampleOffers.map((o) => ({
      sampleCollectionId: o.sampleCollectionId,
      sampleType: o.sampleType,
      availableMg: num(o.availableMg) as number,
      reserveMg: num(o.reserveMg) ?? 0,
      maxPerRequestMg: num(o.maxPerRequestMg),
    })),
    moduleOffers: form.moduleOffers.map((o) => ({
      hostModuleId: o.hostModuleId,
      ...(o.mounting ? { mounting: o.mounting as 'inside' | 'outside' | 'either' } : {}),
      ...Object.fromEntries(MODULE_NUMBER_FIELDS.map(([k]) => [k, num(o[k])]).filter(([, v]) => v !== undefined)),
    })),
  };
}

/** PATCH body: a draft takes every field but the slug and program; a published call only a later deadline. */
export function changeOf(form: CallForm, status: string) {
  const { slug: _slug, programId: _programId, ...rest } = bodyOf(form);
  if (status !== 'draft') return { closesAt: rest.closesAt };
  return { ...rest, summary: rest.summary ?? null };
}
