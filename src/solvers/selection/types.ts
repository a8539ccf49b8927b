/**
 * The selection snapshot and the solver's answer. Everything is an integer: merit is the panel's
 * calibrated score scaled to an integer, uses are in the budget's unit (g, mW, MB/day, mg).
 */

/** One physical budget: a module pool (g, mW, MB/day) or a sample type's mass less its reserve (mg). */
export interface Budget {
  id: string;
  amount: number;
  unit?: string;
}

export interface Proposal {
  id: string;
  country: string;
  merit: number;
  /** Amount of each budget the proposal asks for, in the order of `budgets`. */
  use: number[];
  /**
   * Partial grants: the least of each budget the proposal can still work with (same order as
   * `use`, each ≤ the request). Absent = every request is all or nothing.
   */
  minUse?: number[];
}

export interface OfficialDecision {
  id: string;
  reason: string;
}

export interface SelectionInstance {
  budgets: Budget[];
  /** At most this many selected proposals per country. */
  countryCap?: number;
  /** At least this many distinct countries among the selected proposals. */
  minCountries?: number;
  proposals: Proposal[];
  /** Pairs of proposals that exclude each other. */
  excludes?: [string, string][];
  /** `proposal` can only be selected together with `needs` (a rover needs its charging station). */
  requires?: { proposal: string; needs: string }[];
  /** Merged proposals: the members of a group are selected all together or not at all. */
  together?: { id: string; members: string[] }[];
  mustSelect?: OfficialDecision[];
  mustReject?: OfficialDecision[];
}

/**
 * A rule of the instance, named so a conflict can be reported: `budget:ID`, `countryCap`,
 * `minCountries`, `mustSelect:ID`, `mustReject:ID`, `requires:A>B`, `excludes:A|B`, `together:ID`.
 */
export type RuleId = string;
export const RULE_KINDS = [
  'budget',
  'countryCap',
  'minCountries',
  'mustSelect',
  'mustReject',
  'requires',
  'excludes',
  'together',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export type SelectionStatus = 'optimal' | 'time_limit' | 'infeasible';

export interface Grant {
  proposal: string;
  budget: string;
  requested: number;
  granted: number;
}

export interface DroppedProposal {
  id: string;
  /** The rule that keeps it out whatever else is chosen. */
  rule: RuleId;
  text: string;
}

export interface SelectionResult {
  status: SelectionStatus;
  /** Total merit of `selected`; null when no feasible set is known. */
  objective: number | null;
  /** Proven upper bound on the total merit of any feasible set. */
  bound: number | null;
  /** (bound − objective) / bound; 0 when optimal. */
  gap: number | null;
  /** Selected proposal ids, sorted. */
  selected: string[];
  /** Amount of each budget the selected set uses (partial grants at their granted amount). */
  used: number[];
  /** Partial grants below the request. */
  grants: Grant[];
  /** Proposals ruled out before the search, with the rule. */
  dropped: DroppedProposal[];
  /** When infeasible: an irreducible set of conflicting rules (deletion filter over the rules). */
  conflict?: RuleId[];
  /** Elastic solves only: the extra amount of the elastic budget the set needs. */
  slack?: number;
}
