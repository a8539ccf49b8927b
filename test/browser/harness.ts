import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { type RunningServer, startServer } from '../../src/server/start.js';

// What every browser test needs: the real server on a fresh embedded database (loading the demo
// data on its first start), and Debian's Chromium with the flags these machines require. The UI
// build they serve is brought up to date once per run by test/global-setup.ts.

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserHarness {
  server: RunningServer;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

export async function startBrowserHarness(name: string): Promise<BrowserHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), `orbitshare-${name}-`));
  // Always the embedded database (an empty DATA_DIR), even when DATABASE_URL is set for the API tests.
  const server = await startServer(
    loadConfig({
      ...process.env,
      DATABASE_URL: undefined,
      SEED_ON_EMPTY: 'true',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
    }),
  );
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    base: server.url,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
