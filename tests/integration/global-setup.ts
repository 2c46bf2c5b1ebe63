import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { TEMPLATE_DB, withDatabaseName } from './support/pg-url';

// On PostgreSQL, migrate one template database once; every test file then gets its own copy of it
// (CREATE DATABASE … TEMPLATE), so files run in parallel without sharing rows.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  // Project env applies to test workers, not to this global setup: read it from the project config.
  if (project.config.env?.CASEBOOK_TEST_DB !== 'postgres' || !url) return async () => {};
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DB}`);
  const template = await openDatabase({ url: withDatabaseName(url, TEMPLATE_DB) });
  await migrateDatabase(template);
  await template.close();
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.end();
  };
}
