import type { FieldIssue } from '../errors.js';

/** Proposals merged into one project: selected or rejected as a whole, with the sum of their resources. */
export interface MergeGroupInput {
  name: string;
  members: string[];
}

/**
 * The form of a call's merge groups: a name, unique in the call; at least two members (one proposal
 * alone is not a merger); no proposal in two groups (a proposal joins one project).
 */
export function mergeGroupIssues(groups: MergeGroupInput[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const names = new Set<string>();
  const owner = new Map<string, number>();
  groups.forEach((g, i) => {
    const name = g.name.trim();
    if (name.length === 0)
      issues.push({ field: `groups.${i}.name`, code: 'VALIDATION_FAILED', message: 'Name the merged project.' });
    else if (names.has(name.toLowerCase()))
      issues.push({ field: `groups.${i}.name`, code: 'VALIDATION_FAILED', message: `Two merged projects are named “${name}”.` });
    names.add(name.toLowerCase());
    const members = new Set(g.members);
    if (members.size < 2)
      issues.push({
        field: `groups.${i}.members`,
        code: 'VALIDATION_FAILED',
        message: 'A merged project has at least two proposals.',
      });
    for (const id of members) {
      const other = owner.get(id);
      if (other !== undefined)
        issues.push({
          field: `groups.${i}.members`,
          code: 'VALIDATION_FAILED',
          message: `Proposal ${id} is already in merged project ${other + 1}: a proposal joins one project.`,
        });
      else owner.set(id, i);
    }
  });
  return issues;
}
