// What conflict detection knows about experts and proposals: plain data the service gathers from
// the registry, the applications and the expert pool.

export interface Publication {
  title: string;
  year: number;
  doi?: string | null;
  /** Co-authors as written in the byline ("Zhang, Wei", "W. Zhang") or as ORCID iDs. */
  coauthors: readonly string[];
}

export interface ProjectRef {
  projectId: string;
  name: string;
}

export interface Affiliation {
  institutionId: string;
  institutionName: string;
  /** Parent organisations, nearest first (an institute's academy, a lab's university). */
  parents?: readonly { institutionId: string; institutionName: string }[];
}

/** Someone whose identity may meet another's: an expert, an applicant, a team member. */
export interface PersonProfile {
  /** The registry person or the account, when known; matched exactly. */
  personIds: readonly string[];
  name: string;
  emails: readonly string[];
  orcid?: string | null;
  affiliations: readonly Affiliation[];
  countryCode?: string | null;
  publications?: readonly Publication[];
  /** Registry projects the person takes part in. */
  projects?: readonly ProjectRef[];
}

export interface ExpertProfile extends PersonProfile {
  expertId: string;
}

export interface TeamInstitution extends Affiliation {
  countryCode: string | null;
  role: 'lead' | 'partner';
}

export interface ProposalProfile {
  proposalId: string;
  title: string;
  /** The account that submitted it, and everyone named on the team. */
  people: readonly (PersonProfile & { role: 'applicant' | 'member' })[];
  institutions: readonly TeamInstitution[];
  /** Registry projects the team's institutions or people take part in. */
  projects?: readonly ProjectRef[];
}

export type SameCountryRule = 'off' | 'lead' | 'any_member';

export interface ConflictRules {
  sameCountry: SameCountryRule;
  /** Co-authorship counts when the shared paper is at most this many years old. */
  coauthorWindowYears: number;
  /** The year the window counts back from (the call's year), passed in to keep the rule pure. */
  referenceYear: number;
}

export const CONFLICT_KINDS = [
  'own_proposal',
  'same_institution',
  'same_email_domain',
  'same_country',
  'coauthor',
  'shared_project',
  'declared_by_expert',
  'declared_by_applicant',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** One reason two parties conflict, with the fact that shows it. */
export interface ConflictEvidence {
  kind: ConflictKind;
  /** A sentence a person reads: "Both at University of Cologne", "Co-authored “…” (2023)". */
  text: string;
}

export interface DetectedConflict {
  expertId: string;
  proposalId: string;
  evidence: ConflictEvidence[];
}
