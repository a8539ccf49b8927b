import { z } from 'zod';
import { SAMPLE_STATUSES, SAMPLE_USES } from '../domain/samples/vocabulary.js';

// Masses are whole micrograms (integers), never floats; 1 mg = 1,000 µg.
const Micrograms = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('Mass in whole micrograms (µg).');
const Text = z.string().trim().min(1).max(2000);

export const Sample = z.object({
  id: z.string(),
  collectionId: z.string(),
  parentId: z.string().nullable(),
  number: z.string().describe('CE5C0400 for a parent; CE5C0400,12 for its 12th split.'),
  sampleType: z.string(),
  container: z.string().nullable(),
  storageLocation: z.string().nullable(),
  characterisation: z.string().nullable(),
  use: z.enum(SAMPLE_USES),
  status: z.enum(SAMPLE_STATUSES),
  declaredMassUg: z.number().int(),
  weighingToleranceUg: z.number().int(),
  availableUg: z.number().int().describe('The sum of its ledger entries.'),
});

export const SampleDetail = Sample.extend({
  accounts: z.object({
    remainderUg: z.number().int(),
    splitUg: z.number().int(),
    consumedUg: z.number().int(),
    lostUg: z.number().int(),
    outOnLoanUg: z.number().int(),
    unaccountedUg: z.number().int(),
    balances: z.boolean(),
  }),
  ledger: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      deltaUg: z.number().int(),
      counterpartSampleId: z.string().nullable(),
      reason: z.string().nullable(),
      actor: z.string(),
      at: z.string(),
    }),
  ),
});

export type GenealogyNodeShape = z.infer<typeof Sample> & { children: GenealogyNodeShape[] };
// The children are described, not recursed: a recursive schema becomes a $ref the OpenAPI document
// cannot resolve, and swagger-ui stops rendering at it.
const GenealogyNode = Sample.extend({
  children: z.array(z.any()).describe('Subsamples split from this one, each a node of this same shape, to any depth.'),
});
export const Genealogy = z.object({ ancestors: z.array(Sample), tree: GenealogyNode });

export const RegisterSampleBody = z.object({
  number: z.string().trim().min(1).max(40),
  sampleType: Text,
  massUg: Micrograms,
  weighingToleranceUg: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  use: z.enum(SAMPLE_USES).optional(),
  container: Text.nullable().optional(),
  storageLocation: Text.nullable().optional(),
  characterisation: z.string().max(20_000).nullable().optional(),
});

export const SplitBody = z.object({
  parts: z
    .array(
      z.object({
        massUg: Micrograms,
        use: z.enum(SAMPLE_USES).optional(),
        container: Text.nullable().optional(),
        storageLocation: Text.nullable().optional(),
        weighingToleranceUg: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      }),
    )
    .min(1)
    .max(1000),
  reason: Text.optional(),
});
export const SplitResult = z.object({ parent: Sample, subsamples: z.array(Sample) });

export const ConsumeBody = z.object({ massUg: Micrograms, reason: Text.describe('The analysis that consumed it.') });
export const LossBody = z.object({ kind: z.enum(['loss', 'contamination']), massUg: Micrograms, report: Text });

// Loans in custody (issue 10 items 4-6): shipments, receipts, discrepancies, returns, duties.
const MassUg = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('Mass in whole micrograms (µg).');
export const ShipmentBody = z.object({
  courier: Text.describe('The courier company.'),
  trackingNumber: Text,
  sealedContainerIds: z.array(z.string().trim().min(1).max(100)).min(1).max(100).describe('Ids of the sealed containers.'),
  items: z
    .array(
      z.object({
        loanItemId: z.string(),
        massUg: Micrograms.optional().describe('Packed mass; default: all that can go.'),
        containerId: z.string().trim().min(1).max(100),
      }),
    )
    .min(1)
    .max(1000)
    .describe('The packing list.'),
});
export const PlaceBody = z.object({ place: Text, note: Text.nullable().optional() });
export const HandoverBody = z.object({
  toHolder: Text.describe('Who takes it over.'),
  place: Text,
  note: Text.nullable().optional(),
});
export const ReceiptBody = z.object({
  place: Text,
  items: z
    .array(z.object({ shipmentItemId: z.string(), measuredMassUg: MassUg }))
    .min(1)
    .max(1000),
});
export const ResolutionBody = z.object({
  resolution: z.enum(['loss', 'remeasured']),
  remeasuredMassUg: MassUg.optional(),
  note: Text,
});
export const LoanUseBody = z.object({
  loanItemId: z.string(),
  kind: z.enum(['consume', 'loss', 'contamination']),
  massUg: Micrograms,
  reason: Text,
});
export const InventoryBody = z.object({
  lines: z
    .array(
      z.object({
        loanItemId: z.string(),
        massUg: MassUg,
        state: z.enum(['intact', 'partly_consumed', 'consumed', 'lost', 'contaminated']),
        location: Text,
      }),
    )
    .min(1)
    .max(1000),
  note: Text.nullable().optional(),
});
export const ResearchOutputBody = z.object({
  kind: z.enum(['report', 'publication']),
  title: Text,
  doi: z.string().max(300).nullable().optional().describe('10.xxxx/…; required for a publication.'),
  summary: z.string().max(20_000).nullable().optional(),
  sampleIds: z.array(z.string()).min(1).max(1000),
});
export const AuditSampleBody = z.object({ size: z.number().int().min(1).max(1000), seed: z.string().max(200).optional() });
