import type { z } from 'zod';
import type * as r from '../contracts/review.js';
import { request } from './api.js';

// Expert review over HTTP, for the expert's workspace, the review form, the officer's board and the
// applicant's conflicts section. The board and workspace answers are described here by hand: the
// server sends them as plain records (see src/services/review/get-review-board.ts and
// get-expert-workspace.ts).

export type Round = z.infer<typeof r.Round>;
export type RoundInput = z.input<typeof r.RoundBody>;
export type Expert = z.infer<typeof r.Expert>;
export type ExpertInput = z.input<typeof r.ExpertBody>;
export type Conflict = z.infer<typeof r.Conflict>;
export type Review = z.infer<typeof r.Review>;
export type ReviewInput = z.input<typeof r.ReviewBody>;
export type DetectionResult = z.infer<typeof r.DetectionResult>;
export type ChangesetResult = z.infer<typeof r.ChangesetResult>;
export type Bid = z.infer<typeof r.BidBody>['bid'];

export interface Criterion {
  key: string;
  name: string;
  description?: string | null;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface WorkspaceAssignment {
  id: string;
  applicationId: string;
  title: string;
  abstract: string;
  scheme: Record<string, string> | null;
  team: { institutions: { institutionId: string; role: string }[]; people: { name: string; role: string }[] } | null;
  review: Review | null;
}

export interface WorkspaceRound {
  round: Round;
  proposals: { id: string; title: string }[];
  /** The expert's own bids by proposal id (rounds that collect bids). */
  bids?: Record<string, Bid>;
  assignments: WorkspaceAssignment[];
}

export interface WorkspacePool {
  expert: Expert;
  call: { id: string; title: string; slug: string; timeZone: string } | null;
  criteria: Criterion[];
  conflicts: Conflict[];
  rounds: WorkspaceRound[];
}

export interface Workspace {
  pools: WorkspacePool[];
}

export interface Board {
  round: Round;
  call: { id: string; title: string; slug: string };
  experts: (Expert & { load: number })[];
  proposals: { id: string; title: string; leadCountry: string | null }[];
  conflicts: Conflict[];
  assignments: { id: string; expertId: string; applicationId: string; source: string; reviewStatus: string; late: boolean }[];
  bids: { expertId: string; applicationId: string; bid: Bid }[];
  /** Reminders the scheduled duty sent, oldest first: one per expert and threshold (hours before the deadline). */
  reminders: { expertId: string; thresholdHours: number; sentAt: string }[];
  progress: { assignments: number; submitted: number; proposals: number; demand: number; pastDeadline: boolean; late: number };
}

export interface Pair {
  expertId: string;
  applicationId: string;
}

export interface Proposal {
  status: 'optimal' | 'infeasible' | 'time_limit';
  totalAffinity: number | null;
  worstAffinity: number | null;
  reasons: string[];
  changeset: { add: (Pair & { affinity: number })[]; remove: Pair[] };
  kept: number;
  loads: { expertId: string; load: number; maxLoad: number }[];
}

export interface Calibration {
  proposals: {
    applicationId: string;
    title: string;
    reviews: number;
    rawMean: number | null;
    calibrated: number | null;
    low: number | null;
    high: number | null;
    rank: number | null;
  }[];
  experts: { expertId: string; name: string; bias: number; reviews: number }[];
  warnings: string[];
}

export type Consensus = 'select' | 'conditional' | 'reject';

export interface PanelEntry {
  applicationId: string;
  consensus: Consensus | null;
  reasons: string;
  discussion: string;
}

export interface Panel {
  entries: PanelEntry[];
  frozen: null | { frozenAt: string; frozenBy: string; sha256: string };
}

export interface Publication {
  id: string;
  title: string;
  year: number | null;
  doi: string | null;
  coauthors: string[];
}

export interface ImportIssue {
  field: string;
  code: string;
  message: string;
}

export interface ApplicantConflicts {
  pool: { expertId: string; name: string; institution: string | null }[];
  declared: Conflict[];
}

export type ExpertPatch = Partial<
  Pick<Expert, 'keywords' | 'statement' | 'minLoad' | 'maxLoad' | 'orcid' | 'institutionId' | 'countryCode'>
>;

const enc = encodeURIComponent;
const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});

export const reviewApi = {
  workspace: (signal?: AbortSignal) => get<Workspace>('/api/review/workspace', signal),
  answer: (expertId: string, answer: 'accepted' | 'declined') => post<Expert>(`/api/experts/${enc(expertId)}/answer`, { answer }),
  declareAsExpert: (expertId: string, applicationId: string, reason: string) =>
    post<Conflict>(`/api/experts/${enc(expertId)}/conflicts`, { applicationId, reason }),
  bid: (roundId: string, applicationId: string, bid: Bid) =>
    post<{ bid: string }>(`/api/review-rounds/${enc(roundId)}/bids`, { applicationId, bid }),
  saveDraft: (assignmentId: string, body: ReviewInput) =>
    request<Review>('PUT', `/api/assignments/${enc(assignmentId)}/review`, body),
  submit: (assignmentId: string, body: ReviewInput) => post<Review>(`/api/assignments/${enc(assignmentId)}/review/submit`, body),
  updateExpert: (expertId: string, patch: ExpertPatch) => request<Expert>('PATCH', `/api/experts/${enc(expertId)}`, patch),
  publications: (expertId: string, signal?: AbortSignal) =>
    get<Publication[]>(`/api/experts/${enc(expertId)}/publications`, signal),
  importPublications: (expertId: string, text: string) =>
    post<{ imported: number; issues: ImportIssue[] }>(`/api/experts/${enc(expertId)}/publications`, { text }),

  // The officer's side.
  rounds: (callId: string, signal?: AbortSignal) => get<Round[]>(`/api/calls/${enc(callId)}/review-rounds`, signal),
  openRound: (callId: string, body: RoundInput) => post<Round>(`/api/calls/${enc(callId)}/review-rounds`, body),
  board: (roundId: string, signal?: AbortSignal) => get<Board>(`/api/review-rounds/${enc(roundId)}/board`, signal),
  invite: (callId: string, body: ExpertInput) => post<Expert>(`/api/calls/${enc(callId)}/experts`, body),
  detect: (roundId: string) => post<DetectionResult>(`/api/review-rounds/${enc(roundId)}/detect-conflicts`),
  waive: (conflictId: string, justification: string) =>
    post<Conflict>(`/api/conflicts/${enc(conflictId)}/waive`, { justification }),
  pin: (conflictId: string) => post<Conflict>(`/api/conflicts/${enc(conflictId)}/pin`),
  applyChanges: (roundId: string, body: { add: Pair[]; remove: Pair[]; dryRun: boolean; source?: 'solver' | 'manual' }) =>
    post<ChangesetResult>(`/api/review-rounds/${enc(roundId)}/assignments`, body),
  propose: (roundId: string, mode: 'total' | 'fair', allowChurn: boolean) =>
    post<Proposal>(`/api/review-rounds/${enc(roundId)}/assignment-proposal`, { mode, allowChurn }),
  calibration: (roundId: string, signal?: AbortSignal) =>
    get<Calibration>(`/api/review-rounds/${enc(roundId)}/calibration`, signal),
  panel: (roundId: string, signal?: AbortSignal) => get<Panel>(`/api/review-rounds/${enc(roundId)}/panel`, signal),
  savePanelEntry: (roundId: string, applicationId: string, entry: Omit<PanelEntry, 'applicationId'>) =>
    request<PanelEntry>('PUT', `/api/review-rounds/${enc(roundId)}/panel/${enc(applicationId)}`, entry),
  freezePanel: (roundId: string) => post<Panel['frozen']>(`/api/review-rounds/${enc(roundId)}/panel/freeze`),

  // The applicant's side.
  applicantConflicts: (applicationId: string, signal?: AbortSignal) =>
    get<ApplicantConflicts>(`/api/applications/${enc(applicationId)}/conflicts`, signal),
  declareAsApplicant: (applicationId: string, expertId: string, reason: string) =>
    post<Conflict>(`/api/applications/${enc(applicationId)}/conflicts`, { expertId, reason }),
  withdraw: (conflictId: string) => request<{ id: string }>('DELETE', `/api/conflicts/${enc(conflictId)}`),
};

/** A 404 from an endpoint the server does not have yet (as opposed to a missing record). */
export const notAvailableYet = (error: unknown) =>
  error instanceof Error && 'status' in error && (error as { status: number }).status === 404 && /^No route /.test(error.message);
