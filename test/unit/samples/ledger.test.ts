import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceOf,
  formatMg,
  type LedgerEntry,
  outOnLoan,
  reconcile,
  refusalOf,
  refusalOfAll,
} from '../../../src/domain/samples/ledger.js';
import { ancestorNumbers, isParentNumber, isSampleNumber, splitNumber } from '../../../src/domain/samples/sample-number.js';
import { LEDGER_KINDS, WEIGHING_KINDS } from '../../../src/domain/samples/vocabulary.js';

const proposal = fc.record({
  kind: fc.constantFrom(...LEDGER_KINDS.filter((k) => k !== 'initial' && k !== 'split_in')),
  deltaUg: fc.integer({ min: -40_000, max: 40_000 }),
});

describe('the mass ledger as pure rules', () => {
  it('whatever is proposed, the accepted entries never leave a negative balance, an over-return or weighing beyond tolerance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.array(proposal, { maxLength: 60 }),
        (declaredUg, toleranceUg, proposals) => {
          const sample = { declaredUg, toleranceUg };
          const entries: LedgerEntry[] = [{ kind: 'initial', deltaUg: declaredUg }];
          for (const p of proposals) if (refusalOf(sample, entries, p) === null) entries.push(p);
          let running = 0;
          for (const e of entries) {
            running += e.deltaUg;
            expect(running).toBeGreaterThanOrEqual(0);
            expect(outOnLoan(entries.slice(0, entries.indexOf(e) + 1))).toBeGreaterThanOrEqual(0);
          }
          const weighed = entries.filter((e) => WEIGHING_KINDS.includes(e.kind)).reduce((s, e) => s + e.deltaUg, 0);
          expect(Math.abs(weighed)).toBeLessThanOrEqual(toleranceUg);
          expect(reconcile(sample, entries).balances).toBe(true);
          expect(reconcile(sample, entries).remainderUg).toBe(balanceOf(entries));
        },
      ),
    );
  });

  it('refuses a batch whole when any one of its entries would break a rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1 }),
        (mass, parts) => {
          const entries: LedgerEntry[] = [{ kind: 'initial', deltaUg: mass }];
          const split = parts.map((p) => ({ kind: 'split_out' as const, deltaUg: -p }));
          const total = parts.reduce((s, p) => s + p, 0);
          const refusal = refusalOfAll({ declaredUg: mass, toleranceUg: 0 }, entries, split);
          expect(refusal === null).toBe(total <= mass);
        },
      ),
    );
  });

  it('names the Specify failures: available going negative, more returned than lent, a second opening entry', () => {
    const sample = { declaredUg: 1_000, toleranceUg: 0 };
    const entries: LedgerEntry[] = [{ kind: 'initial', deltaUg: 1_000 }];
    expect(refusalOf(sample, entries, { kind: 'consume', deltaUg: -1_001 })).toEqual({
      code: 'OVER_AVAILABLE',
      availableUg: 1_000,
    });
    const lent: LedgerEntry[] = [...entries, { kind: 'ship', deltaUg: -400 }, { kind: 'return', deltaUg: 400 }];
    expect(refusalOf(sample, lent, { kind: 'return', deltaUg: 1 })).toEqual({ code: 'OVER_LENT', outUg: 0 });
    expect(refusalOf(sample, entries, { kind: 'initial', deltaUg: 5 })).toEqual({ code: 'DUPLICATE_OPENING' });
    expect(refusalOf(sample, entries, { kind: 'consume', deltaUg: 5 })).toMatchObject({ code: 'INVALID_SIGN' });
    expect(refusalOf(sample, entries, { kind: 'adjust', deltaUg: 1 })).toMatchObject({ code: 'OVER_TOLERANCE' });
  });

  it('formats micrograms as milligrams with three decimals', () => {
    expect(formatMg(412_000)).toBe('412.000 mg');
    expect(formatMg(1_500_007)).toBe('1500.007 mg');
    expect(formatMg(-5)).toBe('-0.005 mg');
  });
});

describe('sample numbers', () => {
  it('numbers splits parent,n and knows the ancestors', () => {
    expect(splitNumber('CE5C0400', 12)).toBe('CE5C0400,12');
    expect(ancestorNumbers('CE5C0400,12,3')).toEqual(['CE5C0400', 'CE5C0400,12']);
    expect(isParentNumber('CE5C0400')).toBe(true);
    expect(isParentNumber('CE5C0400,1')).toBe(false);
    expect(isSampleNumber('CE5C0400,0')).toBe(false);
    expect(() => splitNumber('CE5C0400', 0)).toThrow(RangeError);
  });

  it('every split number descends from its parent', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{1,10}$/),
        fc.array(fc.integer({ min: 1, max: 999 }), { maxLength: 5 }),
        (root, splits) => {
          const number = splits.reduce((n, s) => splitNumber(n, s), root);
          expect(isSampleNumber(number)).toBe(true);
          expect(ancestorNumbers(number)).toHaveLength(splits.length);
          expect(ancestorNumbers(number)[0] ?? number).toBe(splits.length ? root : number);
        },
      ),
    );
  });
});
