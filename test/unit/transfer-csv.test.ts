import { describe, expect, it } from 'vitest';
import { Project, SampleCollection } from '../../src/contracts/registry.js';
import { fromCsv, parseCsvCells, toCsv } from '../../src/services/transfer/csv.js';

const project = {
  id: '6f1c1f0e-0000-4000-8000-000000000001',
  programId: '6f1c1f0e-0000-4000-8000-000000000002',
  title: 'Robot, "mobile" charging\nstation',
  level: 'system',
  status: 'selected',
  hostModuleId: null,
  massG: 35000,
  announcedOn: '2025-04-24',
  summary: ' leading space kept',
  participants: [{ institutionId: '6f1c1f0e-0000-4000-8000-000000000003', role: 'lead' }],
  confidence: 'unconfirmed',
  confidenceNote: 'Mass 30 or 35 kg.',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  archivedAt: null,
};

describe('registry CSV', () => {
  it('puts the id first and round-trips quotes, commas, new lines, numbers, nulls and JSON cells', () => {
    const text = toCsv(Project, 'id', [project]);
    expect(text.split('\r\n')[0]!.startsWith('id,programId,title,')).toBe(true);
    const [back] = fromCsv(Project, text);
    expect(back).toEqual(project);
  });

  it('encodes a list as JSON in its cell and an empty list as []', () => {
    const collection = {
      id: '6f1c1f0e-0000-4000-8000-000000000004',
      slug: 'change-5-samples',
      missionId: '6f1c1f0e-0000-4000-8000-000000000005',
      name: "Chang'e-5 lunar samples",
      returnedMassMg: 1731000,
      returnedOn: null,
      sampleTypes: ['regolith (powder)', 'breccia'],
      note: null,
      confidence: 'confirmed',
      confidenceNote: null,
      createdAt: 'x',
      updatedAt: 'x',
      archivedAt: null,
    };
    const text = toCsv(SampleCollection, 'id', [collection, { ...collection, sampleTypes: [] }]);
    expect(text).toContain('"[""regolith (powder)"",""breccia""]"');
    const [one, two] = fromCsv(SampleCollection, text);
    expect(one).toEqual(collection);
    expect(two?.sampleTypes).toEqual([]);
  });

  it('reads LF line ends and a byte-order mark, and refuses unknown columns and ragged lines', () => {
    expect(parseCsvCells('\ufeffa,b\n1,"2\n3"\n')).toEqual([
      ['a', 'b'],
      ['1', '2\n3'],
    ]);
    expect(() => fromCsv(Project, 'id,colour\n1,red\n')).toThrow(/unknown column\(s\): colour/);
    expect(() => fromCsv(Project, 'id,title\n1\n')).toThrow(/line 2 has 1 cells/);
    expect(() => parseCsvCells('a\n"open')).toThrow(/quoted cell/);
  });
});
