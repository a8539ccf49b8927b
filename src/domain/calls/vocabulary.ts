/** Closed vocabularies of calls and applications (the CHECK constraints mirror them). */
export const CALL_STATUSES = ['draft', 'published', 'closed', 'in_review', 'decided', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const APPLICATION_STATUSES = ['draft', 'submitted', 'withdrawn', 'shortlisted', 'not_shortlisted'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A two-stage call takes letters of intent first, then full proposals from the shortlist. */
export const APPLICATION_STAGES = ['letter_of_intent', 'full_proposal'] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

export const SAMPLE_FORMS = ['powder_portion', 'rock_fragment', 'thin_section'] as const;
export type SampleForm = (typeof SAMPLE_FORMS)[number];

export const HAZARDS = [
  'laser',
  'radioactive_source',
  'pressure_vessel',
  'high_voltage',
  'pyrotechnic',
  'magnetic_field',
  'toxic_material',
] as const;
export type Hazard = (typeof HAZARDS)[number];

export const MOUNTING_SIDES = ['inside', 'outside'] as const;
export type MountingSide = (typeof MOUNTING_SIDES)[number];

export const TEAM_ROLES = ['lead', 'partner'] as const;
export const PERSON_ROLES = ['principal_investigator', 'co_investigator'] as const;

export const CHECK_RESULTS = ['pass', 'warn', 'fail'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
