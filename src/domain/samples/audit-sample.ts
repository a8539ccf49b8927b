import { createHash } from 'node:crypto';

// An audit sample for inspection: `size` items drawn at random from a population, reproducible from
// its seed (anyone re-running the draw on the same population gets the same items), as NASA's
// inspectors drew borrowers to visit. The population is ordered by a stable key before drawing.

/** A deterministic stream of 32-bit numbers from a seed: SHA-256 of seed and counter. */
function* numbersFrom(seed: string): Generator<number> {
  for (let counter = 0; ; counter++) {
    const digest = createHash('sha256').update(`${seed}:${counter}`).digest();
    for (let i = 0; i + 4 <= digest.length; i += 4) yield digest.readUInt32BE(i);
  }
}

/** Draws `size` distinct items (a partial Fisher–Yates shuffle), in the order drawn. */
export function drawAuditSample<T>(population: readonly T[], size: number, seed: string): T[] {
  const items = [...population];
  const take = Math.min(size, items.length);
  const random = numbersFrom(seed);
  for (let i = 0; i < take; i++) {
    const span = items.length - i;
    // Rejection sampling keeps every index equally likely (no modulo bias).
    const limit = 2 ** 32 - (2 ** 32 % span);
    let r = random.next().value as number;
    while (r >= limit) r = random.next().value as number;
    const j = i + (r % span);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items.slice(0, take);
}
