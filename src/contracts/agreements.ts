import { z } from 'zod';
import { OBLIGATIONS } from '../domain/agreements/terms.js';
import {
  AGREEMENT_KINDS,
  AGREEMENT_LANGUAGES,
  AGREEMENT_STATUSES,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  PARTY_ROLES,
  SIGNATURE_METHODS,
} from '../domain/agreements/vocabulary.js';

const Text = z.string().trim().min(1).max(2000);
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A date, YYYY-MM-DD.');
const Sha256 = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/)
  .describe('SHA-256, 64 hexadecimal digits.');

export const SignatoryInput = z.object({
  partyRole: z.enum(PARTY_ROLES),
  partyName: Text,
  institutionId: z.uuid().nullable().optional(),
  signerName: Text,
  signerTitle: z.string().trim().max(300).nullable().optional(),
  email: z.email(),
});

export const MilestoneInput = z.object({ kind: z.enum(MILESTONE_KINDS), title: Text, dueOn: Day, owner: Text });

export const CreateAgreementBody = z.object({
  decisionId: z.uuid().describe('The selection decision (selected or conditional) the agreement carries out.'),
  signatories: z.array(SignatoryInput).min(2).max(20),
  milestones: z.array(MilestoneInput).max(50).optional(),
  languages: z.array(z.enum(AGREEMENT_LANGUAGES)).min(1).max(2).optional(),
});

export const SampleTerm = z.object({
  sampleType: z.string(),
  massMg: z.number().int(),
  allocationId: z.string().nullable().optional(),
});

export const AmendBody = z.object({
  note: Text.describe('What the amendment changes; printed in the new version.'),
  durationMonths: z.number().int().min(1).max(600).optional(),
  samples: z.array(SampleTerm).optional(),
});

export const SignBody = z.object({ documentSha256: Sha256.describe('The hash of the document as the signatory read it.') });

export const OnSiteQuery = z.object({
  signatoryId: z.uuid(),
  signerName: Text,
  place: Text,
  signedAt: z.string().describe('When it was signed (ISO 8601).'),
  filename: z.string().trim().min(1).max(200),
});

export const MilestoneBody = z.object({
  status: z.enum(MILESTONE_STATUSES).optional(),
  dueOn: Day.optional(),
  owner: Text.optional(),
  note: z.string().max(2000).nullable().optional(),
});

export const SettingsBody = z.object({
  loanDurationMonths: z.number().int().min(1).max(600),
  signatureWorkingDays: z.number().int().min(1).max(250),
});
export const Settings = SettingsBody.extend({ callId: z.string() });

export const Agreement = z.object({
  id: z.string(),
  seriesId: z.string(),
  reference: z.string(),
  version: z.number().int(),
  kind: z.enum(AGREEMENT_KINDS),
  status: z.enum(AGREEMENT_STATUSES),
  title: z.string(),
  programId: z.string(),
  callId: z.string().nullable(),
  decisionId: z.string().nullable(),
  institutionId: z.string(),
  terms: z.object({
    program: z.string(),
    callTitle: z.string().nullable(),
    partner: z.string(),
    partnerCountry: z.string().nullable(),
    purpose: z.string(),
    samples: z.array(SampleTerm),
    payloads: z.array(
      z.object({
        name: z.string(),
        hostModule: z.string(),
        massG: z.number().nullable(),
        avgPowerMw: z.number().nullable(),
        dataMbPerDay: z.number().nullable(),
      }),
    ),
    obligations: z.array(z.enum(OBLIGATIONS)),
    conditions: z.string().nullable(),
    amendmentNote: z.string().nullable(),
  }),
  languages: z.array(z.enum(AGREEMENT_LANGUAGES)),
  documentSha256: z.string().nullable().describe('SHA-256 of the document sent for signature.'),
  durationMonths: z.number().int().nullable(),
  signatureDeadline: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  sentAt: z.string().nullable(),
  inForceAt: z.string().nullable(),
  canManage: z.boolean(),
  signatories: z.array(
    z.object({
      id: z.string(),
      partyRole: z.enum(PARTY_ROLES),
      partyName: z.string(),
      signerName: z.string(),
      signerTitle: z.string().nullable(),
      email: z.string(),
      isMe: z.boolean(),
      signature: z
        .object({
          method: z.enum(SIGNATURE_METHODS),
          signedAt: z.string(),
          place: z.string().nullable(),
          scanFilename: z.string().nullable(),
          scanSha256: z.string().nullable(),
          confirmedSha256: z.string(),
        })
        .nullable(),
    }),
  ),
  milestones: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(MILESTONE_KINDS),
      title: z.string(),
      dueOn: z.string(),
      owner: z.string(),
      status: z.enum(MILESTONE_STATUSES),
      doneOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  versions: z.array(z.object({ id: z.string(), version: z.number().int(), status: z.enum(AGREEMENT_STATUSES) })),
});

export const AgreementSummary = z.object({
  id: z.string(),
  reference: z.string(),
  version: z.number().int(),
  kind: z.string(),
  status: z.string(),
  title: z.string(),
  callId: z.string().nullable(),
  decisionId: z.string().nullable(),
  institution: z.string(),
  signatureDeadline: z.string().nullable(),
  inForceAt: z.string().nullable(),
  signatories: z.number().int(),
  signatures: z.number().int(),
});

export const MyAgreement = z.object({
  id: z.string(),
  reference: z.string(),
  version: z.number().int(),
  kind: z.string(),
  status: z.string(),
  title: z.string(),
  institution: z.string(),
  partyName: z.string(),
  signed: z.boolean(),
  signatureDeadline: z.string().nullable(),
  inForceAt: z.string().nullable(),
});

export const PendingDecision = z.object({
  decisionId: z.string(),
  title: z.string(),
  institution: z.string().nullable(),
  outcome: z.string(),
  ownerEmail: z.string(),
  ownerName: z.string(),
});

export const ListQuery = z.object({ callId: z.uuid().optional(), status: z.enum(AGREEMENT_STATUSES).optional() });

export const Changed = z.object({ id: z.string(), status: z.string() }).passthrough();

export const OpenLoanBody = z.object({
  agreementId: z.uuid(),
  dueOn: Day.optional(),
  custodian: Text.describe('Who keeps the subsamples until shipment (the agency’s curation).'),
  items: z
    .array(
      z.object({
        sampleId: z.string().trim().min(1).describe('Parent sample to split from (id or number, e.g. CE5C0400).'),
        massUg: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('Whole micrograms.'),
        allocationId: z.uuid().nullable().optional(),
        container: z.string().trim().max(200).nullable().optional(),
      }),
    )
    .min(1)
    .max(100),
});

export const Loan = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  dueOn: z.string(),
  openedAt: z.string(),
  agreementId: z.string(),
  agreement: z.string(),
  borrower: z.string(),
  items: z.array(
    z.object({ number: z.string(), massUg: z.number(), custodian: z.string().nullable(), custodianKind: z.string().nullable() }),
  ),
});

export const OpenedLoan = z.object({
  id: z.string(),
  reference: z.string(),
  agreementId: z.string(),
  dueOn: z.string(),
  status: z.string(),
  items: z.array(z.object({ sampleId: z.string(), number: z.string(), massUg: z.number(), allocationId: z.string().nullable() })),
});

export const Standing = z.object({ institutionId: z.string(), blocked: z.boolean(), reasons: z.array(z.string()) });
