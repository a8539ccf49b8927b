import { expect, test } from 'vitest';
import { seedRegistry } from '../../src/services/seed/load-seed.js';
import { testDatabase } from '../support/db.js';

test('smoke', async () => {
  const d = await testDatabase();
  const t0 = Date.now();
  const r = await seedRegistry(d.db);
  console.log(r, Date.now() - t0);
  const r2 = await seedRegistry(d.db);
  console.log(r2);
  expect(r.outcome).toBe('loaded');
  await d.dispose();
}, 120000);
