import type { Db } from '../../db/connection.js';

// Placeholder until the demo data loader lands (being written now).
export async function seedIfEmpty(_db: Db): Promise<boolean> {
  return false;
}
