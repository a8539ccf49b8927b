import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApplicationDocument } from '../../../src/contracts/application-document.js';
import type { EligibilityTeamMember } from '../../../src/domain/calls/eligibility.js';
import {
  countWords,
  isPlausibleEmail,
  type SubmissionInput,
  validateSubmission,
} from '../../../src/domain/calls/validate-submission.js';
import { CE5_REGOLITH, CE7_LANDER, RETROREFLECTOR, SPACE_WEATHER, TW3_ORBITER } from './fixtures.js';

const tw3Call: SubmissionInput['call'] = {
  stages: 2,
  requiredDocuments: [
    { key: 'technical_annex', name: 'technical annex', required: true },
    { key: 'letter_of_support', name: 'letter of support', required: true },
    { key: 'heritage', name: 'heritage report', required: false },
  ],
  eligibility: { excludedCountries: ['US'], maxEntities: 5 },
  offers: { samples: [], modules: [TW3_ORBITER] },
};

const team: EligibilityTeamMember[] = [
  { institutionId: 'narit', role: 'lead', countryCode: 'TH', organisationId: null },
  { institutionId: 'mahidol', role: 'partner', countryCode: 'TH', organisationId: null },
];

const goodDocument = ApplicationDocument.parse({
  title: 'Space-weather sensor package for Tianwen-3',
  abstract: 'Energetic particles and magnetic fields along the orbiter’s path around Mars.',
  team: team.map(({ institutionId, role }) => ({ institutionId, role })),
  people: [
    {
      name: 'A. Researcher',
      role: 'principal_investigator',
      email: 'a.researcher@narit.or.th',
      orcid: '0000-0002-1825-0097',
      institutionId: 'narit',
    },
  ],
  scheme: { objectives: 'Measure.', methods: 'Fly sensors.', expectedResults: 'Maps.' },
  payloadRequests: [SPACE_WEATHER],
});

const input = (over: Partial<SubmissionInput> = {}): SubmissionInput => ({
  call: tw3Call,
  stage: 'full_proposal',
  document: goodDocument,
  team,
  attachments: [{ documentKey: 'technical_annex' }, { documentKey: 'letter_of_support' }],
  ...over,
});
const fields = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe('validateSubmission', () => {
  it('accepts a complete full proposal', () => {
    const verdict = validateSubmission(input());
    expect(verdict.issues).toEqual([]);
    expect(verdict.check.result).toBe('pass');
  });

  it('lists every problem of an empty document at once', () => {
    const verdict = validateSubmission(input({ document: ApplicationDocument.parse({}), team: [], attachments: [] }));
    expect(fields(verdict.issues)).toEqual([
      'title:VALIDATION_FAILED',
      'abstract:VALIDATION_FAILED',
      'scheme.objectives:VALIDATION_FAILED',
      'scheme.methods:VALIDATION_FAILED',
      'scheme.expectedResults:VALIDATION_FAILED',
      'team:VALIDATION_FAILED',
      'people:VALIDATION_FAILED',
      'payloadRequests:VALIDATION_FAILED',
      'attachments.technical_annex:VALIDATION_FAILED',
      'attachments.letter_of_support:VALIDATION_FAILED',
    ]);
    expect(verdict.check).toEqual({ result: 'pass', items: [] });
  });

  it('asks a letter of intent only for a title, an abstract and an eligible team', () => {
    const verdict = validateSubmission(
      input({ stage: 'letter_of_intent', document: ApplicationDocument.parse({}), team: [], attachments: [] }),
    );
    expect(fields(verdict.issues)).toEqual(['title:VALIDATION_FAILED', 'abstract:VALIDATION_FAILED', 'team:VALIDATION_FAILED']);
    const oneStage = validateSubmission(input({ call: { ...tw3Call, stages: 1 }, stage: 'letter_of_intent' }));
    expect(fields(oneStage.issues)).toEqual(['stage:VALIDATION_FAILED']);
  });

  it('reports a letter of intent over the limits in the check without blocking it', () => {
    const heavy = ApplicationDocument.parse({ ...goodDocument, payloadRequests: [{ ...SPACE_WEATHER, massG: 16_000 }] });
    const verdict = validateSubmission(input({ stage: 'letter_of_intent', document: heavy }));
    expect(verdict.issues).toEqual([]);
    expect(verdict.check.result).toBe('fail');
  });

  it('turns failed accommodation into OVER_LIMIT issues, and lets warnings through', () => {
    const doc = ApplicationDocument.parse({
      ...goodDocument,
      payloadRequests: [
        { ...SPACE_WEATHER, massG: 16_000, hazards: ['laser'] },
        { ...SPACE_WEATHER, lengthMm: 400 },
        { ...SPACE_WEATHER, offerId: 'ce7-lander' },
      ],
    });
    const verdict = validateSubmission(input({ document: doc }));
    // Item 1 fits alone, but with item 0 the application asks for 19 kg of the orbiter's 15 kg.
    expect(fields(verdict.issues)).toEqual([
      'payloadRequests.0.massG:OVER_LIMIT',
      'payloadRequests.1.massG:OVER_LIMIT',
      'payloadRequests.1.lengthMm:OVER_LIMIT',
      'payloadRequests.2.offerId:REFERENCE_NOT_FOUND',
    ]);
    expect(verdict.issues[0]!.message).toBe(
      'Space-weather sensor package weighs 16.0 kg; the Tianwen-3 orbiter offers 15.0 kg in all.',
    );
    expect(verdict.check.items[0]!.reasons.map((r) => r.code)).toEqual(['mass_over_pool', 'hazard']);

    const warned = validateSubmission(
      input({ document: { ...goodDocument, payloadRequests: [{ ...SPACE_WEATHER, hazards: ['laser'] }] } }),
    );
    expect(warned.issues).toEqual([]);
    expect(warned.check.result).toBe('warn');
  });

  it('asks for every figure of a payload and the form and mass of a sample', () => {
    const call = { ...tw3Call, offers: { samples: [CE5_REGOLITH], modules: [CE7_LANDER] } };
    const doc = ApplicationDocument.parse({
      ...goodDocument,
      sampleRequests: [{ offerId: CE5_REGOLITH.id }],
      payloadRequests: [{ offerId: CE7_LANDER.id, massG: 0 }],
    });
    expect(fields(validateSubmission(input({ call, document: doc })).issues)).toEqual([
      'sampleRequests.0.massMg:VALIDATION_FAILED',
      'sampleRequests.0.form:VALIDATION_FAILED',
      'payloadRequests.0.name:VALIDATION_FAILED',
      'payloadRequests.0.massG:VALIDATION_FAILED',
      'payloadRequests.0.avgPowerMw:VALIDATION_FAILED',
      'payloadRequests.0.peakPowerMw:VALIDATION_FAILED',
      'payloadRequests.0.dataMbPerDay:VALIDATION_FAILED',
      'payloadRequests.0.lengthMm:VALIDATION_FAILED',
      'payloadRequests.0.widthMm:VALIDATION_FAILED',
      'payloadRequests.0.heightMm:VALIDATION_FAILED',
      'payloadRequests.0.minTempC:VALIDATION_FAILED',
      'payloadRequests.0.maxTempC:VALIDATION_FAILED',
      'payloadRequests.0.mounting:VALIDATION_FAILED',
    ]);
    // A passive retroreflector may draw 0 W and send no data.
    expect(validateSubmission(input({ call, document: { ...goodDocument, payloadRequests: [RETROREFLECTOR] } })).issues).toEqual(
      [],
    );
  });

  it('checks the people: a PI, valid ORCID iDs, plausible e-mails, team institutions', () => {
    const doc = ApplicationDocument.parse({
      ...goodDocument,
      people: [
        { name: 'B', role: 'co_investigator', orcid: '0000-0002-1825-0096', email: 'b@narit', institutionId: 'cologne' },
        { name: ' ', role: 'co_investigator', orcid: 'https://orcid.org/0000-0002-1825-0097', email: '' },
      ],
    });
    expect(fields(validateSubmission(input({ document: doc })).issues)).toEqual([
      'people:VALIDATION_FAILED',
      'people.0.orcid:INVALID_ORCID',
      'people.0.email:VALIDATION_FAILED',
      'people.0.institutionId:VALIDATION_FAILED',
      'people.1.name:VALIDATION_FAILED',
    ]);
  });

  it('includes the eligibility issues and counts the words of the abstract', () => {
    const withUs = [...team, { institutionId: 'jpl', role: 'partner' as const, countryCode: 'US', organisationId: null }];
    const long = { ...goodDocument, abstract: 'word '.repeat(301) };
    expect(fields(validateSubmission(input({ team: withUs, document: long })).issues)).toEqual([
      'abstract:VALIDATION_FAILED',
      'team.2.institutionId:INELIGIBLE',
    ]);
    expect(validateSubmission(input({ document: { ...goodDocument, abstract: 'word '.repeat(300) } })).issues).toEqual([]);
  });

  it('never stops at the first problem: each broken part adds its own issue', () => {
    const parts = ['title', 'abstract', 'objectives', 'pi', 'request', 'annex'] as const;
    fc.assert(
      fc.property(fc.subarray([...parts]), (broken) => {
        const doc = structuredClone(goodDocument);
        if (broken.includes('title')) doc.title = '';
        if (broken.includes('abstract')) doc.abstract = '  ';
        if (broken.includes('objectives')) doc.scheme.objectives = '';
        if (broken.includes('pi')) doc.people = [];
        if (broken.includes('request')) doc.payloadRequests = [{ ...SPACE_WEATHER, massG: 20_000, hazards: [] }];
        const attachments = broken.includes('annex') ? [{ documentKey: 'letter_of_support' }] : input().attachments;
        expect(validateSubmission(input({ document: doc, attachments })).issues).toHaveLength(broken.length);
      }),
    );
  });
});

describe('helpers', () => {
  it('counts words, Chinese included', () => {
    expect(countWords('Chang’e-5 returned ~1,731 g of lunar soil.')).toBeGreaterThanOrEqual(6);
    expect(countWords('')).toBe(0);
    expect(countWords('嫦娥五号月球样品')).toBeGreaterThan(1);
  });

  it('finds e-mail addresses plausible or not', () => {
    for (const ok of ['a@b.org', 'first.last@ipgp.fr', 'x+y@uni-koeln.de']) expect(isPlausibleEmail(ok)).toBe(true);
    for (const bad of ['a@b', 'a b@c.org', '@b.org', 'a@.org', 'a@b.', 'a@@b.org']) expect(isPlausibleEmail(bad)).toBe(false);
  });
});
