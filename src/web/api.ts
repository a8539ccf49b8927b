import { useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type * as accounts from '../contracts/accounts.js';
import type * as jobs from '../contracts/jobs.js';
import type {
  CountryList,
  CountryPage,
  InstitutionPage,
  MissionPage,
  PortalSummary,
  ProgramList,
  ProgramPage,
} from '../contracts/portal.js';
import type { Locale, Role, TokenScope } from '../domain/accounts/roles.js';
import { currentLanguage, i18n } from './i18n/index.js';

export type Account = z.infer<typeof accounts.Account>;
export type Grant = z.infer<typeof accounts.GrantShape>;
export type Session = z.infer<typeof accounts.Session>;
export type ApiToken = z.infer<typeof accounts.ApiToken>;
export type NewApiToken = z.infer<typeof accounts.NewApiToken>;
export type OutboxMessage = z.infer<typeof accounts.OutboxMessage>;
export type AuditRow = z.infer<typeof accounts.AuditRow>;
export type JobsOverview = z.infer<typeof jobs.JobsOverview>;
export type JobRun = z.infer<typeof jobs.JobRun>;
export type SignUpInput = z.input<typeof accounts.SignUpBody>;
export type InviteInput = z.input<typeof accounts.InviteBody>;
export type GrantInput = z.input<typeof accounts.GrantBody>;

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/** A failed API call, from the server's problem+json; `status` 404 means the record does not exist. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = 'UNKNOWN',
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

// ---- The session: who is signed in, and the CSRF token every cookie-authenticated write sends ----

export type SessionState =
  | { status: 'loading'; account: null; csrfToken: null }
  | { status: 'ready'; account: Account | null; csrfToken: string | null };

let session: SessionState = { status: 'loading', account: null, csrfToken: null };
const listeners = new Set<() => void>();

function setSession(next: SessionState) {
  session = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in person (or null), re-rendering whenever someone signs in or out. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => session);
}

export const isAdministrator = (account: Account | null) => !!account?.grants.some((g) => g.role === 'administrator');

let loading: Promise<void> | null = null;

/** Asks the server who is signed in; called once at start, and again when a call answers 401. */
export function refreshSession(): Promise<void> {
  loading ??= getJson<z.infer<typeof accounts.Me>>('/api/auth/me')
    .then(
      (me) => setSession({ status: 'ready', account: me.account, csrfToken: me.csrfToken }),
      () => setSession({ status: 'ready', account: null, csrfToken: null }),
    )
    .finally(() => {
      loading = null;
    });
  return loading;
}

// ---- Requests ----

async function problemOf(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => null)) as {
    detail?: string;
    code?: string;
    field?: string;
    errors?: FieldIssue[];
  } | null;
  const issues =
    problem?.errors ??
    (problem?.field ? [{ field: problem.field, code: problem.code ?? '', message: problem.detail ?? '' }] : []);
  return new ApiError(
    response.status,
    problem?.detail ?? i18n.t('api.serverAnswered', { ns: 'common', status: response.status }),
    problem?.code,
    issues,
  );
}

/** One JSON call to the API, with the CSRF header on writes; a problem+json answer throws an ApiError. */
export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  // The server words its errors in this language (unless the signed-in person chose another).
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) {
    const error = await problemOf(response);
    // The session ended elsewhere (signed out on another tab, revoked, expired): learn who we are now.
    if (response.status === 401 && session.account && path !== '/api/auth/me') void refreshSession();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sends a file as the raw request body (e.g. a PDF attachment), with the CSRF header. */
export async function uploadRaw<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
    'content-type': contentType,
  };
  if (session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
  const response = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

const getJson = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);

const enc = encodeURIComponent;

/** The public portal's read API (see src/server/routes/portal.ts). */
export const portalApi = {
  summary: (signal?: AbortSignal) => getJson<PortalSummary>('/api/portal/summary', signal),
  programs: (signal?: AbortSignal) => getJson<ProgramList>('/api/portal/programs', signal),
  countries: (signal?: AbortSignal) => getJson<CountryList>('/api/portal/countries', signal),
  program: (slug: string, signal?: AbortSignal) => getJson<ProgramPage>(`/api/portal/programs/${enc(slug)}`, signal),
  mission: (slug: string, signal?: AbortSignal) => getJson<MissionPage>(`/api/portal/missions/${enc(slug)}`, signal),
  institution: (slug: string, signal?: AbortSignal) => getJson<InstitutionPage>(`/api/portal/institutions/${enc(slug)}`, signal),
  country: (code: string, signal?: AbortSignal) => getJson<CountryPage>(`/api/portal/countries/${enc(code)}`, signal),
};

type Message = { message: string };

/** Signing in and out, signing up, and the e-mailed links (see src/server/routes/auth.ts). */
export const authApi = {
  async signIn(email: string, password: string) {
    const result = await post<{ account: Account; csrfToken: string }>('/api/auth/sign-in', { email, password });
    setSession({ status: 'ready', account: result.account, csrfToken: result.csrfToken });
    return result.account;
  },
  async signOut() {
    try {
      await post<void>('/api/auth/sign-out');
    } finally {
      setSession({ status: 'ready', account: null, csrfToken: null });
    }
  },
  signUp: (input: SignUpInput) => post<Message>('/api/auth/sign-up', input),
  verifyEmail: (token: string) => post<Message>('/api/auth/verify-email', { token }),
  requestPasswordReset: (email: string) => post<Message>('/api/auth/password-reset', { email }),
  resetPassword: (token: string, password: string) => post<Message>('/api/auth/password-reset/confirm', { token, password }),
  acceptInvitation: (token: string, password: string) => post<Message>('/api/auth/accept-invitation', { token, password }),
};

/** The signed-in person's own sessions and API tokens (see src/server/routes/account.ts). */
export const accountApi = {
  sessions: (signal?: AbortSignal) => getJson<Session[]>('/api/account/sessions', signal),
  revokeSession: (id: string) => post<void>(`/api/account/sessions/${enc(id)}/revoke`),
  tokens: (signal?: AbortSignal) => getJson<ApiToken[]>('/api/account/tokens', signal),
  createToken: (input: { name: string; scopes: TokenScope[]; expiresInDays: number | null }) =>
    post<NewApiToken>('/api/account/tokens', input),
  revokeToken: (id: string) => post<ApiToken>(`/api/account/tokens/${enc(id)}/revoke`),
  setLocale: async (locale: Locale) => {
    const answer = await request<{ locale: Locale }>('PUT', '/api/account/locale', { locale });
    await refreshSession();
    return answer;
  },
};

/** Administration (see src/server/routes/admin.ts). */
export const adminApi = {
  accounts: (signal?: AbortSignal) => getJson<Account[]>('/api/admin/accounts', signal),
  invite: (input: InviteInput) => post<{ id: string }>('/api/admin/invitations', input),
  grant: (accountId: string, input: { role: Role; scopeId: string | null }) =>
    post<Grant>(`/api/admin/accounts/${enc(accountId)}/grants`, input),
  revokeGrant: (grantId: string) => post<void>(`/api/admin/grants/${enc(grantId)}/revoke`),
  outbox: (signal?: AbortSignal) => getJson<OutboxMessage[]>('/api/admin/outbox', signal),
  audit: (beforeId: number | null, limit: number, signal?: AbortSignal) =>
    getJson<AuditRow[]>(`/api/admin/audit?limit=${limit}${beforeId ? `&beforeId=${beforeId}` : ''}`, signal),
  jobs: (signal?: AbortSignal) => getJson<JobsOverview>('/api/admin/jobs', signal),
};

/** A registry record reduced to what a picker shows. */
export interface Choice {
  id: string;
  label: string;
}

export type RegistryKind = 'institutions' | 'programs' | 'sample-collections';

interface Named {
  id: string;
  name: string;
  acronym?: string | null;
  nativeName?: string | null;
}

const choiceOf = (r: Named): Choice => ({ id: r.id, label: r.acronym ? `${r.name} (${r.acronym})` : r.name });

/** Registry look-ups for pickers: search by name, or name one record by its id. */
export const registryApi = {
  async search(kind: RegistryKind, q: string, signal?: AbortSignal): Promise<Choice[]> {
    const query = new URLSearchParams({ pageSize: '20', sort: 'name' });
    if (q.trim()) query.set('q', q.trim());
    const page = await getJson<{ items: Named[] }>(`/api/${kind}?${query}`, signal);
    return page.items.map(choiceOf);
  },
  async one(kind: RegistryKind, id: string): Promise<Choice> {
    return choiceOf(await getJson<Named>(`/api/${kind}/${enc(id)}`));
  },
};
