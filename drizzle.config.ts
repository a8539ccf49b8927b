import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new numbered SQL migration from the schema's changes.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
