import { describe, expect, it } from 'vitest';
import { countResults, type Home, headlineText, type ResultEntry } from '../../../src/domain/selection/results-headline.js';

const country = (code: string): Home => ({ kind: 'country', code });
const region = (code: string): Home => ({ kind: 'region', code });
const org = (id: string): Home => ({ kind: 'organisation', id });
const entry = (homes: [string, Home][], outcome: ResultEntry['outcome'] = 'selected'): ResultEntry => ({
  outcome,
  institutions: homes.map(([id, home]) => ({ id, home })),
});

describe('the results headline', () => {
  it("Chang'e-5 loans: 7 institutions from 6 countries, counting the applicants (leads) only", () => {
    const entries = [
      entry([['ipgp', country('FR')]]),
      entry([['cologne', country('DE')]]),
      entry([['osaka', country('JP')]]),
      // SUPARCO's partner is not an approved institution of its own.
      entry([
        ['suparco', country('PK')],
        ['ist', country('PK')],
      ]),
      entry([['open', country('GB')]]),
      entry([['brown', country('US')]]),
      entry([['stony', country('US')]]),
      entry([['bern', country('CH')]]),
    ].slice(0, 7);
    const counts = countResults('institutions', entries);
    expect(counts).toMatchObject({ institutions: 7, countries: 6, regions: 0, organisations: 0 });
    expect(headlineText(counts, 'en')).toBe('7 institutions from 6 countries');
    expect(headlineText(counts, 'zh')).toBe('7家机构，来自6个国家');
  });

  it("Chang'e-8: Hong Kong counts as a region and the international organisation apart", () => {
    const entries = [
      entry([
        ['hkust', region('HK')],
        ['polyu', region('HK')],
      ]),
      entry([
        ['suparco', country('PK')],
        ['istvs', org('istvs')],
      ]),
      entry([['metu', country('TR')]]),
      entry([
        ['sarao', country('ZA')],
        ['conida', country('PE')],
      ]),
      entry([['infn', country('IT')]]),
      entry([['iki', country('RU')]]),
      entry([
        ['mhesi', country('TH')],
        ['narit', country('TH')],
      ]),
      entry([
        ['nssa', country('BH')],
        ['egsa', country('EG')],
      ]),
      entry([['isa', country('IR')]]),
      entry([['iki2', country('RU')]]),
    ];
    const counts = countResults('projects', entries);
    expect(counts).toMatchObject({ projects: 10, countries: 10, regions: 1, organisations: 1, conditional: 0 });
    expect(headlineText(counts, 'en')).toBe('10 projects from 11 countries and regions and 1 international organisation');
    expect(headlineText(counts, 'zh')).toBe('10个项目，来自11个国家和地区及1个国际组织');
  });

  it('China Space Station: 9 projects from 17 countries, 3 conditional', () => {
    const codes = ['CH', 'PL', 'DE', 'CN', 'IN', 'RU', 'BE', 'JP', 'NO', 'FR', 'NL', 'KE', 'SA', 'MX', 'PE', 'IT', 'ES'];
    const entries = Array.from({ length: 9 }, (_, p) =>
      entry(
        codes.filter((_, i) => i % 9 === p).map((c) => [`${c}-inst`, country(c)]),
        p >= 6 ? 'conditional' : 'selected',
      ),
    );
    const counts = countResults('projects', entries);
    expect(headlineText(counts, 'en')).toBe('9 projects from 17 countries, 3 conditional');
    expect(headlineText(counts, 'zh')).toBe('9个项目，来自17个国家，其中3个为有条件入选');
  });

  it('Macao and Taiwan are regions too, and a region alone is "1 country or region"; singulars read as singulars', () => {
    const counts = countResults('projects', [entry([['um', region('MO')]]), entry([['ntu', region('TW')]])]);
    expect(counts).toMatchObject({ countries: 0, regions: 2 });
    expect(headlineText(counts, 'en')).toBe('2 projects from 2 countries and regions');
    const one = countResults('projects', [entry([['esa', org('esa')]])]);
    expect(headlineText(one, 'en')).toBe('1 project from 1 international organisation');
    expect(headlineText(countResults('institutions', [entry([['x', country('FR')]])]), 'en')).toBe(
      '1 institution from 1 country',
    );
  });

  it('an institution in two selected projects counts once; nothing decided reads as zero', () => {
    const counts = countResults('institutions', [entry([['a', country('FR')]]), entry([['a', country('FR')]])]);
    expect(counts.institutions).toBe(1);
    expect(headlineText(countResults('projects', []), 'en')).toBe('0 projects');
  });
});
