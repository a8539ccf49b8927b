import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_STATUSES, ROLES, SCOPE_TYPES, TOKEN_SCOPES } from '../../src/domain/accounts/roles.js';
import {
  APPLICATION_STAGES,
  APPLICATION_STATUSES,
  CALL_STATUSES,
  CHECK_RESULTS,
  HAZARDS,
  MOUNTING_SIDES,
  PERSON_ROLES,
  SAMPLE_FORMS,
  TEAM_ROLES,
} from '../../src/domain/calls/vocabulary.js';
import { JOB_STATUSES } from '../../src/domain/jobs/schedule.js';
import * as registry from '../../src/domain/registry/vocabulary.js';
import * as review from '../../src/domain/review/vocabulary.js';
import { SAMPLE_STATUSES, SAMPLE_USES } from '../../src/domain/samples/vocabulary.js';

// Enumeration values reach the screen through format.ts `label(value)`, which reads `enum.<value>`
// from the common catalogue: every value of the closed vocabularies the UI shows has its words in
// both languages (the catalogue test then checks the Chinese is there), so none falls back to
// "In development" on a Chinese page.

const ROOT = join(import.meta.dirname, '../../src/web/i18n/locales');
const labels = (language: string) =>
  (JSON.parse(readFileSync(join(ROOT, language, 'common.json'), 'utf8')) as { enum: Record<string, string> }).enum;

const SHOWN: Record<string, readonly string[]> = {
  roles: ROLES,
  scopeTypes: SCOPE_TYPES,
  accountStatuses: ACCOUNT_STATUSES,
  tokenScopes: TOKEN_SCOPES,
  callStatuses: CALL_STATUSES,
  applicationStatuses: APPLICATION_STATUSES,
  applicationStages: APPLICATION_STAGES,
  sampleForms: SAMPLE_FORMS,
  hazards: HAZARDS,
  mountingSides: MOUNTING_SIDES,
  teamRoles: TEAM_ROLES,
  personRoles: PERSON_ROLES,
  checkResults: CHECK_RESULTS,
  jobStatuses: JOB_STATUSES,
  sampleUses: SAMPLE_USES,
  sampleStatuses: SAMPLE_STATUSES,
  ...Object.fromEntries(Object.entries(registry).filter(([, v]) => Array.isArray(v))),
  ...Object.fromEntries(Object.entries(review).filter(([, v]) => Array.isArray(v))),
} as Record<string, readonly string[]>;

describe('enumeration labels', () => {
  it('covers the vocabularies (the loop below is not empty)', () => {
    expect(Object.keys(SHOWN).length).toBeGreaterThan(20);
  });

  for (const language of ['en', 'zh']) {
    it(`names every value of the vocabularies the UI shows, in ${language}`, () => {
      const known = labels(language);
      const missing = Object.entries(SHOWN).flatMap(([name, values]) =>
        values.filter((v) => !known[v]?.trim()).map((v) => `${name}: ${v}`),
      );
      expect(missing, `add enum.<value> to ${language}/common.json`).toEqual([]);
    });
  }
});
