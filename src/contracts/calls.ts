import { z } from 'zod';
import { APPLICATION_STAGES, APPLICATION_STATUSES, CALL_STATUSES, CHECK_RESULTS } from '../domain/calls/vocabulary.js';
import { FieldIssue, LongText, Name, Slug, Timestamp, Uuid } from './common.js';

// Calls (announcements of opportunity) and the applications partners send to them. Shapes only:
// the rules (windows, eligibility, accommodation, transitions) live in domain/calls.

const CountryCode = z.string().max(10).describe('ISO 3166-1 alpha-2 code, e.g. "FR" (checked against the assigned codes).');
const Mg = z.number().int().min(0).describe('Milligrams.');
const IntOpt = (what: string) => z.number().int().nullable().optional().describe(what);

export const CallStatus = z.enum(CALL_STATUSES).describe('draft → published → closed → in_review → decided; or cancelled.');
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export const ApplicationStage = z
  .enum(APPLICATION_STAGES)
  .describe('"letter_of_intent" (first stage of a two-stage call) or "full_proposal".');
export const CheckResult = z.enum(CHECK_RESULTS).describe('Accommodation check: pass, warn (near a limit) or fail.');

export const Eligibility = z
  .object({
    allowedCountries: z.array(CountryCode).max(300).optional().describe('Only team institutions from these countries.'),
    excludedCountries: z.array(CountryCode).max(300).optional().describe('No team institution from these countries.'),
    leadCountries: z.array(CountryCode).max(300).optional().describe('The lead institution must be from one of these.'),
    maxEntities: z.number().int().min(1).max(100).optional().describe('At most this many team institutions.'),
    allowInternationalOrganisations: z
      .boolean()
      .optional()
      .describe('Default true: institutions of international organisations (no country) may take part.'),
  })
  .describe('Who may apply; checked against the registry countries of the team institutions.');

export const RequiredDocument = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .max(60)
    .describe('Stable key attachments name, e.g. "technical_annex".'),
  name: Name.describe('What the applicant sees.'),
  required: z.boolean().default(true).describe('Submission is refused while a required document is missing.'),
  description: z.string().max(2_000).optional(),
});

export const CriterionInput = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .max(60)
    .describe('Stable key, e.g. "science".'),
  name: Name,
  description: z.string().max(2_000).optional(),
  weight: z.number().int().min(1).max(100).describe('Percentage points; the weights of a call sum to 100.'),
  scaleMin: z.number().int().default(1),
  scaleMax: z.number().int().default(5),
});

export const SampleOfferInput = z.object({
  sampleCollectionId: Uuid.describe('The sample collection of the registry.'),
  sampleType: z.string().min(1).max(100).describe('One of the collection’s sample types, e.g. "scooped regolith".'),
  availableMg: Mg.describe('Mass offered in this call (mg).'),
  reserveMg: Mg.default(0).describe('Part of the offered mass the agency keeps back (mg).'),
  maxPerRequestMg: Mg.optional().describe('Largest single request (mg).'),
});

export const ModuleOfferInput = z.object({
  hostModuleId: Uuid.describe('The host module of the registry (lander, orbiter, …).'),
  poolMassG: z.number().int().min(1).optional().describe('Total payload mass offered (g); default: the module’s pool.'),
  poolPowerMw: IntOpt('Total average power offered (mW); default from the host module.'),
  poolDataMbPerDay: IntOpt('Total downlink offered (MB/day); default from the host module.'),
  itemMaxMassG: IntOpt('Per-item mass limit (g); default from the host module.'),
  itemMaxAvgPowerMw: IntOpt('Per-item average power limit (mW).'),
  itemMaxPeakPowerMw: IntOpt('Per-item peak power limit (mW).'),
  itemMaxLengthMm: IntOpt('Per-item envelope (mm).'),
  itemMaxWidthMm: IntOpt('Per-item envelope (mm).'),
  itemMaxHeightMm: IntOpt('Per-item envelope (mm).'),
  itemMinTempC: IntOpt('Lowest operating temperature the module guarantees (°C).'),
  itemMaxTempC: IntOpt('Highest operating temperature the module guarantees (°C).'),
  mounting: z.enum(['inside', 'outside', 'either']).optional().describe('Default from the host module.'),
});

export const CreateCallBody = z
  .object({
    slug: Slug,
    programId: Uuid.describe('The program running the call; you must be one of its program officers.'),
    title: Name,
    summary: LongText.optional(),
    stages: z
      .union([z.literal(1), z.literal(2)])
      .default(1)
      .describe('2: letters of intent first, then full proposals.'),
    timeZone: z.string().max(64).default('UTC').describe('IANA time zone the call shows its deadlines in.'),
    opensAt: Timestamp,
    loiClosesAt: Timestamp.nullable().optional().describe('Two-stage calls: the letter-of-intent deadline.'),
    closesAt: Timestamp.describe('The (full proposal) deadline.'),
    eligibility: Eligibility.default({}),
    requiredDocuments: z.array(RequiredDocument).max(30).default([]),
    criteria: z.array(CriterionInput).max(30).default([]),
    sampleOffers: z.array(SampleOfferInput).max(100).default([]),
    moduleOffers: z.array(ModuleOfferInput).max(30).default([]),
  })
  .strict();
export type CreateCallBody = z.infer<typeof CreateCallBody>;

export const UpdateCallBody = z
  .object({
    title: Name,
    summary: LongText.nullable(),
    stages: z.union([z.literal(1), z.literal(2)]),
    timeZone: z.string().max(64),
    opensAt: Timestamp,
    loiClosesAt: Timestamp.nullable(),
    closesAt: Timestamp,
    eligibility: Eligibility,
    requiredDocuments: z.array(RequiredDocument).max(30),
    criteria: z.array(CriterionInput).max(30),
    sampleOffers: z.array(SampleOfferInput).max(100),
    moduleOffers: z.array(ModuleOfferInput).max(30),
  })
  .partial()
  .strict()
  .describe('Drafts: any field (lists replace the old ones). Published calls: only a later closesAt.');
export type UpdateCallBody = z.infer<typeof UpdateCallBody>;

export const CallListQuery = z.object({
  status: CallStatus.optional(),
  programId: Uuid.optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .describe('"true": only the calls of programs you are program officer or selection official of, in every state you may see.'),
});

export const CallPermissions = z
  .object({
    edit: z.boolean().describe('PATCH /api/calls/:id: any field of a draft, a later deadline of a published call.'),
    publish: z.boolean(),
    close: z.boolean(),
    cancel: z.boolean(),
    readApplications: z.boolean().describe('GET /api/calls/:id/applications and /stats.'),
    shortlist: z.boolean().describe('Decide letters of intent of this (two-stage) call.'),
    apply: z.boolean().describe('Your roles let you start an application (the window decides when).'),
  })
  .describe('What you may do with this call, by the same policy and state machine the API enforces.');

export const CallSummary = z.object({
  id: Uuid,
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  status: CallStatus,
  stages: z.number().int(),
  program: z.object({ id: Uuid, slug: z.string(), name: z.string() }),
  timeZone: z.string().describe('IANA zone the deadlines are shown in.'),
  opensAt: Timestamp,
  loiClosesAt: Timestamp.nullable(),
  closesAt: Timestamp,
  can: CallPermissions,
});

export const Criterion = z.object({
  id: Uuid,
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  weight: z.number().int(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
});

export const SampleOffer = z.object({
  id: Uuid.describe('The offer id sample requests name as offerId.'),
  sampleCollectionId: Uuid,
  collectionName: z.string(),
  sampleType: z.string(),
  availableMg: Mg,
  reserveMg: Mg,
  maxPerRequestMg: Mg.nullable(),
});

const nInt = z.number().int().nullable();
export const ModuleOffer = z.object({
  id: Uuid.describe('The offer id payload requests name as offerId.'),
  hostModuleId: Uuid,
  hostModuleName: z.string(),
  hostModuleKind: z.string(),
  poolMassG: z.number().int(),
  poolPowerMw: nInt,
  poolDataMbPerDay: nInt,
  itemMaxMassG: nInt,
  itemMaxAvgPowerMw: nInt,
  itemMaxPeakPowerMw: nInt,
  itemMaxLengthMm: nInt,
  itemMaxWidthMm: nInt,
  itemMaxHeightMm: nInt,
  itemMinTempC: nInt,
  itemMaxTempC: nInt,
  mounting: z.string(),
});

export const SubmissionWindow = z.object({
  stage: ApplicationStage,
  opensAt: Timestamp,
  closesAt: Timestamp,
  closesAtLocal: z.string().describe('The deadline written in the call’s time zone.'),
  open: z.boolean().describe('Whether submissions for this stage are accepted now (by the server clock).'),
  reason: z.string().optional().describe('Why not, when closed.'),
});

export const CallDetail = CallSummary.extend({
  eligibility: Eligibility,
  requiredDocuments: z.array(RequiredDocument.extend({ required: z.boolean() })),
  criteria: z.array(Criterion),
  sampleOffers: z.array(SampleOffer),
  moduleOffers: z.array(ModuleOffer),
  windows: z.array(SubmissionWindow).describe('One per stage.'),
  serverNow: Timestamp.describe('The server clock, so a countdown does not trust the viewer’s clock.'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CallDetail = z.infer<typeof CallDetail>;

export const IdOrSlugParams = z.object({ idOrSlug: z.string().max(100).describe('The call id or its slug.') });

// ---- Applications -------------------------------------------------------------------------

export const CreateApplicationBody = z
  .object({
    stage: ApplicationStage.optional().describe(
      'Default: letter_of_intent in a two-stage call, full_proposal otherwise. A full proposal of a two-stage call needs your shortlisted letter of intent.',
    ),
  })
  .strict();

export const SaveDraftBody = z.object({
  document: z.unknown().describe('The application document (contracts/application-document.ts); may be incomplete.'),
  baseRevision: z.number().int().min(0).describe('The draftRevision this edit started from; a stale one gives 409.'),
});

export const SavedDraft = z.object({
  id: Uuid,
  draftRevision: z.number().int().describe('The new revision; send it as baseRevision next time.'),
  savedAt: Timestamp,
});

export const SubmitBody = z.object({
  revision: z.number().int().min(0).describe('The draftRevision being submitted (what the applicant saw).'),
});

export const ShortlistBody = z.object({ decision: z.enum(['shortlisted', 'not_shortlisted']) });

export const AccommodationReason = z.object({
  code: z.string().describe('Stable reason code, e.g. "mass_over_item_limit".'),
  message: z.string().describe('A sentence in units people read.'),
  field: z.string().optional().describe('The field of the request, e.g. "payloadRequests.0.massG".'),
  severity: z.enum(['warn', 'fail']),
});
export const AccommodationItem = z.object({
  field: z.string().describe('The request, e.g. "payloadRequests.0".'),
  kind: z.enum(['sample', 'payload']),
  offerId: z.string(),
  result: CheckResult,
  reasons: z.array(AccommodationReason),
});
export const CheckReport = z
  .object({ result: CheckResult, items: z.array(AccommodationItem) })
  .describe('Whether the requests fit the offers (limits, pools, what others already asked).');

export const CheckResponse = z.object({
  revision: z.number().int().describe('The draft revision checked.'),
  issues: z.array(FieldIssue).describe('Everything that would refuse a submission now, all at once.'),
  check: CheckReport,
  window: z.object({ open: z.boolean(), closesAt: Timestamp, reason: z.string().optional() }),
});

export const Attachment = z.object({
  id: Uuid,
  documentKey: z.string().describe('The required document it answers.'),
  filename: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('Hex SHA-256 of the content.'),
  uploadedAt: Timestamp,
});

export const FullProposalStep = z
  .object({
    applicationId: Uuid.nullable().describe('Your full proposal to the call, once started.'),
    canStart: z.boolean().describe('True while the full-proposal window is open and none is started yet.'),
    closesAt: Timestamp.describe('The full-proposal deadline.'),
    reason: z.string().optional().describe('Why it cannot be started, when it cannot.'),
  })
  .describe('Shortlisted letters of intent: the full proposal that follows (POST /api/calls/:id/applications).');

export const ApplicationSummary = z.object({
  id: Uuid,
  callId: Uuid,
  callSlug: z.string(),
  callTitle: z.string(),
  stage: ApplicationStage,
  status: ApplicationStatus,
  title: z.string(),
  draftRevision: z.number().int(),
  submittedVersion: z.number().int().nullable(),
  submittedAt: Timestamp.nullable(),
  checkResult: CheckResult.nullable(),
  closesAt: Timestamp.describe('Deadline of the application’s stage.'),
  updatedAt: Timestamp,
  fullProposal: FullProposalStep.nullable().optional().describe('Given to the owner of a shortlisted letter of intent.'),
});

export const ApplicationDetail = ApplicationSummary.extend({
  ownerAccountId: Uuid,
  draft: z
    .record(z.string(), z.unknown())
    .describe('For the owner, the saved draft document; for staff, the content of the version in `shownVersion`.'),
  shownVersion: z
    .number()
    .int()
    .nullable()
    .describe(
      'null: `draft` is the live draft (the owner’s view). A number: `draft`, `title` and `attachments` are that submitted version as it was submitted (what officers and officials read, never a draft being amended).',
    ),
  versions: z.array(z.object({ version: z.number().int(), submittedAt: Timestamp, draftRevision: z.number().int() })),
  check: CheckReport.nullable().describe('The accommodation check of the current submitted version.'),
  attachments: z.array(Attachment),
});

export const SubmittedApplication = z
  .object({
    id: Uuid,
    callId: Uuid,
    callSlug: z.string(),
    callTitle: z.string(),
    stage: ApplicationStage,
    status: ApplicationStatus,
    title: z.string(),
    version: z.number().int().describe('The current submitted version, shown here.'),
    submittedAt: Timestamp,
    versions: z.array(z.object({ version: z.number().int(), submittedAt: Timestamp })),
    document: z.record(z.string(), z.unknown()).describe('The application document of that version, as submitted.'),
    institutions: z
      .array(z.object({ id: Uuid, name: z.string(), countryCode: z.string().nullable() }))
      .describe('The registry institutions the document names.'),
    check: CheckReport.describe('The accommodation check recorded at submission.'),
    attachments: z.array(Attachment).describe('The attachments as they stood when this version was submitted.'),
    can: z.object({ shortlist: z.boolean() }),
  })
  .describe('What staff read: the submitted version, never the live draft.');

export const SubmitResult = z.object({
  id: Uuid,
  status: ApplicationStatus,
  version: z.number().int().describe('The version this submission wrote (or had written, for a repeat).'),
  submittedAt: Timestamp.describe('By the database clock.'),
  repeated: z.boolean().describe('True when this revision had been submitted already: nothing new was written.'),
  check: CheckReport,
});

export const CallApplicationsQuery = z.object({
  country: CountryCode.optional().describe('Lead country.'),
  status: ApplicationStatus.optional(),
  check: CheckResult.optional(),
});

export const CallApplicationRow = z.object({
  id: Uuid,
  title: z.string(),
  stage: ApplicationStage,
  status: ApplicationStatus,
  leadInstitution: z.object({ id: Uuid, name: z.string() }).nullable(),
  leadCountry: z.string().nullable(),
  checkResult: CheckResult.nullable(),
  submittedVersion: z.number().int().nullable(),
  submittedAt: Timestamp.nullable(),
  requestedMassMg: z.number().int().describe('Sum of sample requests of the current version (mg).'),
  requestedMassG: z.number().int().describe('Sum of payload masses of the current version (g).'),
  requestedPowerMw: z.number().int().describe('Sum of payload average power of the current version (mW).'),
  requests: z.number().int().describe('Number of requests of the current version.'),
});
export type CallApplicationRow = z.infer<typeof CallApplicationRow>;

export const CallApplicationListRow = CallApplicationRow.extend({
  can: z
    .object({ shortlist: z.boolean().describe('An undecided letter of intent you may shortlist or turn down now.') })
    .describe('What you may do with this application.'),
});

export const ExportQuery = CallApplicationsQuery.extend({ format: z.enum(['csv', 'json']).default('csv') });

export const CallStats = z.object({
  callId: Uuid,
  stage: z
    .enum(APPLICATION_STAGES)
    .describe('The stage counted: full proposals once a two-stage call has any, its letters of intent before.'),
  applications: z.number().int().describe('Submitted applications of that stage (current versions; withdrawn ones excluded).'),
  byCountry: z.array(
    z.object({
      countryCode: z.string().nullable().describe('null: institutions of international organisations.'),
      teamInstitutions: z.number().int().describe('Team places held by institutions of this country, over all applications.'),
      applications: z.number().int().describe('Applications with at least one team institution of this country.'),
      leads: z.number().int().describe('Applications led from this country.'),
    }),
  ),
  sampleOffers: z.array(
    z.object({
      offerId: Uuid,
      sampleType: z.string(),
      collectionName: z.string(),
      offeredMg: z.number().int(),
      reserveMg: z.number().int(),
      requestedMg: z.number().int().describe('Sum over submitted applications’ current versions.'),
      requests: z.number().int(),
    }),
  ),
  moduleOffers: z.array(
    z.object({
      offerId: Uuid,
      hostModuleName: z.string(),
      offeredMassG: z.number().int(),
      requestedMassG: z.number().int(),
      requestedPowerMw: z.number().int(),
      requests: z.number().int(),
    }),
  ),
});

export const AttachmentQuery = z.object({
  documentKey: z.string().max(60).describe('Which required document this is.'),
  filename: z.string().min(1).max(255).describe('The original file name (shown, never trusted for the type).'),
});
