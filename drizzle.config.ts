import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from db/schema.ts; it never connects. Migrations are applied by
// db/migrate.ts, which works on both PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
