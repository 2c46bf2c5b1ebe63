// Puts content into every state a case can be in, the way the workflow leaves it, without going
// through the workflow services (they are tested on their own): the read model is what matters here.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, issues } from '@/db/schema';
import type { CaseContent, CaseStatus } from '@/lib/content/model';
import { dematerializeIssue, materializeIssue } from '@/lib/publication/materialize';
import { appendRevision, denormalizedColumns, insertCaseWithRevision } from '@/lib/services/case-store';
import { sampleContent } from '../support/fixtures';

/** Content whose every field carries the marker, so a leak through any field is seen. */
export function markedContent(marker: string, overrides: Partial<CaseContent> = {}): CaseContent {
  return sampleContent({
    title: `${marker} 浙江省义乌市住房公积金制度改革`,
    lead: '',
    sections: [
      { kind: 'practice', heading: '主要做法', body: `一是推进住房公积金缴存扩面，${marker}。二是优化教育服务。` },
      { kind: 'outcome', heading: '主要成效', body: `成效明显（${marker}）。` },
    ],
    tags: ['住房保障', marker],
    ...overrides,
  });
}

export async function createIssue(db: Db, number: number, title: string, foreword = ''): Promise<number> {
  const [row] = await db.insert(issues).values({ number, title, foreword }).returning({ id: issues.id });
  return row!.id;
}

export async function addCase(db: Db, authorId: number, content: CaseContent, issueId: number | null, position: number | null, status: CaseStatus = 'draft') {
  const row = await insertCaseWithRevision(db, { content, authorId, issueId, position });
  if (status !== 'draft') {
    await db
      .update(cases)
      .set({ status, approvedRevisionId: status === 'approved' ? row.currentRevisionId : null })
      .where(eq(cases.id, row.id));
  }
  return row.id;
}

/** Approves every case of the issue and publishes it, in one transaction, as the workflow does. */
export async function publishIssue(db: Db, issueId: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(cases)
      .set({ status: 'approved', approvedRevisionId: sql`${cases.currentRevisionId}` })
      .where(and(eq(cases.issueId, issueId), sql`${cases.status} <> 'published'`));
    await materializeIssue(tx, issueId, now);
  });
}

export async function unpublishIssue(db: Db, issueId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await dematerializeIssue(tx, issueId);
    await tx.update(issues).set({ status: 'draft', publishedAt: null }).where(eq(issues.id, issueId));
    await tx.update(cases).set({ status: 'draft', publishedRevisionId: null }).where(eq(cases.issueId, issueId));
  });
}

/** An editor's new working revision of a published case: the public must keep the old one. */
export async function reviseCase(db: Db, caseId: number, authorId: number, content: CaseContent): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, caseId));
    const [{ n } = { n: 0 }] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from case_revisions where case_id = ${caseId}`).then((r) =>
      Array.isArray(r) ? (r as { n: number }[]) : ((r as { rows: { n: number }[] }).rows ?? []),
    );
    const revision = await appendRevision(tx, caseId, Number(n) + 1, authorId, content, '');
    await tx
      .update(cases)
      .set({ ...denormalizedColumns(content), currentRevisionId: revision.id, status: 'draft', version: (row?.version ?? 1) + 1 })
      .where(eq(cases.id, caseId));
  });
}
