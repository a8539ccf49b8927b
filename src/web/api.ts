import type {
  CountryList,
  CountryPage,
  InstitutionPage,
  MissionPage,
  PortalSummary,
  ProgramList,
  ProgramPage,
} from '../contracts/portal.js';

/** A failed API call; `status` 404 means the record does not exist. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new ApiError(response.status, problem?.detail ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as T;
}

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
