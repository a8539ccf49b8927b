import { request } from './api.js';

// Selection over HTTP, for the official's decision board. The answers are plain records (see
// src/services/selection/propose-selection.ts and list-selection-decisions.ts), described here.

export type SelectionStatus = 'optimal' | 'time_limit' | 'infeasible';
export type Outcome = 'selected' | 'conditional' | 'rejected';

export interface SelectionBudget {
  id: string;
  amount: number;
  unit?: string;
  label: string;
  used: number;
}

export interface SelectionProposalRow {
  id: string;
  title: string;
  country: string;
  meritSource: 'panel' | 'entered';
  merit: number;
  use: number[];
  minUse: number[] | null;
}

export interface BudgetChange {
  budget: string;
  extra: number;
  admittingSet: string[];
  admittingMerit: number;
}

export interface Explanation {
  id: string;
  decision: 'selected' | 'rejected';
  because: 'official' | 'merit' | 'resources' | 'rules' | 'tie';
  text: string;
  bindingBudgets: string[];
  meritLost?: number;
  meritIncrease?: number;
  budgetIncreases?: BudgetChange[];
  displaces?: string[];
  brings?: string[];
  displaced?: string[];
  conflict?: string[];
  exact: boolean;
}

export interface SweepPoint {
  budget: string;
  percent: number;
  amount: number;
  status: SelectionStatus;
  objective: number | null;
  selected: string[];
}

export interface Official {
  id: string;
  reason: string;
}

export interface SelectionRules {
  countryCap: number | null;
  minCountries: number | null;
  excludes: [string, string][];
  requires: { proposal: string; needs: string }[];
  mustSelect: Official[];
  mustReject: Official[];
  together: { id: string; members: string[] }[];
  allowPartialGrants: boolean;
}

export interface MergeGroup {
  id: string;
  name: string;
  members: string[];
}

export interface SelectionProposal {
  callId: string;
  status: SelectionStatus;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  selected: string[];
  used: number[];
  grants: { proposal: string; budget: string; requested: number; granted: number }[];
  dropped: { id: string; rule: string; text: string }[];
  conflict: string[];
  reasons: Explanation[];
  sweep: SweepPoint[];
  budgets: SelectionBudget[];
  proposals: SelectionProposalRow[];
  groups: MergeGroup[];
  unscored: string[];
  unscoredProposals: { id: string; title: string; country: string }[];
  rules: SelectionRules;
}

export interface DecisionInput {
  applicationId: string;
  outcome: Outcome;
  conditions?: string | null;
  reason: string;
}

export interface DecisionResult {
  status: string;
  merit: number;
  optimum: number | null;
  meritLost: number | null;
  selected: number;
  conditional: number;
  rejected: number;
}

export interface FrozenDecision {
  id: string;
  applicationId: string;
  outcome: Outcome;
  conditions: string | null;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  allocations: { sampleOfferId: string; massMg: number }[];
}

export type RulesInput = Omit<SelectionRules, 'together'>;

const enc = encodeURIComponent;
const base = (callId: string) => `/api/calls/${enc(callId)}/selection`;

export const selectionApi = {
  /** `quick`: the set, its bound and the budgets alone, without the re-solves behind reasons and the sweep. */
  proposal: (callId: string, quick: boolean, signal?: AbortSignal) =>
    request<SelectionProposal>('GET', `${base(callId)}/proposal${quick ? '?explain=false&sweep=false' : ''}`, undefined, signal),
  decisions: (callId: string, signal?: AbortSignal) =>
    request<FrozenDecision[]>('GET', `${base(callId)}/decisions`, undefined, signal),
  setMerits: (callId: string, merits: { applicationId: string; merit: number }[]) =>
    request<{ entered: number }>('POST', `${base(callId)}/merits`, { merits }),
  setRules: (callId: string, rules: RulesInput) => request<unknown>('PUT', `${base(callId)}/rules`, rules),
  setMergeGroups: (callId: string, groups: { name: string; members: string[] }[]) =>
    request<{ groups: MergeGroup[] }>('PUT', `${base(callId)}/merge-groups`, { groups }),
  decide: (callId: string, decisions: DecisionInput[]) =>
    request<DecisionResult>('POST', `${base(callId)}/decisions`, { decisions }),
};
