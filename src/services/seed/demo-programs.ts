import type { Db } from '../../db/connection.js';
import { SYSTEM } from '../actor.js';
import { seedDemoAgreements } from './demo-agreements.js';
import { seedDemoCalls } from './demo-calls.js';
import { seedDemoCustody } from './demo-custody.js';
import { seedDemoReview } from './demo-review.js';
import { seedDemoSelection } from './demo-selection.js';
import { seedDemoStation } from './demo-station.js';
import { seedRegistry } from './load-seed.js';

/**
 * Everything the demo database holds before its first start: the registry, the demo calls and the
 * five programs' review, selection, agreement and custody demos, each through its use cases. The initial
 * image (db/initial-image.ts) is this on PGlite; the tests' demo template on PostgreSQL is this too,
 * so what the demo tests check is what `npm start` serves. No account that can sign in is made here.
 */
export async function loadDemoPrograms(db: Db): Promise<void> {
  await seedRegistry(db, SYSTEM);
  await seedDemoCalls(db, SYSTEM);
  // The review demo runs every review use case (~20 s), the reason it is paid once, at build time.
  await seedDemoReview(db);
  // The selection demo decides three calls from the review demo's panels and makes their letters.
  await seedDemoSelection(db);
  // The China Space Station first cycle: two review stages, then selection (demo-station.ts).
  await seedDemoStation(db);
  await seedDemoAgreements(db);
  // The custody of the Chang'e-5 loans and gifts, through the custody use cases (demo-custody.ts).
  await seedDemoCustody(db);
}
