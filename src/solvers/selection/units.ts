import { type Disabled, isActive } from './rules.js';
import type { Proposal, SelectionInstance } from './types.js';

/** One decision variable: a proposal, or a group of merged proposals selected all together. */
export interface Unit {
  /** Member proposal ids, sorted; the unit is named after the first. */
  members: string[];
  merit: number;
  /** Least use of each budget (partial grants at their minimum). */
  use: number[];
  /** Selected members per country, countries sorted. */
  countries: [string, number][];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Proposals in canonical (id) order, so the model does not depend on the order of the snapshot. */
export const canonicalProposals = (instance: SelectionInstance): Proposal[] => [...instance.proposals].sort(byId);

/** Merges the members of every active `together` group (union-find) into units, ordered by first member. */
export function buildUnits(instance: SelectionInstance, disabled?: Disabled): { units: Unit[]; unitOf: Map<string, number> } {
  const proposals = canonicalProposals(instance);
  const parent = new Map<string, string>(proposals.map((p) => [p.id, p.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  for (const group of instance.together ?? []) {
    if (!isActive(disabled, `together:${group.id}`)) continue;
    for (const member of group.members.slice(1)) {
      const [a, b] = [find(group.members[0] as string), find(member)];
      // The smaller id becomes the root, so a unit is named after its first member.
      if (a < b) parent.set(b, a);
      else if (b < a) parent.set(a, b);
    }
  }
  const byRoot = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const root = find(p.id);
    byRoot.set(root, [...(byRoot.get(root) ?? []), p]);
  }
  const m = instance.budgets.length;
  const units: Unit[] = [];
  const unitOf = new Map<string, number>();
  for (const members of byRoot.values()) {
    const countries = new Map<string, number>();
    const use = new Array<number>(m).fill(0);
    let merit = 0;
    for (const p of members) {
      merit += p.merit;
      countries.set(p.country, (countries.get(p.country) ?? 0) + 1);
      for (let r = 0; r < m; r++) use[r] = (use[r] as number) + ((p.minUse ?? p.use)[r] as number);
    }
    units.push({ members: members.map((p) => p.id), merit, use, countries: [...countries].sort(([a], [b]) => (a < b ? -1 : 1)) });
  }
  units.sort((a, b) => ((a.members[0] as string) < (b.members[0] as string) ? -1 : 1));
  units.forEach((u, i) => {
    for (const id of u.members) unitOf.set(id, i);
  });
  return { units, unitOf };
}
