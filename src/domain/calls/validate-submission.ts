import type { ApplicationDocument } from '../../contracts/application-document.js';
import type { ErrorCode, FieldIssue } from '../errors.js';
import { normaliseOrcid } from '../partners/identifiers.js';
import {
  type AccommodationReasonCode,
  type AccommodationReport,
  type CallOffers,
  checkAccommodation,
  type OfferTotals,
} from './accommodation.js';
import { checkEligibility, type EligibilityRules, type EligibilityTeamMember } from './eligibility.js';
import type { ApplicationStage } from './vocabulary.js';

// Whether a document may be submitted: every problem at once, field by field, and the accommodation
// report. A letter of intent needs a title, an abstract and an eligible team; anything else it
// states (people, requests) must be valid but may be missing, and its accommodation `fail`s are
// reported, not blocking (the shortlist weighs them). A full proposal needs everything, and each
// `fail` of the check is an issue; `warn`s never block.

export const ABSTRACT_MAX_WORDS = 300;

export interface RequiredDocumentRule {
  key: string;
  name: string;
  required: boolean;
}

export interface SubmissionInput {
  call: {
    stages: number;
    requiredDocuments: RequiredDocumentRule[];
    eligibility: EligibilityRules;
    offers: CallOffers;
  };
  stage: ApplicationStage;
  document: ApplicationDocument;
  /** document.team resolved from the registry, in the same order (team[i] is document.team[i]). */
  team: EligibilityTeamMember[];
  /** The application's current (not removed) attachments. */
  attachments: { documentKey: string }[];
  /** Totals of the other submitted applications by offer id (for the oversubscription warning). */
  alreadyRequested?: Record<string, OfferTotals>;
}

export interface SubmissionVerdict {
  issues: FieldIssue[];
  check: AccommodationReport;
}

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** Words as a reader counts them (Intl word segmentation, so Chinese text counts words too). */
export function countWords(text: string): number {
  let n = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) n++;
  return n;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** A plausible address: one @, a dotted domain, no spaces, at most 254 characters. */
export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email.trim());
}

/** Reasons of the check that are not "over a limit" keep a more precise code. */
const REASON_ISSUE_CODE: Partial<Record<AccommodationReasonCode, ErrorCode>> = {
  unknown_offer: 'REFERENCE_NOT_FOUND',
  peak_below_avg: 'VALIDATION_FAILED',
  temperature_reversed: 'VALIDATION_FAILED',
};

const present = (s: string | undefined) => s !== undefined && s.trim() !== '';

const PAYLOAD_FIELDS = [
  ['name', 'Name the payload.'],
  ['massG', 'Give the mass in grams.'],
  ['avgPowerMw', 'Give the average power in milliwatts (0 for an unpowered item).'],
  ['peakPowerMw', 'Give the peak power in milliwatts (0 for an unpowered item).'],
  ['dataMbPerDay', 'Give the data volume in MB per day (0 when none).'],
  ['lengthMm', 'Give the length in millimetres.'],
  ['widthMm', 'Give the width in millimetres.'],
  ['heightMm', 'Give the height in millimetres.'],
  ['minTempC', 'Give the lowest temperature the payload tolerates (°C).'],
  ['maxTempC', 'Give the highest temperature the payload tolerates (°C).'],
  ['mounting', 'Say whether the payload mounts inside or outside.'],
] as const;

/** Quantities that must be more than zero (power and data may be 0). */
const POSITIVE_FIELDS = new Set(['massG', 'lengthMm', 'widthMm', 'heightMm']);

export function validateSubmission(input: SubmissionInput): SubmissionVerdict {
  const { call, stage, document } = input;
  const issues: FieldIssue[] = [];
  const add = (field: string, code: ErrorCode, message: string) => issues.push({ field, code, message });
  const full = stage === 'full_proposal';

  if (stage === 'letter_of_intent' && call.stages !== 2) {
    add('stage', 'VALIDATION_FAILED', 'This call takes no letters of intent; submit a full proposal.');
  }

  // Title and abstract.
  if (!present(document.title)) add('title', 'VALIDATION_FAILED', 'Give the application a title.');
  if (!present(document.abstract)) add('abstract', 'VALIDATION_FAILED', 'Write an abstract.');
  else {
    const words = countWords(document.abstract);
    if (words > ABSTRACT_MAX_WORDS)
      add('abstract', 'VALIDATION_FAILED', `The abstract has ${words} words; at most ${ABSTRACT_MAX_WORDS}.`);
  }

  // The experimental scheme.
  if (full) {
    const scheme = document.scheme;
    if (!present(scheme?.objectives)) add('scheme.objectives', 'VALIDATION_FAILED', 'State the objectives of the scheme.');
    if (!present(scheme?.methods)) add('scheme.methods', 'VALIDATION_FAILED', 'Describe the methods of the scheme.');
    if (!present(scheme?.expectedResults))
      add('scheme.expectedResults', 'VALIDATION_FAILED', 'State the results the scheme expects.');
  }

  // Team and eligibility.
  issues.push(...checkEligibility(call.eligibility, input.team));

  // People.
  const people = document.people ?? [];
  if (full && !people.some((p) => p.role === 'principal_investigator')) {
    add('people', 'VALIDATION_FAILED', 'Name at least one principal investigator.');
  }
  const teamIds = new Set((document.team ?? []).map((m) => m.institutionId));
  people.forEach((person, i) => {
    if (!present(person.name)) add(`people.${i}.name`, 'VALIDATION_FAILED', 'Give the person’s name.');
    if (present(person.orcid) && normaliseOrcid(person.orcid!) === null) {
      add(
        `people.${i}.orcid`,
        'INVALID_ORCID',
        `"${person.orcid}" is not a valid ORCID iD: four groups of four digits whose last character is the ISO 7064 check digit.`,
      );
    }
    if (present(person.email) && !isPlausibleEmail(person.email!)) {
      add(`people.${i}.email`, 'VALIDATION_FAILED', `"${person.email}" does not look like an e-mail address.`);
    }
    if (present(person.institutionId) && !teamIds.has(person.institutionId!)) {
      add(`people.${i}.institutionId`, 'VALIDATION_FAILED', 'The person’s institution is not one of the team’s institutions.');
    }
  });

  // Requests: at least one of what the call offers, each complete.
  const samples = document.sampleRequests ?? [];
  const payloads = document.payloadRequests ?? [];
  if (full && samples.length === 0 && payloads.length === 0) {
    const offersSamples = call.offers.samples.length > 0;
    const offersModules = call.offers.modules.length > 0;
    const what =
      offersSamples && offersModules
        ? 'Request at least one sample or one payload accommodation.'
        : offersModules
          ? 'Request accommodation for at least one payload.'
          : 'Request at least one sample.';
    add(offersSamples || !offersModules ? 'sampleRequests' : 'payloadRequests', 'VALIDATION_FAILED', what);
  }
  if (full) {
    samples.forEach((r, i) => {
      if (!present(r.offerId)) add(`sampleRequests.${i}.offerId`, 'VALIDATION_FAILED', 'Choose the sample type.');
      if (r.massMg === undefined) add(`sampleRequests.${i}.massMg`, 'VALIDATION_FAILED', 'Give the mass in milligrams.');
      else if (r.massMg <= 0) add(`sampleRequests.${i}.massMg`, 'VALIDATION_FAILED', 'The mass must be more than 0 mg.');
      if (r.form === undefined)
        add(`sampleRequests.${i}.form`, 'VALIDATION_FAILED', 'Choose the form (powder portion, rock fragment or thin section).');
    });
    payloads.forEach((r, i) => {
      if (!present(r.offerId)) add(`payloadRequests.${i}.offerId`, 'VALIDATION_FAILED', 'Choose the host module.');
      for (const [field, message] of PAYLOAD_FIELDS) {
        const value = r[field];
        if (value === undefined || (typeof value === 'string' && value.trim() === ''))
          add(`payloadRequests.${i}.${field}`, 'VALIDATION_FAILED', message);
        else if (POSITIVE_FIELDS.has(field) && typeof value === 'number' && value <= 0)
          add(`payloadRequests.${i}.${field}`, 'VALIDATION_FAILED', 'Must be more than 0.');
      }
    });
  }

  // Required documents (full proposals).
  if (full) {
    const attached = new Set(input.attachments.map((a) => a.documentKey));
    for (const doc of call.requiredDocuments) {
      if (doc.required && !attached.has(doc.key)) add(`attachments.${doc.key}`, 'VALIDATION_FAILED', `Attach the ${doc.name}.`);
    }
  }

  // The accommodation check.
  const check = checkAccommodation({
    offers: call.offers,
    sampleRequests: samples,
    payloadRequests: payloads,
    ...(input.alreadyRequested ? { alreadyRequested: input.alreadyRequested } : {}),
  });
  if (full) {
    for (const item of check.items) {
      for (const reason of item.reasons) {
        if (reason.severity === 'fail')
          add(reason.field ?? item.field, REASON_ISSUE_CODE[reason.code] ?? 'OVER_LIMIT', reason.message);
      }
    }
  }
  return { issues, check };
}
