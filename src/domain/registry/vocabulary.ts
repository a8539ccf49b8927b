/**
 * Closed vocabularies of the registry. They are data the schema checks and the UI lists; adding a
 * value is a migration (the CHECK constraints in the database mirror these lists).
 */
export const COUNTRY_KINDS = ['country', 'region'] as const;
export const ORGANISATION_KINDS = ['intergovernmental', 'united_nations', 'scientific_society', 'other'] as const;
export const INSTITUTION_KINDS = ['space_agency', 'university', 'research_institute', 'company', 'government', 'other'] as const;
export const TARGET_BODIES = ['moon', 'mars', 'earth_orbit', 'sun', 'asteroid', 'other'] as const;
export const MISSION_STATUSES = [
  'planned',
  'in_development',
  'launched',
  'operating',
  'completed',
  'failed',
  'cancelled',
] as const;
export const HOST_MODULE_KINDS = [
  'lander',
  'orbiter',
  'service_module',
  'rover',
  'rack',
  'external_adapter',
  'returner',
  'ascender',
] as const;
export const MOUNTINGS = ['inside', 'outside', 'either'] as const;
export const PROGRAM_KINDS = ['sample_loan', 'payload', 'station_experiment', 'partnership', 'bilateral'] as const;
export const PROGRAM_STATUSES = ['planned', 'open', 'running', 'completed'] as const;
export const PARTNERSHIP_KINDS = ['initiator', 'member', 'institutional_mou', 'work_package', 'co_lead'] as const;
export const PROJECT_LEVELS = ['mission', 'system', 'instrument', 'experiment', 'sample_loan', 'spacecraft'] as const;
export const PROJECT_STATUSES = [
  'selected',
  'conditionally_selected',
  'approved',
  'agreement_signed',
  'delivered',
  'flown',
  'completed',
] as const;
export const PARTICIPANT_ROLES = ['lead', 'partner'] as const;
export const CONFIDENCES = ['confirmed', 'unconfirmed'] as const;

export type CountryKind = (typeof COUNTRY_KINDS)[number];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export type TargetBody = (typeof TARGET_BODIES)[number];
export type MissionStatus = (typeof MISSION_STATUSES)[number];
export type HostModuleKind = (typeof HOST_MODULE_KINDS)[number];
export type Mounting = (typeof MOUNTINGS)[number];
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type Confidence = (typeof CONFIDENCES)[number];
