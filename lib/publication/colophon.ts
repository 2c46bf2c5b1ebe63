import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, caseStageDecisions, issues, issueSections, reviewStages, users, type PublishedColophon } from '@/db/schema';
import { readSiteSettings } from '@/lib/services/site-settings';

// What an issue publishes besides its cases' texts: the 栏目 each case is listed under, and the
// colophon (版权页) naming who answered for it. Read from the working tables at publish time, so
// the public copy keeps them as they were when the issue went out.

/** A case going out, with the revision the public will see. */
export interface OutgoingCase {
  caseId: number;
  revisionId: number;
}

/** Each case's 栏目 title, or null for a case listed under none. */
export async function sectionTitles(tx: Db, issueId: number): Promise<Map<number, string | null>> {
  const rows = await tx
    .select({ caseId: cases.id, title: issueSections.title })
    .from(cases)
    // A 栏目 of another issue (never written, but not a constraint either) counts as none.
    .leftJoin(issueSections, and(eq(issueSections.id, cases.sectionId), eq(issueSections.issueId, cases.issueId)))
    .where(eq(cases.issueId, issueId));
  return new Map(rows.map((r) => [r.caseId, r.title ?? null]));
}

/**
 * Who passed the revisions going out at each stage, in case order. A revision approved before
 * review stages existed has no stage decisions: its approver (recorded on the revision, else the
 * case's last reviewer when that revision is the approved one) signs at the last stage, which is
 * what a single approval was.
 */
async function stageSigners(tx: Db, outgoing: readonly OutgoingCase[], stageCount: number): Promise<Map<number, number[]>> {
  const byStage = new Map<number, number[]>();
  const add = (stage: number, userId: number | null) => {
    if (userId === null) return;
    const list = byStage.get(stage) ?? [];
    if (!list.includes(userId)) list.push(userId);
    byStage.set(stage, list);
  };
  const revisionIds = outgoing.map((o) => o.revisionId);
  if (revisionIds.length === 0 || stageCount === 0) return byStage;
  const [decisions, legacy] = await Promise.all([
    tx
      .select({ revisionId: caseStageDecisions.revisionId, stage: caseStageDecisions.stage, actorId: caseStageDecisions.actorId })
      .from(caseStageDecisions)
      .where(and(inArray(caseStageDecisions.revisionId, revisionIds), eq(caseStageDecisions.decision, 'pass')))
      .orderBy(asc(caseStageDecisions.at), asc(caseStageDecisions.id)),
    tx
      .select({ revisionId: caseRevisions.id, approvedById: caseRevisions.approvedById, approvedRevisionId: cases.approvedRevisionId, lastReviewerId: cases.lastReviewerId })
      .from(caseRevisions)
      .innerJoin(cases, eq(cases.id, caseRevisions.caseId))
      .where(inArray(caseRevisions.id, revisionIds)),
  ]);
  const legacyOf = new Map(legacy.map((l) => [l.revisionId, l.approvedById ?? (l.approvedRevisionId === l.revisionId ? l.lastReviewerId : null)]));
  for (const { revisionId } of outgoing) {
    const own = decisions.filter((d) => d.revisionId === revisionId);
    if (own.length === 0) add(stageCount, legacyOf.get(revisionId) ?? null);
    for (const d of own) add(d.stage, d.actorId);
  }
  return byStage;
}

/**
 * The colophon an issue publishes now, or null when the site shows none: the publisher (编印单位),
 * the responsible editor (责任编辑) and each configured stage with the names of those who passed the
 * texts going out at it.
 */
export async function issueColophon(tx: Db, issueId: number, outgoing: readonly OutgoingCase[]): Promise<PublishedColophon | null> {
  const settings = await readSiteSettings(tx);
  if (!settings.showColophon) return null;
  const [[issue], stages] = await Promise.all([
    tx.select({ responsibleEditor: users.name }).from(issues).leftJoin(users, eq(users.id, issues.responsibleEditorId)).where(eq(issues.id, issueId)),
    tx.select({ position: reviewStages.position, name: reviewStages.name }).from(reviewStages).orderBy(asc(reviewStages.position)),
  ]);
  const last = stages.at(-1)?.position ?? 0;
  const signers = await stageSigners(tx, outgoing, last);
  const ids = [...new Set([...signers.values()].flat())];
  const names = new Map(ids.length ? (await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]) : []);
  return {
    publisher: settings.publisherName,
    responsibleEditor: issue?.responsibleEditor ?? null,
    stages: stages.map((s) => ({ name: s.name, signers: (signers.get(s.position) ?? []).map((id) => names.get(id) ?? '').filter(Boolean) })),
  };
}

/** Whether two colophons say the same (jsonb does not keep key order, so compared field by field). */
export function sameColophon(a: PublishedColophon | null, b: PublishedColophon | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.publisher === b.publisher &&
    a.responsibleEditor === b.responsibleEditor &&
    a.stages.length === b.stages.length &&
    a.stages.every((s, i) => s.name === b.stages[i]!.name && s.signers.join('\u0000') === b.stages[i]!.signers.join('\u0000'))
  );
}

/**
 * For an issue already out and otherwise unchanged: whether publishing again would change a 栏目
 * title or the colophon the public sees (a renamed 栏目, another 责任编辑, the settings).
 */
export async function tocOrColophonChanged(
  tx: Db,
  issueId: number,
  rows: readonly { id: number; publishedRevisionId: number | null }[],
  published: { colophon: PublishedColophon | null; sectionTitles: ReadonlyMap<number, string | null> },
): Promise<boolean> {
  const titles = await sectionTitles(tx, issueId);
  if (rows.some((c) => (titles.get(c.id) ?? null) !== (published.sectionTitles.get(c.id) ?? null))) return true;
  const outgoing = rows.flatMap((c) => (c.publishedRevisionId === null ? [] : [{ caseId: c.id, revisionId: c.publishedRevisionId }]));
  return !sameColophon(await issueColophon(tx, issueId, outgoing), published.colophon);
}
