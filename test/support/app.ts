import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../src/server/app.js';
import { type TestDatabase, testDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real HTTP app over a fresh real database, driven with app.inject (no port needed). */
export async function testApp(
  options: Pick<AppOptions, 'bodyLimit' | 'trustProxy' | 'passwordHashing'> & {
    /** A database made already (e.g. support/demo-db.ts); a fresh empty one by default. */
    database?: TestDatabase;
  } = {},
): Promise<TestApp> {
  const { database = await testDatabase(), ...appOptions } = options;
  const app = await buildApp(
    { database, version: 'test' },
    { serveWeb: false, logLevel: 'silent', validateResponses: true, ...appOptions },
  );
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
