import { describe, expect, it } from 'vitest';
import { decideRecordWrite, REGISTRY_WRITE_RULES } from '../../../src/policies/policy.js';
import type { Actor } from '../../../src/services/actor.js';
import { RESOURCES } from '../../../src/services/registry/resources.js';

const account = (grants: Extract<Actor, { kind: 'account' }>['grants']): Actor => ({
  kind: 'account',
  label: 'account:test',
  accountId: '00000000-0000-4000-8000-000000000001',
  email: 'test@example.org',
  grants,
  via: 'session',
});
const officerOf = (programId: string) =>
  account([{ id: 'g1', role: 'program_officer', scopeType: 'program', scopeId: programId }]);
const editor = account([{ id: 'g2', role: 'registry_editor', scopeType: null, scopeId: null }]);

describe('registry write rules', () => {
  it('declare an owner for every registry resource', () => {
    expect(RESOURCES.filter((r) => !REGISTRY_WRITE_RULES[r.name]).map((r) => r.name)).toEqual([]);
  });

  it('refuse a resource without a rule to everyone but administrators and the system', () => {
    expect(decideRecordWrite(editor, 'no-such-resource', 'update', [])).toEqual({ allowed: false, needs: 'administrator' });
    expect(decideRecordWrite(officerOf('p1'), 'no-such-resource', 'update', ['p1']).allowed).toBe(false);
    expect(decideRecordWrite({ kind: 'system', label: 'system' }, 'no-such-resource', 'update', []).allowed).toBe(true);
  });

  it('need an officer role on every program a change touches (moving a project needs both)', () => {
    expect(decideRecordWrite(officerOf('p1'), 'projects', 'update', ['p1']).allowed).toBe(true);
    expect(decideRecordWrite(officerOf('p1'), 'projects', 'update', ['p1', 'p2'])).toEqual({
      allowed: false,
      needs: 'program',
      programIds: ['p2'],
    });
    // A program-owned record that names no program is nobody's to write.
    expect(decideRecordWrite(officerOf('p1'), 'projects', 'create', []).allowed).toBe(false);
  });
});
