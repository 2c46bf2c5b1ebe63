// The newsroom working on the shared database while the two instances run: the same services the
// app uses, run as their own process (tsx --conditions=react-server), because Playwright cannot load
// server-only modules. Prints a JSON line for the spec to read.
//   seed | publish ISSUE_ID | unpublish ISSUE_ID   (DATABASE_URL names the database)
import { asc, eq } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { users } from '@/db/schema';
import { addCase, createIssue, createStaff, markedContent, publishIssue, unpublishIssue, type Staff } from '../../integration/public/content';

async function existingStaff(db: Db): Promise<Staff> {
  const actor = async (role: 'editor' | 'reviewer') => {
    const [u] = await db.select().from(users).where(eq(users.role, role)).orderBy(asc(users.id)).limit(1);
    if (!u) throw new Error(`no ${role}: run seed first`);
    return { id: u.id, name: u.name, email: u.email, role: u.role };
  };
  return { editor: await actor('editor'), reviewer: await actor('reviewer') };
}

async function main(db: Db, [command, arg]: string[]): Promise<unknown> {
  if (command === 'seed') {
    const staff = await createStaff(db);
    const published = await createIssue(db, staff, 1, '两实例的第一期');
    await addCase(db, staff, markedContent('mkfirstissue'), published, 'approved');
    await publishIssue(db, staff, published);
    const later = await createIssue(db, staff, 2, '稍后发布的第二期 mksecondissue');
    const laterCase = await addCase(db, staff, markedContent('mksecondissue', { regions: ['440300'] }), later, 'approved');
    const draftCase = await addCase(db, staff, markedContent('mkneverpublished', { regions: ['440300'] }), null, 'approved');
    return { published, later, laterCase, draftCase };
  }
  const issueId = Number(arg);
  if (command === 'publish') return publishIssue(db, await existingStaff(db), issueId);
  if (command === 'unpublish') return unpublishIssue(db, await existingStaff(db), issueId);
  throw new Error(`unknown command ${command}`);
}

const database = await openDatabase({ url: process.env.DATABASE_URL! });
try {
  console.log(JSON.stringify((await main(database.db, process.argv.slice(2))) ?? {}));
} finally {
  await database.close();
}
