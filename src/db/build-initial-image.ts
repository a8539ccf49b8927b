// Run by `npm run build` after tsc: writes dist/initial-db.tar.gz (see initial-image.ts).
import { buildInitialImage, INITIAL_IMAGE } from './initial-image.js';

const started = Date.now();
const bytes = await buildInitialImage();
console.log(`initial database image: ${INITIAL_IMAGE.pathname} (${(bytes / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`);
