import { request } from '../../../api.js';
import type { RegistryChoices } from './editor-types.js';

interface Page<T> {
  items: T[];
}

const list = <T>(resource: string, signal?: AbortSignal) =>
  request<Page<T>>('GET', `/api/${resource}?pageSize=500&sort=name`, undefined, signal).then((p) => p.items);

/**
 * What the editor's selects offer, from the registry (small lists): the programs the person may run
 * calls for (officers: theirs; administrators: all), sample collections with their types, host modules.
 */
export async function loadRegistryChoices(officerOf: string[] | 'all', signal?: AbortSignal): Promise<RegistryChoices> {
  const [programs, collections, modules, missions] = await Promise.all([
    list<{ id: string; name: string }>('programs', signal),
    list<{ id: string; name: string; sampleTypes: string[] | null }>('sample-collections', signal),
    list<{ id: string; name: string; missionId: string }>('host-modules', signal),
    list<{ id: string; name: string }>('missions', signal),
  ]);
  const missionName = new Map(missions.map((m) => [m.id, m.name]));
  return {
    programs: programs.filter((p) => officerOf === 'all' || officerOf.includes(p.id)).map((p) => ({ id: p.id, name: p.name })),
    collections: collections.map((c) => ({ id: c.id, name: c.name, sampleTypes: c.sampleTypes ?? [] })),
    modules: modules
      .map((m) => ({ id: m.id, name: m.name, missionName: missionName.get(m.missionId) ?? '' }))
      .sort((a, b) => `${a.missionName} ${a.name}`.localeCompare(`${b.missionName} ${b.name}`)),
  };
}
