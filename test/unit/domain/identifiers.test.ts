import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allIsoAlpha2,
  isIsoAlpha2,
  normaliseOrcid,
  normaliseRor,
  orcidCheckCharacter,
  rorChecksum,
} from '../../../src/domain/partners/identifiers.js';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const rorBody = fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 6, maxLength: 6 }).map((s) => `0${s}`);

const formatOrcid = (sixteen: string) => sixteen.match(/.{4}/g)!.join('-');

describe('ISO 3166-1 alpha-2', () => {
  it('knows the 249 assigned codes, regions such as Hong Kong among them', () => {
    expect(allIsoAlpha2()).toHaveLength(249);
    for (const code of ['CN', 'FR', 'HK', 'MO', 'TW', 'PK', 'BH', 'ZA']) expect(isIsoAlpha2(code)).toBe(true);
  });

  it('refuses reserved, withdrawn and user-assigned codes', () => {
    for (const code of ['UK', 'EU', 'XK', 'ZZ', 'SU', 'YU', 'AA', 'fr', 'FRA', '']) expect(isIsoAlpha2(code)).toBe(false);
  });

  it('accepts only two upper-case letters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), (s) => {
        if (isIsoAlpha2(s)) expect(s).toMatch(/^[A-Z]{2}$/);
      }),
    );
  });
});

describe('ORCID iD (ISO 7064 MOD 11-2)', () => {
  it('accepts published iDs, with or without the orcid.org prefix', () => {
    expect(normaliseOrcid('0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
    expect(normaliseOrcid('https://orcid.org/0000-0001-5109-3700')).toBe('0000-0001-5109-3700');
    expect(normaliseOrcid('0000-0002-1694-233x')).toBe('0000-0002-1694-233X');
  });

  it('accepts every id whose check character is computed by the algorithm', () => {
    fc.assert(
      fc.property(digits(15), (base) => {
        const id = formatOrcid(base + orcidCheckCharacter(base));
        expect(normaliseOrcid(id)).toBe(id);
      }),
    );
  });

  it('refuses any single-digit change (the check digit catches every one)', () => {
    fc.assert(
      fc.property(digits(15), fc.nat({ max: 14 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const full = base + orcidCheckCharacter(base);
        const changed = String((Number(full[pos]) + delta) % 10);
        const mutated = full.slice(0, pos) + changed + full.slice(pos + 1);
        expect(normaliseOrcid(formatOrcid(mutated))).toBeNull();
      }),
    );
  });

  it('refuses a swap of two adjacent different digits', () => {
    fc.assert(
      fc.property(digits(15), fc.nat({ max: 13 }), (base, pos) => {
        fc.pre(base[pos] !== base[pos + 1]);
        const full = base + orcidCheckCharacter(base);
        const swapped = full.slice(0, pos) + full[pos + 1] + full[pos] + full.slice(pos + 2);
        expect(normaliseOrcid(formatOrcid(swapped))).toBeNull();
      }),
    );
  });

  it('refuses malformed strings', () => {
    for (const bad of ['0000-0002-1825-009', '000000021825009 7', '0000-0002-1825-00X7', 'abcd-0002-1825-0097', '']) {
      expect(normaliseOrcid(bad)).toBeNull();
    }
  });
});

describe('ROR id (Crockford base 32 + ISO 7064 MOD 97-10)', () => {
  it('accepts real ROR ids of partner institutions', () => {
    for (const id of ['00rcxh774', '05gq02987', '05qghxh33', '035t8zc32', '05mzfcs16']) expect(normaliseRor(id)).toBe(id);
    expect(normaliseRor('https://ror.org/00RCXH774')).toBe('00rcxh774');
  });

  it('accepts every id built with the checksum', () => {
    fc.assert(
      fc.property(rorBody, (body) => {
        expect(normaliseRor(body + rorChecksum(body))).toBe(body + rorChecksum(body));
      }),
    );
  });

  it('refuses any single-character change of the body', () => {
    fc.assert(
      fc.property(rorBody, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 31 }), (body, pos, shift) => {
        const replaced = CROCKFORD[(CROCKFORD.indexOf(body[pos]!) + shift) % 32]!;
        const mutated = body.slice(0, pos) + replaced + body.slice(pos + 1);
        expect(normaliseRor(mutated + rorChecksum(body))).toBeNull();
      }),
    );
  });

  it('refuses ids that do not start with 0 or use excluded letters', () => {
    expect(normaliseRor('10rcxh774')).toBeNull();
    expect(normaliseRor('00rcxi774')).toBeNull();
    expect(normaliseRor('00rcxh7')).toBeNull();
  });
});
