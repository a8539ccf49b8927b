import { describe, expect, it } from 'vitest';
import { computeAffinities, keywordOverlap, tokenize } from '../../../src/domain/review/affinity.js';

const experts = [
  {
    expertId: 'geochronologist',
    keywords: ['geochronology', 'isotopes', 'basalt'],
    statement: 'I date lunar basalts with lead and tungsten isotopes.',
    publicationTitles: ['Two-billion-year-old basalts from Chang’e-5', 'Tungsten isotope dating of mare basalts'],
  },
  {
    expertId: 'space-weathering',
    keywords: ['space weathering', 'regolith', 'nanophase iron'],
    statement: 'Space weathering of regolith grains, nanophase iron, solar wind implantation.',
    publicationTitles: ['Solar wind water in lunar soil grains'],
  },
  {
    expertId: 'robotics',
    keywords: ['rovers', 'mobility'],
    statement: 'Planetary rover mobility and terramechanics.',
    publicationTitles: ['Wheel–soil interaction on loose regolith'],
  },
];

const proposals = [
  {
    proposalId: 'p-dating',
    keywords: ['isotopes', 'Geochronology'],
    text: 'We will date Chang’e-5 basalt fragments with Pb–Pb and tungsten isotope systematics.',
  },
  {
    proposalId: 'p-water',
    keywords: ['solar wind', 'regolith'],
    text: 'Solar wind implanted water and nanophase iron in regolith grains from the Chang’e-5 soil.',
  },
];

describe('affinity', () => {
  it('ranks the fitting expert first for each proposal', () => {
    const rows = computeAffinities(experts, proposals);
    const best = (p: string) =>
      rows
        .filter((r) => r.proposalId === p)
        .sort((a, b) => b.score - a.score)
        .map((r) => r.expertId)[0];
    expect(best('p-dating')).toBe('geochronologist');
    expect(best('p-water')).toBe('space-weathering');
    for (const r of rows) expect(r.score).toBeGreaterThanOrEqual(0);
    for (const r of rows) expect(r.score).toBeLessThanOrEqual(100);
    expect(rows.find((r) => r.proposalId === 'p-dating' && r.expertId === 'robotics')?.score).toBe(0);
  });

  it('counts keyword overlap case- and plural-insensitively', () => {
    expect(keywordOverlap(['Isotope', 'basalt'], ['isotopes', 'Geochronology'])).toBe(0.5);
    expect(keywordOverlap([], ['x'])).toBe(0);
    expect(keywordOverlap(['x'], [])).toBe(0);
  });

  it('reads Chinese text as character pairs', () => {
    expect(tokenize('月球样品')).toEqual(['月球', '球样', '样品']);
    const rows = computeAffinities(
      [
        { expertId: 'a', keywords: [], statement: '月球样品同位素年代学', publicationTitles: [] },
        { expertId: 'b', keywords: [], statement: '火星大气', publicationTitles: [] },
      ],
      [{ proposalId: 'p', keywords: [], text: '嫦娥五号月球样品的年代学研究' }],
      { keywordWeight: 0 },
    );
    expect(rows.map((r) => [r.expertId, r.score])).toEqual([
      ['a', 100],
      ['b', 0],
    ]);
  });

  it('keeps each proposal’s best N when asked, in a stable order', () => {
    const rows = computeAffinities(experts, proposals, { topPerProposal: 1 });
    expect(rows.map((r) => `${r.proposalId}:${r.expertId}`)).toEqual(['p-dating:geochronologist', 'p-water:space-weathering']);
    expect(JSON.stringify(computeAffinities(experts, proposals))).toBe(JSON.stringify(computeAffinities(experts, proposals)));
  });
});
