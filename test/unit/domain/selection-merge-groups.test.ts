import { describe, expect, it } from 'vitest';
import { mergeGroupIssues } from '../../../src/domain/selection/merge-groups.js';

describe('merge groups (merged proposals)', () => {
  it('accepts projects of two or more proposals, each proposal in one project', () => {
    expect(
      mergeGroupIssues([
        { name: 'Rover and charging station', members: ['a', 'b'] },
        { name: 'Radio array', members: ['c', 'd', 'e'] },
      ]),
    ).toEqual([]);
  });

  it('refuses a nameless project, a project of one, a proposal in two projects and a name used twice', () => {
    const issues = mergeGroupIssues([
      { name: ' ', members: ['a', 'b'] },
      { name: 'Alone', members: ['c', 'c'] },
      { name: 'Twice', members: ['b', 'd'] },
      { name: 'twice', members: ['e', 'f'] },
    ]);
    expect(issues.map((i) => i.field)).toEqual(['groups.0.name', 'groups.1.members', 'groups.2.members', 'groups.3.name']);
    expect(issues[2]!.message).toContain('Proposal b is already in merged project 1');
  });
});
