// Dev-mode entry for `npm run dev` (scripts/dev.mjs runs it under `tsx watch`): the API server from
// source, restarted by tsx on every change under src/.
import { loadConfig } from '../config.js';
import { startServer } from '../server/start.js';

const server = await startServer(loadConfig());
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
