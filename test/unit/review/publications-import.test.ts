import { describe, expect, it } from 'vitest';
import { parsePublications } from '../../../src/domain/review/publications-import.js';

describe('publication import', () => {
  it('reads a CSV export with quoted titles and ";"-separated co-authors', () => {
    const csv =
      '\uFEFFtitle,year,doi,coauthors\n"Water in lunar glass beads, revisited",2023,10.1/abc,"Hui, H.; Li, Q."\nPlain title,2019,,\n';
    const { publications, issues } = parsePublications(csv);
    expect(issues).toEqual([]);
    expect(publications).toEqual([
      { title: 'Water in lunar glass beads, revisited', year: 2023, doi: '10.1/abc', coauthors: ['Hui, H.', 'Li, Q.'] },
      { title: 'Plain title', year: 2019, doi: null, coauthors: [] },
    ]);
  });

  it('reports every bad CSV line by number and keeps the good ones', () => {
    const { publications, issues } = parsePublications('title,year\n,2020\nGood,2021\nBad year,20x1\n');
    expect(publications.map((p) => p.title)).toEqual(['Good']);
    expect(issues.map((i) => i.field)).toEqual(['line 2', 'line 4']);
    expect(parsePublications('name,when\nx,1').issues[0]?.message).toMatch(/title/);
  });

  it('reads BibTeX with nested braces, quotes and "and"-separated authors', () => {
    const bib = `@comment{ignored}
@article{li2024,
  title = {Two-billion-year-old volcanism on the {Moon} from {Chang'e-5} basalts},
  author = {Li, Qiu-Li and Zhou, Qin and Liu, Yu},
  year = 2021,
  doi = "10.1038/s41586-021-04100-2"
}
@inproceedings{x, title={No year}}`;
    const { publications, issues } = parsePublications(bib);
    expect(publications).toEqual([
      {
        title: "Two-billion-year-old volcanism on the Moon from Chang'e-5 basalts",
        year: 2021,
        doi: '10.1038/s41586-021-04100-2',
        coauthors: ['Li, Qiu-Li', 'Zhou, Qin', 'Liu, Yu'],
      },
    ]);
    expect(issues).toEqual([expect.objectContaining({ field: 'entry x' })]);
  });
});
