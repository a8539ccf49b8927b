// Sample numbers: a parent's own number (`CE5C0400`), and for each split the parent's number, a
// comma and the split's number within that parent (`CE5C0400,12`, then `CE5C0400,12,3`).

const PARENT_NUMBER = /^[A-Z0-9]+$/;
const ANY_NUMBER = /^[A-Z0-9]+(,[1-9][0-9]*)*$/;

export function isParentNumber(number: string): boolean {
  return PARENT_NUMBER.test(number);
}

export function isSampleNumber(number: string): boolean {
  return ANY_NUMBER.test(number);
}

/** The number of the `split`-th subsample of `parent` (splits count from 1). */
export function splitNumber(parent: string, split: number): string {
  if (!Number.isInteger(split) || split < 1) throw new RangeError(`split numbers start at 1, got ${split}`);
  return `${parent},${split}`;
}

/** The parent numbers a number descends from, oldest first: `A,1,2` → [`A`, `A,1`]. */
export function ancestorNumbers(number: string): string[] {
  const parts = number.split(',');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join(','));
}
