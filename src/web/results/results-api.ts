import { request } from '../api.js';

export interface ResultInstitution {
  slug: string;
  name: string;
  nativeName: string | null;
  role: 'lead' | 'partner';
  countryCode: string | null;
  countryName: string | null;
  homeKind: 'country' | 'region' | 'organisation';
  organisation: string | null;
}
export interface Headline {
  en: string;
  zh: string;
}
export interface CallResults {
  call: {
    slug: string;
    title: string;
    status: string;
    timeZone: string;
    opensAt: string;
    closesAt: string;
    program: { slug: string; name: string };
  };
  results: {
    unit: 'institutions' | 'projects';
    headline: Headline;
    decidedAt: string | null;
    projects: {
      title: string;
      outcome: 'selected' | 'conditional';
      institutions: ResultInstitution[];
      allocations: { sampleType: string; massMg: number }[];
    }[];
  } | null;
}
export interface ResultsListItem {
  slug: string;
  title: string;
  status: string;
  phase: 'open' | 'past' | 'decided';
  opensAt: string;
  closesAt: string;
  timeZone: string;
  program: { slug: string; name: string };
  decidedAt: string | null;
  headline: Headline | null;
  selected: number | null;
}
export interface LetterSummary {
  locale: 'en' | 'zh';
  filename: string;
  sha256: string;
  createdAt: string;
  outcome?: string;
}
export interface CallLetters {
  callId: string;
  status: string;
  decisions: { applicationId: string; title: string; outcome: string; letters: LetterSummary[] }[];
}

const enc = encodeURIComponent;

export const resultsApi = {
  list: (program: string | undefined, signal?: AbortSignal) =>
    request<ResultsListItem[]>('GET', `/api/results${program ? `?program=${enc(program)}` : ''}`, undefined, signal),
  call: (slug: string, signal?: AbortSignal) => request<CallResults>('GET', `/api/results/${enc(slug)}`, undefined, signal),
  csvUrl: (slug: string) => `/api/results/${enc(slug)}/download.csv`,
  jsonUrl: (slug: string) => `/api/results/${enc(slug)}/download.json`,
  callCalendarUrl: (slug: string) => `/api/calls/${enc(slug)}/calendar.ics`,
  applicationLetters: (id: string, signal?: AbortSignal) =>
    request<LetterSummary[]>('GET', `/api/applications/${enc(id)}/letters`, undefined, signal),
  letterUrl: (id: string, locale: string) => `/api/applications/${enc(id)}/letters/${enc(locale)}`,
  callLetters: (callId: string, signal?: AbortSignal) =>
    request<CallLetters>('GET', `/api/calls/${enc(callId)}/letters`, undefined, signal),
  sendLetters: (callId: string) =>
    request<{ generated: number; emailed: number; notEmailed: number; alreadySent: number }>(
      'POST',
      `/api/calls/${enc(callId)}/letters`,
    ),
  calendarFeed: (signal?: AbortSignal) =>
    request<{ exists: boolean; createdAt: string | null }>('GET', '/api/account/calendar-feed', undefined, signal),
  rotateCalendarFeed: () => request<{ url: string; createdAt: string }>('POST', '/api/account/calendar-feed'),
};
