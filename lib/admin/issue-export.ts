import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, issues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { ImportJson } from '@/lib/import/types';
import { can } from '@/lib/workflow';
import { parseRouteId } from './case-detail';
import type { ExportIssue } from './compilation-export';

/**
 * An issue with the current working text of each of its cases, in order, for export. Staff only:
 * the export carries drafts, so it checks the reader itself rather than trusting the route.
 */
export async function loadIssueForExport(db: Db, actor: Actor | null, issueId: number): Promise<ExportIssue | null> {
  if (!actor || !can(actor.role, 'case.read')) return null;
  const [issue] = await db.select().from(issues).where(eq(issues.id, issueId));
  if (!issue) return null;
  const rows = await db
    .select({ position: cases.position, revisionId: cases.currentRevisionId })
    .from(cases)
    .where(eq(cases.issueId, issueId))
    .orderBy(asc(cases.position));
  const ids = rows.map((r) => r.revisionId).filter((id): id is number => id !== null);
  const revisions = ids.length ? await db.select({ id: caseRevisions.id, content: caseRevisions.content }).from(caseRevisions).where(inArray(caseRevisions.id, ids)) : [];
  const byId = new Map(revisions.map((r) => [r.id, r.content]));
  return {
    number: issue.number,
    title: issue.title,
    foreword: issue.foreword,
    cases: rows.flatMap((r, i) => {
      const content = r.revisionId === null ? undefined : byId.get(r.revisionId);
      if (!content) return [];
      const { title, regions, profile, lead, sections } = content;
      // Positions are renumbered from order so the export is always 1, 2, 3… as the importer expects.
      return [{ position: i + 1, title, regions, profile, lead, sections: sections.map(({ kind, heading, body }) => ({ kind, heading, body })) }];
    }),
  };
}

/** The importer's JSON shape (no warnings: this content is already structured). */
export function exportJson(issue: ExportIssue): ImportJson {
  const { foreword: _foreword, ...importIssue } = issue;
  return { issues: [importIssue], warnings: [] };
}

/** "第3期-主题.docx", safe for a Content-Disposition header in any browser. */
export function exportFileName(issue: ExportIssue, extension: 'docx' | 'json'): { ascii: string; utf8: string } {
  const name = `第${issue.number}期-${issue.title}`.replace(/[\\/:*?"<>|\r\n]+/gu, ' ').slice(0, 80);
  return { ascii: `issue-${issue.number}.${extension}`, utf8: encodeURIComponent(`${name}.${extension}`) };
}

const EXPORT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
} as const;

/** The response of an export route: staff only, the issue's working text as a download in one format. */
export async function issueExportResponse(
  db: Db,
  actor: Actor | null,
  rawId: string,
  extension: keyof typeof EXPORT_TYPES,
  render: (issue: ExportIssue) => Promise<BodyInit> | BodyInit,
): Promise<Response> {
  if (!actor) return new Response('请先登录。', { status: 401 });
  const id = parseRouteId(rawId);
  const issue = id === null ? null : await loadIssueForExport(db, actor, id);
  if (!issue) return new Response('未找到这一期。', { status: 404 });
  const name = exportFileName(issue, extension);
  return new Response(await render(issue), {
    headers: {
      'content-type': EXPORT_TYPES[extension],
      'content-disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${name.utf8}`,
      'cache-control': 'no-store',
    },
  });
}
