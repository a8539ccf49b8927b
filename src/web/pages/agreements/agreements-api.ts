import type { z } from 'zod';
import type * as c from '../../../contracts/agreements.js';
import { request, uploadRaw } from '../../api.js';

export type Agreement = z.infer<typeof c.Agreement>;
export type AgreementSummary = z.infer<typeof c.AgreementSummary>;
export type MyAgreement = z.infer<typeof c.MyAgreement>;
export type PendingDecision = z.infer<typeof c.PendingDecision>;
export type Loan = z.infer<typeof c.Loan>;
export type SignatoryInput = z.input<typeof c.SignatoryInput>;
type Changed = { id: string; status: string; version?: number };

const enc = encodeURIComponent;

/** The agreements and loans API (src/server/routes/agreements.ts, loans.ts). */
export const agreementsApi = {
  list: (callId: string | null, signal?: AbortSignal) =>
    request<AgreementSummary[]>('GET', `/api/agreements${callId ? `?callId=${enc(callId)}` : ''}`, undefined, signal),
  mine: (signal?: AbortSignal) => request<MyAgreement[]>('GET', '/api/me/agreements', undefined, signal),
  get: (id: string, signal?: AbortSignal) => request<Agreement>('GET', `/api/agreements/${enc(id)}`, undefined, signal),
  candidates: (callId: string, signal?: AbortSignal) =>
    request<PendingDecision[]>('GET', `/api/calls/${enc(callId)}/agreement-candidates`, undefined, signal),
  create: (decisionId: string, signatories: SignatoryInput[]) =>
    request<Changed>('POST', '/api/agreements', { decisionId, signatories }),
  send: (id: string) => request<Changed>('POST', `/api/agreements/${enc(id)}/send`),
  sign: (id: string, documentSha256: string) => request<Changed>('POST', `/api/agreements/${enc(id)}/sign`, { documentSha256 }),
  amend: (id: string, note: string, durationMonths?: number) =>
    request<Changed>('POST', `/api/agreements/${enc(id)}/amendments`, { note, ...(durationMonths ? { durationMonths } : {}) }),
  recordOnSite: (
    id: string,
    fields: { signatoryId: string; signerName: string; place: string; signedAt: string; filename: string },
    scan: Blob,
  ) =>
    uploadRaw<Changed>(`/api/agreements/${enc(id)}/on-site-signatures?${new URLSearchParams(fields)}`, scan, 'application/pdf'),
  moveMilestone: (id: string, milestoneId: string, status: string) =>
    request<{ id: string }>('PATCH', `/api/agreements/${enc(id)}/milestones/${enc(milestoneId)}`, { status }),
  loans: (agreementId: string, signal?: AbortSignal) =>
    request<Loan[]>('GET', `/api/loans?agreementId=${enc(agreementId)}`, undefined, signal),
  openLoan: (body: {
    agreementId: string;
    custodian: string;
    dueOn?: string;
    items: { sampleId: string; massUg: number; allocationId?: string | null }[];
  }) => request<{ id: string; reference: string }>('POST', '/api/loans', body),
  documentUrl: (id: string) => `/api/agreements/${enc(id)}/document`,
  certificateUrl: (id: string) => `/api/agreements/${enc(id)}/certificate`,
  scanUrl: (id: string, signatoryId: string) => `/api/agreements/${enc(id)}/signatures/${enc(signatoryId)}/scan`,
};
