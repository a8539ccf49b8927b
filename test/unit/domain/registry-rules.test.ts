import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.js';
import {
  checkCountry,
  checkHostModule,
  checkInstitution,
  checkMission,
  checkPartnership,
  checkPerson,
  checkProject,
} from '../../../src/domain/registry/rules.js';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.issues.map((i) => `${i.field}:${i.code}`);
    throw error;
  }
  return [];
}

describe('registry rules', () => {
  it('upper-cases country codes and refuses unassigned ones', () => {
    expect(checkCountry({ code: 'hk', name: 'Hong Kong', sovereignCode: 'cn' })).toMatchObject({
      code: 'HK',
      sovereignCode: 'CN',
    });
    expect(issuesOf(() => checkCountry({ code: 'UK', name: 'x' }))).toEqual(['code:INVALID_ISO_CODE']);
    expect(issuesOf(() => checkCountry({ code: 'CN', name: 'x', sovereignCode: 'CN' }))).toEqual([
      'sovereignCode:VALIDATION_FAILED',
    ]);
  });

  it('puts an institution in exactly one country or organisation and checks its ROR id', () => {
    expect(checkInstitution({ countryCode: 'de', rorId: 'https://ror.org/00rcxh774' })).toMatchObject({
      countryCode: 'DE',
      rorId: '00rcxh774',
    });
    expect(issuesOf(() => checkInstitution({}))).toEqual(['countryCode:VALIDATION_FAILED']);
    expect(issuesOf(() => checkInstitution({ countryCode: 'DE', organisationId: 'x' }))).toEqual([
      'countryCode:VALIDATION_FAILED',
    ]);
    // Every problem is reported at once, not the first only.
    expect(issuesOf(() => checkInstitution({ countryCode: 'QQ', rorId: '00rcxh775' }))).toEqual([
      'countryCode:INVALID_ISO_CODE',
      'rorId:INVALID_ROR',
    ]);
  });

  it('normalises ORCID iDs and e-mail addresses', () => {
    expect(checkPerson({ orcid: 'https://orcid.org/0000-0002-1825-0097', email: ' A@B.org ' })).toMatchObject({
      orcid: '0000-0002-1825-0097',
      email: 'a@b.org',
    });
    expect(issuesOf(() => checkPerson({ orcid: '0000-0002-1825-0096', email: 'a@b.org' }))).toEqual(['orcid:INVALID_ORCID']);
  });

  it('derives the launch year from the date and refuses a contradiction', () => {
    expect(checkMission({ launchDate: '2020-11-23' })).toMatchObject({ launchYear: 2020 });
    expect(checkMission({ launchYear: 2029 })).toMatchObject({ launchYear: 2029 });
    expect(issuesOf(() => checkMission({ launchDate: '2020-11-23', launchYear: 2021 }))).toEqual([
      'launchYear:VALIDATION_FAILED',
    ]);
  });

  it('keeps per-item limits consistent with each other and with the pool', () => {
    expect(issuesOf(() => checkHostModule({ itemMaxAvgPowerMw: 50_000, itemMaxPeakPowerMw: 40_000 }))).toEqual([
      'itemMaxPeakPowerMw:VALIDATION_FAILED',
    ]);
    expect(issuesOf(() => checkHostModule({ itemMinTempC: 80, itemMaxTempC: -180 }))).toEqual(['itemMinTempC:VALIDATION_FAILED']);
    expect(issuesOf(() => checkHostModule({ poolMassG: 200_000, itemMaxMassG: 250_000 }))).toEqual([
      'itemMaxMassG:VALIDATION_FAILED',
    ]);
    expect(issuesOf(() => checkHostModule({ poolMassG: 200_000, itemMaxMassG: 100_000 }))).toEqual([]);
  });

  it('names exactly one partner per partnership', () => {
    expect(issuesOf(() => checkPartnership({ countryCode: 'PK', organisationId: 'x' }))).toEqual([
      'countryCode:VALIDATION_FAILED',
    ]);
    expect(checkPartnership({ countryCode: 'pk' })).toMatchObject({ countryCode: 'PK' });
  });

  it('gives a project exactly one lead and no institution twice', () => {
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    expect(
      issuesOf(() =>
        checkProject({
          participants: [
            { institutionId: a, role: 'lead' },
            { institutionId: b, role: 'partner' },
          ],
        }),
      ),
    ).toEqual([]);
    expect(issuesOf(() => checkProject({ participants: [{ institutionId: a, role: 'partner' }] }))).toEqual([
      'participants:VALIDATION_FAILED',
    ]);
    expect(
      issuesOf(() =>
        checkProject({
          participants: [
            { institutionId: a, role: 'lead' },
            { institutionId: a, role: 'partner' },
          ],
        }),
      ),
    ).toEqual(['participants.1.institutionId:VALIDATION_FAILED']);
  });
});
