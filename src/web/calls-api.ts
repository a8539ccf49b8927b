import type { z } from 'zod';
import type { ApplicationDocument, PayloadRequest, SampleRequest } from '../contracts/application-document.js';
import type * as c from '../contracts/calls.js';
import type { ApplicationStage } from '../domain/calls/vocabulary.js';
import { request, uploadRaw } from './api.js';

// The calls and applications API (src/server/routes/calls.ts); shapes from src/contracts/calls.ts.

export type { ApplicationDocument, PayloadRequest, SampleRequest };
export type CallSummary = z.infer<typeof c.CallSummary>;
export type CallDetail = z.infer<typeof c.CallDetail>;
export type Eligibility = z.infer<typeof c.Eligibility>;
export type SampleOffer = z.infer<typeof c.SampleOffer>;
export type ModuleOffer = z.infer<typeof c.ModuleOffer>;
export type RequiredDocument = CallDetail['requiredDocuments'][number];
export type CheckItem = z.infer<typeof c.AccommodationItem>;
export type CheckReport = z.infer<typeof c.CheckReport>;
export type CheckAnswer = z.infer<typeof c.CheckResponse>;
export type Attachment = z.infer<typeof c.Attachment>;
export type ApplicationSummary = z.infer<typeof c.ApplicationSummary>;
export type ApplicationDetail = z.infer<typeof c.ApplicationDetail> & { serverNow?: string };
export type SavedDraft = z.infer<typeof c.SavedDraft>;
export type SubmitResult = z.infer<typeof c.SubmitResult>;
export type OfficerRow = z.infer<typeof c.CallApplicationListRow>;
export type SubmittedApplication = z.infer<typeof c.SubmittedApplication>;
export type CallPermissions = z.infer<typeof c.CallPermissions>;
export type CallInput = z.input<typeof c.CreateCallBody>;
export type CallChange = z.input<typeof c.UpdateCallBody>;
export type CallStats = z.infer<typeof c.CallStats>;
export type { ApplicationStage };

export interface CallList {
  items: CallSummary[];
  serverNow?: string;
}

const enc = encodeURIComponent;

/** Lists come as `{ items }`; a bare array is accepted too while the server settles. */
const itemsOf = <T>(answer: T[] | { items: T[] }): T[] => (Array.isArray(answer) ? answer : answer.items);

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) q.set(key, value);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export const callsApi = {
  async list(params: { status?: string; programId?: string; mine?: 'true' }, signal?: AbortSignal): Promise<CallList> {
    const answer = await request<CallSummary[] | CallList>('GET', `/api/calls${query(params)}`, undefined, signal);
    return Array.isArray(answer) ? { items: answer } : answer;
  },
  one: (idOrSlug: string, signal?: AbortSignal) => request<CallDetail>('GET', `/api/calls/${enc(idOrSlug)}`, undefined, signal),
  start: (callId: string, stage?: ApplicationStage) =>
    request<ApplicationDetail>('POST', `/api/calls/${enc(callId)}/applications`, stage ? { stage } : {}),
  applications: async (callId: string, filters: { country?: string; status?: string; check?: string }, signal?: AbortSignal) =>
    itemsOf(
      await request<OfficerRow[] | { items: OfficerRow[] }>(
        'GET',
        `/api/calls/${enc(callId)}/applications${query(filters)}`,
        undefined,
        signal,
      ),
    ),
  stats: (callId: string, signal?: AbortSignal) =>
    request<CallStats>('GET', `/api/calls/${enc(callId)}/stats`, undefined, signal),
  create: (input: CallInput) => request<CallDetail>('POST', '/api/calls', input),
  update: (callId: string, change: CallChange) => request<CallDetail>('PATCH', `/api/calls/${enc(callId)}`, change),
  transition: (callId: string, verb: 'publish' | 'close' | 'cancel') =>
    request<CallDetail>('POST', `/api/calls/${enc(callId)}/${verb}`),
  exportUrl: (callId: string, format: 'csv' | 'json') => `/api/calls/${enc(callId)}/applications/export?format=${format}`,
};

export const applicationsApi = {
  mine: async (signal?: AbortSignal) =>
    itemsOf(await request<ApplicationSummary[] | { items: ApplicationSummary[] }>('GET', '/api/applications', undefined, signal)),
  one: (id: string, signal?: AbortSignal) => request<ApplicationDetail>('GET', `/api/applications/${enc(id)}`, undefined, signal),
  submitted: (id: string, signal?: AbortSignal) =>
    request<SubmittedApplication>('GET', `/api/applications/${enc(id)}/submitted`, undefined, signal),
  saveDraft: (id: string, document: ApplicationDocument, baseRevision: number) =>
    request<SavedDraft>('PUT', `/api/applications/${enc(id)}/draft`, { document, baseRevision }),
  check: (id: string) => request<CheckAnswer>('POST', `/api/applications/${enc(id)}/check`),
  submit: (id: string, revision: number) => request<SubmitResult>('POST', `/api/applications/${enc(id)}/submit`, { revision }),
  withdraw: (id: string) => request<unknown>('POST', `/api/applications/${enc(id)}/withdraw`),
  shortlist: (id: string, decision: 'shortlisted' | 'not_shortlisted') =>
    request<unknown>('POST', `/api/applications/${enc(id)}/shortlist`, { decision }),
  upload: (id: string, documentKey: string, file: File) =>
    uploadRaw<Attachment>(
      `/api/applications/${enc(id)}/attachments${query({ documentKey, filename: file.name })}`,
      file,
      'application/pdf',
    ),
  attachmentUrl: (id: string, attId: string) => `/api/applications/${enc(id)}/attachments/${enc(attId)}`,
  removeAttachment: (id: string, attId: string) =>
    request<unknown>('POST', `/api/applications/${enc(id)}/attachments/${enc(attId)}/remove`),
};
