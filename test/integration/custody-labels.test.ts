import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/services/actor.js';
import { sampleLabels, verificationUrl } from '../../src/services/custody/sample-labels.js';
import { splitSample } from '../../src/services/custody/split-sample.js';
import { actorWith } from '../support/custody-actors.js';
import { makeParentSample, makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind, type TestDatabase, testDatabase } from '../support/db.js';
import { paintedImages, qrModules } from '../support/pdf-qr.js';
import { extractPdfText, squash } from '../support/pdf-text.js';

const BASE = 'https://orbitshare.example.org';
let database: TestDatabase;
let collectionId: string;
let pdf: Uint8Array;
const subsampleMassUg = (n: number) => 25_000 + n;

beforeAll(async () => {
  database = await testDatabase();
  collectionId = (await makeSampleCollection(database.db)).id;
  const parent = await makeParentSample(database.db, collectionId, 1_000_000, 'CE5C0400');
  // Twelve splits, so that the last is CE5C0400,12 (and ,1 and ,12 differ only in the end).
  await splitSample(database.db, SYSTEM, parent.id, {
    parts: Array.from({ length: 12 }, (_, i) => ({ massUg: subsampleMassUg(i + 1), use: 'research' as const })),
  });
  pdf = await sampleLabels(database.db, actorWith('curator', collectionId), parent.id, BASE);
}, 120_000);
afterAll(() => database.dispose());

/** The module matrix the qrcode library makes for `text` at the labels' error-correction level. */
function expectedModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => Boolean(modules.get(row, column))),
  );
}

describe(`subsample labels read back from the PDF on ${databaseKind} Postgres`, () => {
  it('each label carries its subsample number, type, mass and a QR code of its verification URL', async () => {
    const pages = (await extractPdfText(pdf)).split('\f');
    // The headings' numbers in reading order and the QR codes in drawing order, page after page
    // (a label may start at the foot of one page and have its code on the next).
    const numbers = pages.flatMap((text) => [...text.matchAll(/^(CE5C0400(?:,\d+)?)$/gm)].map((m) => m[1]!));
    const images = (await paintedImages(pdf)).flat();
    expect(images.length).toBe(numbers.length);
    numbers.forEach((number, i) => {
      expect(qrModules(images[i]!), `QR code of ${number}`).toEqual(expectedModules(verificationUrl(BASE, number)));
    });
    // The parent and its twelve subsamples, one label each, in split order.
    expect(numbers).toEqual(['CE5C0400', ...Array.from({ length: 12 }, (_, i) => `CE5C0400,${i + 1}`)]);

    const text = squash(pages.join(''));
    expect(verificationUrl(BASE, 'CE5C0400,12')).toBe(`${BASE}/verify/samples/CE5C0400%2C12`);
    expect(text).toContain(squash(`Mass ${(subsampleMassUg(12) / 1000).toFixed(3)} mg`));
    expect(text).toContain(squash(`Verify ${BASE}/verify/samples/CE5C0400%2C12`));
    expect(text).toContain(squash('Type regolith'));
  });

  it('the QR reading tells URLs apart: the code of CE5C0400,1 is not the one of CE5C0400,12', async () => {
    const images = (await paintedImages(pdf)).flat();
    const text = await extractPdfText(pdf);
    const numbers = [...text.matchAll(/^(CE5C0400(?:,\d+)?)$/gm)].map((m) => m[1]!);
    const at = numbers.indexOf('CE5C0400,1');
    expect(at).toBeGreaterThanOrEqual(0);
    const decoded = qrModules(images[at]!);
    expect(decoded).toEqual(expectedModules(verificationUrl(BASE, 'CE5C0400,1')));
    expect(decoded).not.toEqual(expectedModules(verificationUrl(BASE, 'CE5C0400,12')));
    expect(decoded).not.toEqual(expectedModules(verificationUrl('https://elsewhere.example.org', 'CE5C0400,1')));
  });
});
