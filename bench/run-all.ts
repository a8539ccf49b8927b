// `npm run bench`: every benchmark in turn; they print figures and assert nothing. registry-load
// needs DATABASE_URL (it is skipped without): `scripts/with-postgres.sh npm run bench`.
import { assignmentBench } from './assignment.js';
import { calibrationBench } from './calibration.js';
import { coldStart } from './cold-start.js';
import { registryLoad } from './registry-load.js';
import { submissionsBench } from './submissions.js';

console.log('== cold-start: time to the first 200 from /api/health of the built server');
await coldStart();
console.log('\n== registry-load: list endpoints under load, built server on PostgreSQL');
await registryLoad();
console.log('\n== submissions: 200 applicants submitting at once, in-process server on PostgreSQL');
await submissionsBench();
console.log('\n== assignment: reviewer assignment solver on generated instances, both modes');
await assignmentBench();
console.log('\n== calibration: 1,000 proposals × 300 reviewers × 4 reviews, raw vs calibrated');
calibrationBench();
