import type { AgreementKind } from './vocabulary.js';

/** What a party commits to; the document spells each out in every language of the agreement. */
export const OBLIGATIONS = [
  'annual_inventory',
  'research_reports',
  'acknowledge_publications',
  'return_or_consumption_record',
  'no_transfer',
  'interface_control',
  'flight_model_delivery',
  'data_sharing',
  'station_safety',
] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

/** The obligations each template carries. */
export const TEMPLATE_OBLIGATIONS: Record<AgreementKind, readonly Obligation[]> = {
  sample_loan: [
    'annual_inventory',
    'research_reports',
    'acknowledge_publications',
    'return_or_consumption_record',
    'no_transfer',
  ],
  payload_cooperation: ['interface_control', 'flight_model_delivery', 'data_sharing', 'acknowledge_publications'],
  station_experiment: ['station_safety', 'data_sharing', 'research_reports', 'acknowledge_publications'],
};

export interface SampleTerm {
  sampleType: string;
  massMg: number;
  allocationId?: string | null;
}

export interface PayloadTerm {
  name: string;
  hostModule: string;
  massG: number | null;
  avgPowerMw: number | null;
  dataMbPerDay: number | null;
}

/** The template's terms as filled in for one agreement (stored as the agreement's `terms`). */
export interface AgreementTerms {
  program: string;
  callTitle: string | null;
  partner: string;
  partnerCountry: string | null;
  purpose: string;
  samples: SampleTerm[];
  payloads: PayloadTerm[];
  obligations: Obligation[];
  /** The conditions of a conditional selection, carried into the agreement. */
  conditions: string | null;
  /** What an amendment changes, in the officer's words. */
  amendmentNote: string | null;
}

export const totalSampleMassMg = (terms: Pick<AgreementTerms, 'samples'>) => terms.samples.reduce((s, x) => s + x.massMg, 0);

/** Reads stored terms defensively: older or hand-written rows may lack a list. */
export function readTerms(raw: unknown): AgreementTerms {
  const t = (raw ?? {}) as Partial<AgreementTerms>;
  return {
    program: t.program ?? '',
    callTitle: t.callTitle ?? null,
    partner: t.partner ?? '',
    partnerCountry: t.partnerCountry ?? null,
    purpose: t.purpose ?? '',
    samples: t.samples ?? [],
    payloads: t.payloads ?? [],
    obligations: t.obligations ?? [],
    conditions: t.conditions ?? null,
    amendmentNote: t.amendmentNote ?? null,
  };
}
