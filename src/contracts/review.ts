import { z } from 'zod';
import { BIDS, CONFIDENCES, RECOMMENDATIONS, REVIEW_STAGES } from '../domain/review/vocabulary.js';
import { Name, Timestamp, Uuid } from './common.js';

// Expert review over HTTP: rounds, the expert pool, conflicts with evidence, bids, assignments and
// reviews. Dates leave as ISO strings; scores are integers on each criterion's scale.

const Keyword = z.string().trim().min(1).max(80);

export const RoundBody = z.object({
  stage: z.enum(REVIEW_STAGES),
  title: Name,
  deadlineAt: Timestamp.describe('When reviews are due (ISO 8601).'),
  reviewsPerProposal: z.number().int().min(1).max(20).default(3),
  collectsBids: z.boolean().default(false),
  dualAnonymous: z.boolean().default(false).describe('Experts do not see who applied.'),
  sameCountryRule: z
    .enum(['off', 'lead', 'any_member'])
    .default('off')
    .describe('Whether an expert from the lead’s (or any member’s) country conflicts.'),
  coauthorWindowYears: z.number().int().min(0).max(50).default(3).describe('Co-authored papers this recent make a conflict.'),
});

export const Round = z.object({
  id: Uuid,
  callId: Uuid,
  stage: z.enum(REVIEW_STAGES),
  title: z.string(),
  deadlineAt: Timestamp,
  reviewsPerProposal: z.number().int(),
  collectsBids: z.boolean(),
  dualAnonymous: z.boolean(),
  sameCountryRule: z.string(),
  coauthorWindowYears: z.number().int(),
  status: z.string(),
});

export const ExpertBody = z.object({
  name: Name,
  email: z.email().max(254),
  orcid: z.string().max(60).nullable().optional(),
  institutionId: Uuid.nullable().optional(),
  countryCode: z.string().length(2).nullable().optional(),
  keywords: z.array(Keyword).max(30).default([]),
  statement: z.string().max(5_000).default(''),
  minLoad: z.number().int().min(0).max(200).default(0),
  maxLoad: z.number().int().min(0).max(200).default(6),
  locale: z.enum(['en', 'zh']).default('en'),
});

export const Expert = z.object({
  id: Uuid,
  callId: Uuid,
  name: z.string(),
  email: z.string(),
  orcid: z.string().nullable(),
  institutionId: z.string().nullable(),
  countryCode: z.string().nullable(),
  keywords: z.array(z.string()),
  statement: z.string(),
  minLoad: z.number().int(),
  maxLoad: z.number().int(),
  status: z.string(),
  synthetic: z.string().nullable(),
});

export const InvitationAnswer = z.object({ answer: z.enum(['accepted', 'declined']) });

export const Evidence = z.object({ kind: z.string(), text: z.string() });

export const Conflict = z.object({
  id: Uuid,
  expertId: Uuid,
  applicationId: Uuid,
  source: z.string(),
  evidence: z.array(Evidence),
  reason: z.string().nullable(),
  pinned: z.boolean(),
  waivedAt: Timestamp.nullable(),
  waivedBy: z.string().nullable(),
  waiverReason: z.string().nullable(),
});

export const DetectionResult = z.object({
  found: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  assignmentsReleased: z.number().int(),
});

export const DeclareByExpertBody = z.object({ applicationId: Uuid, reason: z.string().max(2_000) });
export const DeclareByApplicantBody = z.object({ expertId: Uuid, reason: z.string().max(2_000) });
export const WaiveBody = z.object({ justification: z.string().max(2_000) });

export const BidBody = z.object({ applicationId: Uuid, bid: z.enum(BIDS) });

const Pair = z.object({ expertId: Uuid, applicationId: Uuid });
export const ChangesetBody = z.object({
  add: z.array(Pair).max(100_000).default([]),
  remove: z.array(Pair).max(100_000).default([]),
  dryRun: z.boolean().default(false).describe('Check every change, then roll back.'),
  source: z.enum(['manual', 'solver']).default('manual').describe('Who proposed the changes (recorded on each assignment).'),
});
export const ChangesetResult = z.object({ added: z.number().int(), removed: z.number().int(), dryRun: z.boolean() });

const ScoreEntry = z.object({
  score: z.number().int().min(-1000).max(1000).nullable(),
  comment: z.string().max(10_000).default(''),
});
export const ReviewBody = z.object({
  scores: z.record(z.string().max(80), ScoreEntry),
  confidence: z.enum(CONFIDENCES).nullable().default(null),
  recommendation: z.enum(RECOMMENDATIONS).nullable().default(null),
  comment: z.string().max(20_000).default(''),
  revision: z.number().int().min(0).describe('The revision last loaded (0 for a new review).'),
});

export const Review = z.object({
  id: Uuid,
  assignmentId: Uuid,
  scores: z.record(z.string(), z.object({ score: z.number().nullable(), comment: z.string() })),
  confidence: z.string().nullable(),
  recommendation: z.string().nullable(),
  comment: z.string(),
  status: z.string(),
  revision: z.number().int(),
  submittedAt: Timestamp.nullable(),
});

export const ExpertProfileBody = z
  .object({
    keywords: z.array(Keyword).max(30),
    statement: z.string().max(5_000),
    minLoad: z.number().int().min(0).max(200),
    maxLoad: z.number().int().min(0).max(200),
    orcid: z.string().max(60).nullable(),
    institutionId: Uuid.nullable(),
    countryCode: z.string().length(2).nullable(),
  })
  .partial()
  .strict();

export const PublicationsImportBody = z.object({
  text: z.string().min(1).max(2_000_000).describe('A CSV (title,year,doi,coauthors) or BibTeX file.'),
});
export const Publication = z.object({
  id: Uuid,
  title: z.string(),
  year: z.number().int(),
  doi: z.string().nullable(),
  coauthors: z.array(z.string()),
});
export const ImportResult = z.object({
  imported: z.number().int(),
  issues: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
});

export const ProposalBody = z.object({
  mode: z
    .enum(['total', 'fair'])
    .default('total')
    .describe('total: most affinity overall; fair: the worst-served proposal first, then the total.'),
  allowChurn: z.boolean().default(false).describe('Let the solver move existing assignments.'),
});
const ScoredPair = z.object({ expertId: Uuid, applicationId: Uuid, affinity: z.number() });
export const AssignmentProposal = z.object({
  status: z.string(),
  totalAffinity: z.number().nullable(),
  worstAffinity: z.number().nullable(),
  reasons: z.array(z.string()),
  changeset: z.object({ add: z.array(ScoredPair), remove: z.array(Pair) }),
  kept: z.number().int(),
  loads: z.array(z.object({ expertId: Uuid, load: z.number().int(), maxLoad: z.number().int() })),
});

export const PanelEntryBody = z.object({
  consensus: z.enum(RECOMMENDATIONS).nullable(),
  reasons: z.string().max(10_000).default(''),
  discussion: z.string().max(50_000).default(''),
});
export const PanelEntry = z.object({
  applicationId: Uuid,
  consensus: z.string().nullable(),
  reasons: z.string(),
  discussion: z.string(),
});
