import { ISO_3166_ALPHA2 } from './iso3166-codes.js';

/** True for an assigned ISO 3166-1 alpha-2 code, upper case as the standard writes it. */
export function isIsoAlpha2(code: string): boolean {
  return ISO_3166_ALPHA2.has(code);
}

export function allIsoAlpha2(): string[] {
  return [...ISO_3166_ALPHA2].sort();
}

const ORCID_PATTERN = /^(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])$/;

/** ISO 7064 MOD 11-2 check character over a string of digits, as ORCID defines it. */
export function orcidCheckCharacter(baseDigits: string): string {
  let total = 0;
  for (const ch of baseDigits) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/**
 * Accepts the bare form `0000-0002-1825-0097` or the URI `https://orcid.org/…`; returns the bare
 * form when the check digit is right, otherwise null.
 */
export function normaliseOrcid(input: string): string | null {
  const bare = input
    .trim()
    .replace(/^https?:\/\/orcid\.org\//i, '')
    .toUpperCase();
  const match = ORCID_PATTERN.exec(bare);
  if (!match) return null;
  const digits = bare.replaceAll('-', '');
  return orcidCheckCharacter(digits.slice(0, 15)) === digits[15] ? bare : null;
}

// Crockford base32 without I, L, O and U, as ROR uses it.
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const ROR_PATTERN = /^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$/;

/** ISO 7064 MOD 97-10 checksum of the first seven characters of a ROR id, as two digits. */
export function rorChecksum(body: string): string {
  let value = 0n;
  for (const ch of body) value = value * 32n + BigInt(CROCKFORD.indexOf(ch));
  const check = 98n - ((value * 100n) % 97n);
  return check.toString().padStart(2, '0');
}

/** Accepts `0abcdef12` or `https://ror.org/0abcdef12`; returns the bare id when valid, else null. */
export function normaliseRor(input: string): string | null {
  const bare = input
    .trim()
    .replace(/^https?:\/\/ror\.org\//i, '')
    .toLowerCase();
  if (!ROR_PATTERN.test(bare)) return null;
  return rorChecksum(bare.slice(0, 7)) === bare.slice(7) ? bare : null;
}
