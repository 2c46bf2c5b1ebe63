// Seeds a fresh embedded database with the public leak states (tests/integration/public/leak-states.ts,
// the same as the app's own leak test) through the newsroom's services, for leak.spec.ts. Run as its
// own process (tsx --conditions=react-server), because Playwright cannot load server-only modules;
// prints the case ids as one JSON line.
//   tsx --conditions=react-server tests/e2e/static/leak-content.ts DATA_DIR
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedLeakStates } from '../../integration/public/leak-states';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: leak-content.ts DATA_DIR');
const database = await openDatabase({ dataDir: path.join(path.resolve(dataDir), 'pglite') });
try {
  await migrateDatabase(database);
  console.log(JSON.stringify(await seedLeakStates(database.db)));
} finally {
  await database.close();
}
