import 'server-only';
import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, caseStageDecisions, proofreadingRounds, publishedCases, publishedIssues, type Case, type Issue } from '@/db/schema';
import { CASE_STATUS_LABELS, type CaseContent } from '@/lib/content/model';
import { caseLabel, issueLabel } from '@/lib/content/numerals';
import { crossCheckCases } from '@/lib/proofread';
import { isPublishable, requiredRoundsToPublish } from '@/lib/workflow';
import { tocOrColophonChanged } from '@/lib/publication/colophon';
import { refuse } from './guard';
import { blockingFindings } from './proofreading';
import { readReviewStages } from './review-stages';

// What must hold before an issue goes out. Every check runs before anything is written, so a
// refusal leaves the transaction clean.

const name = (c: Case) => `${caseLabel(c.position ?? 0)}“${c.title}”`;

/**
 * The proofreader's errors in the texts going out, one line each naming the case; none means the
 * gate lets them pass. Two cases of one issue about the same place and year must also give the same
 * profile figures, so `entries` are all the issue's texts as the public would see them; `reported`
 * picks whose errors count (a correction of one case answers only for that case).
 */
export function proofreadingErrors(entries: { row: Case; content: CaseContent }[], reported: (row: Case) => boolean = () => true): string[] {
  const errors = entries.flatMap(({ row, content }) => (reported(row) ? blockingFindings(content).map((line) => `${name(row)}，${line}`) : []));
  crossCheckCases(entries.map((e) => e.content)).forEach((findings, i) => {
    const row = entries[i]!.row;
    if (reported(row)) for (const f of findings) if (f.severity === 'error') errors.push(`${name(row)}，概况：${f.message}`);
  });
  return errors;
}

/**
 * The approved cases among `rows` whose approved revision lacks the 校次 the stages require (the most
 * any stage requires), one line each. Status approved already means every stage passed. A revision
 * approved before stages existed has no stage decisions: it counts as having passed every stage, 校次
 * included, as the migration promised. Cases already public and unchanged are not asked again.
 */
export async function roundsShortfalls(tx: Db, rows: readonly Case[]): Promise<string[]> {
  const required = requiredRoundsToPublish(await readReviewStages(tx));
  const approved = rows.filter((c) => c.status === 'approved' && c.approvedRevisionId !== null);
  if (required === 0 || approved.length === 0) return [];
  const ids = approved.map((c) => c.approvedRevisionId!);
  const [revisions, rounds, decided] = await Promise.all([
    tx.select({ id: caseRevisions.id, number: caseRevisions.number }).from(caseRevisions).where(inArray(caseRevisions.id, ids)),
    tx.select({ revisionId: proofreadingRounds.revisionId, n: count() }).from(proofreadingRounds).where(inArray(proofreadingRounds.revisionId, ids)).groupBy(proofreadingRounds.revisionId),
    tx.selectDistinct({ revisionId: caseStageDecisions.revisionId }).from(caseStageDecisions).where(and(inArray(caseStageDecisions.revisionId, ids), eq(caseStageDecisions.decision, 'pass'))),
  ]);
  const numberOf = new Map(revisions.map((r) => [r.id, r.number]));
  const roundsOf = new Map(rounds.map((r) => [r.revisionId, r.n]));
  const staged = new Set(decided.map((d) => d.revisionId));
  return approved.flatMap((c) => {
    const id = c.approvedRevisionId!;
    const done = roundsOf.get(id) ?? 0;
    if (!staged.has(id) || done >= required) return [];
    return [`${name(c)}：第${numberOf.get(id) ?? '?'}版需要完成${required}次校对（已完成${done}次），请审核人员在审核页记录校次`];
  });
}

/** Refuses unless every case of the issue can be published; returns the cases in order. */
export async function assertPublishable(tx: Db, issue: Issue): Promise<Case[]> {
  const rows = await tx.select().from(cases).where(eq(cases.issueId, issue.id)).orderBy(asc(cases.position));
  if (rows.length === 0) refuse('本期还没有案例，不能发布。');
  const notReady = rows.filter((c) => !isPublishable(c));
  if (notReady.length > 0) {
    refuse(`有${notReady.length}个案例尚未审核通过，本期不能发布。`, {
      details: notReady.map((c) => `${name(c)}：${CASE_STATUS_LABELS[c.status]}${c.publishedRevisionId ? '（已发布的版本之后又有修改）' : ''}`),
    });
  }
  const short = await roundsShortfalls(tx, rows);
  if (short.length > 0) refuse(`有${short.length}个案例的校次不足，本期不能发布。`, { details: short });
  const revisionIds = rows.map((c) => (c.status === 'approved' ? c.approvedRevisionId! : c.publishedRevisionId!));
  const revisions = await tx.select().from(caseRevisions).where(inArray(caseRevisions.id, revisionIds));
  const present = rows.flatMap((c) => {
    const content = revisions.find((r) => r.caseId === c.id)?.content;
    return content ? [{ row: c, content }] : [];
  });
  const errors = proofreadingErrors(present);
  if (errors.length > 0) refuse('校对发现错误，本期不能发布。', { details: errors });
  const [holder] = await tx
    .select({ issueId: publishedIssues.issueId })
    .from(publishedIssues)
    .where(and(eq(publishedIssues.number, issue.number), ne(publishedIssues.issueId, issue.id)));
  if (holder) refuse(`${issueLabel(issue.number)}的期号仍被另一期已发布的内容占用，请先撤回那一期或更换期号。`);
  return rows;
}

/** For an issue already out: whether publishing again would change what the public sees. */
export async function hasUnpublishedChanges(tx: Db, issue: Issue, rows: Case[]): Promise<boolean> {
  if (rows.some((c) => c.status === 'approved')) return true;
  const [pub] = await tx.select().from(publishedIssues).where(eq(publishedIssues.issueId, issue.id));
  if (!pub || pub.number !== issue.number || pub.title !== issue.title || pub.foreword !== issue.foreword) return true;
  const out = await tx
    .select({ caseId: publishedCases.caseId, position: publishedCases.position, sectionTitle: publishedCases.sectionTitle })
    .from(publishedCases)
    .where(eq(publishedCases.issueId, issue.id));
  if (out.length !== rows.length) return true;
  if (rows.some((c) => !out.some((o) => o.caseId === c.id && o.position === c.position))) return true;
  return tocOrColophonChanged(tx, issue.id, rows, { colophon: pub.colophon, sectionTitles: new Map(out.map((o) => [o.caseId, o.sectionTitle])) });
}
