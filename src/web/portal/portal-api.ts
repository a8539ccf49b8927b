import type { InstitutionList, MissionList } from '../../contracts/portal.js';
import { request } from '../api.js';

// The portal's lists added for issue 11 (the pages' other reads are portalApi in ../api.ts).
export const portalListsApi = {
  missions: (signal?: AbortSignal) => request<MissionList>('GET', '/api/portal/missions', undefined, signal),
  institutions: (signal?: AbortSignal) => request<InstitutionList>('GET', '/api/portal/institutions', undefined, signal),
};
