import { z } from 'zod';
import { HAZARDS, MOUNTING_SIDES, PERSON_ROLES, SAMPLE_FORMS, TEAM_ROLES } from '../domain/calls/vocabulary.js';

// The application as the applicant edits it. A draft may be incomplete or wrong anywhere (it is
// saved as typed); submission checks the whole document and lists every problem at once
// (domain/calls/validate-submission.ts). Units: mg for samples; g, mW, MB/day, mm, °C for payloads.

const Text = (max: number) => z.string().max(max);

export const TeamMember = z.object({
  institutionId: z.string().max(100).describe('An institution of the registry.'),
  role: z.enum(TEAM_ROLES),
});

export const TeamPerson = z.object({
  name: Text(300),
  email: Text(254).optional(),
  orcid: Text(60).optional(),
  institutionId: Text(100).optional(),
  role: z.enum(PERSON_ROLES),
});

export const Scheme = z
  .object({
    objectives: Text(20_000).default(''),
    methods: Text(20_000).default(''),
    expectedResults: Text(20_000).default(''),
    heritage: Text(20_000).default('').describe('Prior work, flight heritage, facilities.'),
  })
  .describe('The experimental scheme, as structured text.');

export const SampleRequest = z.object({
  offerId: Text(100).describe('The call sample offer (a sample type of a collection).'),
  massMg: z.number().int().min(0).max(1e9).optional(),
  form: z.enum(SAMPLE_FORMS).optional(),
  purpose: Text(2_000).optional(),
});

export const PayloadRequest = z.object({
  offerId: Text(100).describe('The call module offer (a host module).'),
  name: Text(200).optional(),
  massG: z.number().int().min(0).max(1e9).optional(),
  avgPowerMw: z.number().int().min(0).max(1e9).optional(),
  peakPowerMw: z.number().int().min(0).max(1e9).optional(),
  dataMbPerDay: z.number().int().min(0).max(1e9).optional(),
  lengthMm: z.number().int().min(0).max(1e6).optional(),
  widthMm: z.number().int().min(0).max(1e6).optional(),
  heightMm: z.number().int().min(0).max(1e6).optional(),
  minTempC: z.number().int().min(-273).max(1000).optional(),
  maxTempC: z.number().int().min(-273).max(1000).optional(),
  mounting: z.enum(MOUNTING_SIDES).optional(),
  hazards: z.array(z.enum(HAZARDS)).max(HAZARDS.length).default([]),
});

export const ApplicationDocument = z.object({
  title: Text(300).default(''),
  abstract: Text(5_000).default(''),
  team: z.array(TeamMember).max(50).default([]).describe('Institutions of the consortium; exactly one lead.'),
  people: z.array(TeamPerson).max(100).default([]),
  scheme: Scheme.default({ objectives: '', methods: '', expectedResults: '', heritage: '' }),
  sampleRequests: z.array(SampleRequest).max(100).default([]),
  payloadRequests: z.array(PayloadRequest).max(20).default([]),
});

export type ApplicationDocument = z.infer<typeof ApplicationDocument>;
export type SampleRequest = z.infer<typeof SampleRequest>;
export type PayloadRequest = z.infer<typeof PayloadRequest>;
