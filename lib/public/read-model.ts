import 'server-only';
import { asc, desc, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { publishedCases, publishedIssues } from '@/db/schema';

// The public site's only way to the database. It names only the published read-model tables,
// which the publish transaction alone writes, so no query here can return a working draft.

export async function listPublishedIssuesWithCases() {
  const db = await getDb();
  const issueRows = await db.select().from(publishedIssues).orderBy(desc(publishedIssues.number));
  const caseRows = issueRows.length
    ? await db
        .select({ caseId: publishedCases.caseId, issueId: publishedCases.issueId, position: publishedCases.position, title: publishedCases.title })
        .from(publishedCases)
        .where(inArray(publishedCases.issueId, issueRows.map((i) => i.issueId)))
        .orderBy(asc(publishedCases.position))
    : [];
  return issueRows.map((issue) => ({ ...issue, cases: caseRows.filter((c) => c.issueId === issue.issueId) }));
}
