import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, users, type Case, type CaseRevision } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { caseRefSchema } from '@/lib/validations/case';
import { compareRevisionsSchema, restoreRevisionSchema } from '@/lib/validations/revision';
import { diffContents, type ContentDiff } from './revision-diff';
import { checkVersion, lockCaseForContent, writeCaseContent } from './case-write';
import { authorize, inTransaction, refuse } from './guard';
import { fail, ok, type Result } from './result';

export interface RevisionSummary {
  id: number;
  number: number;
  authorId: number;
  authorName: string;
  note: string;
  title: string;
  createdAt: Date;
}

/** The history of a case, newest first. */
export async function listRevisions(db: Db, actor: Actor, input: unknown): Promise<Result<{ revisions: RevisionSummary[] }>> {
  const parsed = authorize(actor, 'case.read', caseRefSchema, input);
  if (!parsed.ok) return parsed;
  const rows = await db
    .select({
      id: caseRevisions.id,
      number: caseRevisions.number,
      authorId: caseRevisions.authorId,
      authorName: users.name,
      note: caseRevisions.note,
      content: caseRevisions.content,
      createdAt: caseRevisions.createdAt,
    })
    .from(caseRevisions)
    .innerJoin(users, eq(users.id, caseRevisions.authorId))
    .where(eq(caseRevisions.caseId, parsed.data.caseId))
    .orderBy(desc(caseRevisions.number));
  return ok({ revisions: rows.map(({ content, ...r }) => ({ ...r, title: content.title })) });
}

/** Any two revisions of one case, compared per field and per section, character by character. */
export async function compareRevisions(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<Result<{ from: CaseRevision; to: CaseRevision; diff: ContentDiff }>> {
  const parsed = authorize(actor, 'case.read', compareRevisionsSchema, input);
  if (!parsed.ok) return parsed;
  const { caseId, fromRevisionId, toRevisionId } = parsed.data;
  const rows = await db
    .select()
    .from(caseRevisions)
    .where(and(eq(caseRevisions.caseId, caseId), inArray(caseRevisions.id, [fromRevisionId, toRevisionId])));
  const from = rows.find((r) => r.id === fromRevisionId);
  const to = rows.find((r) => r.id === toRevisionId);
  if (!from || !to) return fail('找不到要比较的版本。');
  return ok({ from, to, diff: diffContents(from.content, to.content) });
}

/** Makes an old revision current again, as a new revision: history is never rewritten. */
export async function restoreRevision(db: Db, actor: Actor, input: unknown): Promise<Result<{ case: Case; revision: CaseRevision | null }>> {
  const parsed = authorize(actor, 'case.edit', restoreRevisionSchema, input);
  if (!parsed.ok) return parsed;
  const { caseId, revisionId, baseVersion } = parsed.data;
  return inTransaction(db, async (tx) => {
    const row = await lockCaseForContent(tx, caseId);
    await checkVersion(tx, row, baseVersion);
    const [source] = await tx.select().from(caseRevisions).where(and(eq(caseRevisions.id, revisionId), eq(caseRevisions.caseId, caseId)));
    if (!source) refuse('该版本不属于这个案例。');
    const written = await writeCaseContent(tx, row, actor, {
      content: source.content,
      note: `恢复自第${source.number}版`,
      action: 'case.restore',
      // The restored text is its writers' until someone else reviews it, whoever brings it back.
      source,
      extraAudit: { restoredFrom: source.number },
    });
    if (!written) refuse(`当前内容与第${source.number}版相同，无需恢复。`);
    return ok(written);
  });
}
