import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../src/server/app.js';
import { type TestDatabase, testDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real HTTP app over a fresh real database, driven with app.inject (no port needed). */
export async function testApp(options: Pick<AppOptions, 'bodyLimit' | 'trustProxy' | 'passwordHashing'> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const app = await buildApp(
    { database, version: 'test' },
    { serveWeb: false, logLevel: 'silent', validateResponses: true, ...options },
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
