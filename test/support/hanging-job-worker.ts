// A job worker in its own process, for the crash test of test/integration/two-instances.test.ts:
// it enqueues and claims one probe job, keeps its lease alive as a live server does, prints
// "claimed <id>", and then works forever, until the test kills it with SIGKILL.
//   DATABASE_URL=… node --import tsx test/support/hanging-job-worker.ts <kind> <workerId>
import { openPostgres } from '../../src/db/connection.js';
import { claimNextJob, renewLease } from '../../src/services/jobs/claim-job.js';
import { enqueueJob } from '../../src/services/jobs/enqueue-job.js';

const [kind = 'test.crash-probe', workerId = 'server-K'] = process.argv.slice(2);
const LEASE_SECONDS = 2;
const database = openPostgres(process.env.DATABASE_URL!, 1);
const job = await database.db.transaction(async (tx) => {
  await enqueueJob(tx, { kind, dedupeKey: `killed-${process.pid}`, maxAttempts: 3 });
  return claimNextJob(tx, { workerId, kinds: [kind], leaseSeconds: LEASE_SECONDS });
});
if (!job) throw new Error('claimed nothing');
setInterval(() => void renewLease(database.db, job, LEASE_SECONDS), (LEASE_SECONDS * 1000) / 3);
process.stdout.write(`claimed ${job.id}\n`);
