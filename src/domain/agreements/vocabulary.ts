/** The templates an agreement is made from, one per kind of program. */
export const AGREEMENT_KINDS = ['sample_loan', 'payload_cooperation', 'station_experiment'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/**
 * draft → awaiting_signatures → in_force → superseded (by an amendment in force) | terminated | expired.
 * A draft or an unsigned version may also be terminated (withdrawn).
 */
export const AGREEMENT_STATUSES = ['draft', 'awaiting_signatures', 'in_force', 'superseded', 'terminated', 'expired'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_LANGUAGES = ['en', 'zh'] as const;
export type AgreementLanguage = (typeof AGREEMENT_LANGUAGES)[number];

export const PARTY_ROLES = ['agency', 'partner', 'co_partner'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const SIGNATURE_METHODS = ['on_site', 'remote'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const MILESTONE_KINDS = ['icd', 'flight_model_delivery', 'integration', 'launch', 'data_delivery', 'other'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const LOAN_STATUSES = ['open', 'closed'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** Who holds a sample: the agency's curation (in store), a courier (in transit) or the borrower. */
export const CUSTODIAN_KINDS = ['agency', 'courier', 'borrower'] as const;
export type CustodianKind = (typeof CUSTODIAN_KINDS)[number];

/** Defaults of a call's agreement settings: CNSA's 10 working days to sign, NASA's 5-year loans. */
export const DEFAULT_SIGNATURE_WORKING_DAYS = 10;
export const DEFAULT_LOAN_DURATION_MONTHS = 60;
