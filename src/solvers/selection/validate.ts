import { IssueList } from '../../domain/errors.js';
import type { SelectionInstance } from './types.js';

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** Checks a snapshot before it reaches the solver; every problem is reported at once (VALIDATION_FAILED). */
export function validateInstance(instance: SelectionInstance): void {
  const issues = new IssueList();
  const bad = (field: string, message: string) => issues.add(field, 'VALIDATION_FAILED', message);
  const m = instance.budgets.length;
  const budgetIds = new Set<string>();
  instance.budgets.forEach((b, r) => {
    if (!isCount(b.amount)) bad(`budgets.${r}.amount`, 'must be a non-negative integer');
    if (budgetIds.has(b.id)) bad(`budgets.${r}.id`, `duplicate budget id "${b.id}"`);
    budgetIds.add(b.id);
  });
  if (instance.countryCap !== undefined && !isCount(instance.countryCap)) bad('countryCap', 'must be a non-negative integer');
  if (instance.minCountries !== undefined && !isCount(instance.minCountries))
    bad('minCountries', 'must be a non-negative integer');
  const ids = new Set<string>();
  instance.proposals.forEach((p, i) => {
    if (typeof p.id !== 'string' || p.id === '') bad(`proposals.${i}.id`, 'must be a non-empty string');
    if (ids.has(p.id)) bad(`proposals.${i}.id`, `duplicate proposal id "${p.id}"`);
    ids.add(p.id);
    if (typeof p.country !== 'string' || p.country === '') bad(`proposals.${i}.country`, 'must be a non-empty string');
    if (!isCount(p.merit)) bad(`proposals.${i}.merit`, 'must be a non-negative integer');
    if (!Array.isArray(p.use) || p.use.length !== m || !p.use.every(isCount)) {
      bad(`proposals.${i}.use`, `must be ${m} non-negative integers, one per budget`);
    }
    if (p.minUse !== undefined) {
      const ok =
        Array.isArray(p.minUse) && p.minUse.length === m && p.minUse.every((v, r) => isCount(v) && v <= (p.use[r] ?? -1));
      if (!ok) bad(`proposals.${i}.minUse`, `must be ${m} non-negative integers, each at most the request`);
    }
  });
  const known = (field: string, id: string): void => {
    if (!ids.has(id)) bad(field, `unknown proposal "${id}"`);
  };
  for (const [i, [a, b]] of (instance.excludes ?? []).entries()) {
    known(`excludes.${i}.0`, a);
    known(`excludes.${i}.1`, b);
  }
  for (const [i, r] of (instance.requires ?? []).entries()) {
    known(`requires.${i}.proposal`, r.proposal);
    known(`requires.${i}.needs`, r.needs);
  }
  for (const [i, g] of (instance.together ?? []).entries()) {
    for (const [k, id] of g.members.entries()) known(`together.${i}.members.${k}`, id);
  }
  for (const [i, d] of (instance.mustSelect ?? []).entries()) known(`mustSelect.${i}.id`, d.id);
  for (const [i, d] of (instance.mustReject ?? []).entries()) known(`mustReject.${i}.id`, d.id);
  issues.throwIfAny();
}
