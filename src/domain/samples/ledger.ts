import { ADDING_KINDS, type LedgerKind, REMOVING_KINDS, WEIGHING_KINDS } from './vocabulary.js';

// The mass ledger as pure functions over entries, in whole micrograms. The database enforces the
// same rules (migration 0012); services check them first to answer with a clear message.

export interface LedgerEntry {
  kind: LedgerKind;
  deltaUg: number;
}

export interface SampleAccounts {
  declaredUg: number;
  toleranceUg: number;
}

/** A sample's mass: the sum of its entries. */
export function balanceOf(entries: readonly LedgerEntry[]): number {
  return entries.reduce((sum, e) => sum + e.deltaUg, 0);
}

const sumOf = (entries: readonly LedgerEntry[], kinds: readonly LedgerKind[]) =>
  entries.filter((e) => kinds.includes(e.kind)).reduce((sum, e) => sum + e.deltaUg, 0);

/** Shipped out and not yet returned. */
export function outOnLoan(entries: readonly LedgerEntry[]): number {
  return 0 - sumOf(entries, ['ship', 'return']);
}

export type Refusal =
  | { code: 'INVALID_SIGN'; message: string }
  | { code: 'OVER_AVAILABLE'; availableUg: number }
  | { code: 'OVER_LENT'; outUg: number }
  | { code: 'OVER_TOLERANCE'; weighedUg: number; toleranceUg: number }
  | { code: 'DUPLICATE_OPENING' };

/** Why `entry` may not be appended to `entries`, or null when it may. */
export function refusalOf(sample: SampleAccounts, entries: readonly LedgerEntry[], entry: LedgerEntry): Refusal | null {
  if (!Number.isSafeInteger(entry.deltaUg) || entry.deltaUg === 0)
    return { code: 'INVALID_SIGN', message: 'A mass is a whole, non-zero number of micrograms.' };
  if (ADDING_KINDS.includes(entry.kind) && entry.deltaUg < 0)
    return { code: 'INVALID_SIGN', message: `A ${entry.kind} entry adds mass.` };
  if (REMOVING_KINDS.includes(entry.kind) && entry.deltaUg > 0)
    return { code: 'INVALID_SIGN', message: `A ${entry.kind} entry removes mass.` };
  if ((entry.kind === 'initial' || entry.kind === 'split_in') && entries.some((e) => e.kind === entry.kind))
    return { code: 'DUPLICATE_OPENING' };
  const available = balanceOf(entries);
  if (available + entry.deltaUg < 0) return { code: 'OVER_AVAILABLE', availableUg: available };
  if (entry.kind === 'return' && entry.deltaUg > outOnLoan(entries)) return { code: 'OVER_LENT', outUg: outOnLoan(entries) };
  if (WEIGHING_KINDS.includes(entry.kind)) {
    const weighedUg = sumOf(entries, WEIGHING_KINDS) + entry.deltaUg;
    if (Math.abs(weighedUg) > sample.toleranceUg) return { code: 'OVER_TOLERANCE', weighedUg, toleranceUg: sample.toleranceUg };
  }
  return null;
}

/** Can all of `changes` be appended, in order? Refused whole: the first refusal, or null. */
export function refusalOfAll(sample: SampleAccounts, entries: readonly LedgerEntry[], changes: readonly LedgerEntry[]) {
  const so: LedgerEntry[] = [...entries];
  for (const change of changes) {
    const refusal = refusalOf(sample, so, change);
    if (refusal) return refusal;
    so.push(change);
  }
  return null;
}

export interface Reconciliation {
  remainderUg: number;
  splitUg: number;
  consumedUg: number;
  lostUg: number;
  outOnLoanUg: number;
  /** Declared minus everything accounted for: what weighing found. */
  unaccountedUg: number;
  balances: boolean;
}

/** A sample's declared mass against its remainder, splits, consumption, losses and loans. */
export function reconcile(sample: SampleAccounts, entries: readonly LedgerEntry[]): Reconciliation {
  const remainderUg = balanceOf(entries);
  const splitUg = 0 - sumOf(entries, ['split_out']);
  const consumedUg = 0 - sumOf(entries, ['consume']);
  const lostUg = 0 - sumOf(entries, ['loss', 'contamination']);
  const outOnLoanUg = outOnLoan(entries);
  const unaccountedUg = sample.declaredUg - (remainderUg + splitUg + consumedUg + lostUg + outOnLoanUg);
  return {
    remainderUg,
    splitUg,
    consumedUg,
    lostUg,
    outOnLoanUg,
    unaccountedUg,
    balances: remainderUg >= 0 && Math.abs(unaccountedUg) <= sample.toleranceUg,
  };
}

/** Micrograms as milligrams with three decimals, for messages: 412000 → "412.000 mg". */
export function formatMg(ug: number): string {
  const sign = ug < 0 ? '-' : '';
  const abs = Math.abs(ug);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')} mg`;
}
