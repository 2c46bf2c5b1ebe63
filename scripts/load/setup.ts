import crypto from 'node:crypto';
import { eq, max } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { auditLog, publishedCases, publishedIssues, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { bootstrapDemo } from '@/lib/services/demo';
import { addCaseToIssue, createIssue } from '@/lib/services/issues';
import { createCase, submitForReview } from '@/lib/services/cases';
import { publishIssue } from '@/lib/services/publishing';
import { recordRound } from '@/lib/services/proofreading-rounds';
import { addComment, approve } from '@/lib/services/reviews';
import { readReviewStages } from '@/lib/services/review-stages';
import { requiredRoundsToPublish } from '@/lib/workflow';
import type { Result } from '@/lib/services/result';
import { createUserFromCommandLine } from '@/lib/services/users';
import { draftContent, publicContent } from './content';
import type { LoadDatabase } from './database';

// Everything the run needs, written through the same services the app uses, before the server
// starts: accounts, an issue whose clean approved cases the reviewer publishes and unpublishes, and
// one draft case per editor plus one shared by each pair of editors.

export const TOGGLED_ISSUE_NUMBER = 901;
const DRAFT_ISSUE_NUMBER = 902;
const PUBLIC_CASES = 3;

export interface EditorPlan {
  index: number;
  email: string;
  userId: number;
  ownCaseId: number;
  ownVersion: number;
  pairCaseId: number;
  pairVersion: number;
  threadId: number;
  threadRevisionId: number;
}

export interface Plan {
  password: string;
  editors: EditorPlan[];
  reviewer: { email: string; userId: number };
  toggled: { issueId: number; number: number; caseIds: number[] };
  demo: { issueNumbers: number[]; caseIds: number[] };
  /** Audit entries after this id were written during the run. */
  auditBaseline: number;
}

function must<T extends object>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`准备数据失败（${what}）：${result.message}`);
  return result;
}

export async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`没有账号 ${email}`);
  return { id: u.id, name: u.name, email: u.email, role: u.role };
}

async function createAccount(db: Db, email: string, name: string, role: 'editor' | 'reviewer', password: string): Promise<number> {
  return must(await createUserFromCommandLine(db, { email, name, role, password }), email).user.id;
}

/**
 * A clean case written by editor, placed in issueId, and approved by reviewer at the last review
 * stage; the demo's other reviewers pass the earlier stages and record the 校次 the stages require.
 */
export async function approvedCase(db: Db, editor: Actor, reviewer: Actor, issueId: number, k: number): Promise<number> {
  const created = must(await createCase(db, editor, { content: publicContent(k) }), '对照案例').case;
  must(await addCaseToIssue(db, editor, { issueId, caseId: created.id }), '加入对照期');
  const submitted = must(await submitForReview(db, editor, { caseId: created.id, baseVersion: created.version }), '提交对照案例').case;
  const revision = { caseId: created.id, revisionId: submitted.currentRevisionId! };
  const crew = [await actorByEmail(db, 'reviewer2@casebook.local'), await actorByEmail(db, 'reviewer3@casebook.local')];
  const stages = await readReviewStages(db);
  for (let i = 0; i < requiredRoundsToPublish(stages); i++) must(await recordRound(db, crew[0]!, revision), '记录校次');
  for (const [i, stage] of stages.slice(0, -1).entries()) must(await approve(db, crew[i]!, revision), `对照案例${stage.name}`);
  must(await approve(db, reviewer, revision), '审核对照案例');
  return created.id;
}

export async function prepare(database: LoadDatabase, editorCount: number, nextMarker: () => number): Promise<Plan> {
  const opened = await database.open();
  const db = opened.db;
  try {
    await migrateDatabase(opened);
    await bootstrapDemo(db, { dataDir: database.dataDir, log: () => {} });
    const password = crypto.randomBytes(12).toString('hex');
    const demoEditor = await actorByEmail(db, 'editor@casebook.local');
    const demoReviewer = await actorByEmail(db, 'reviewer@casebook.local');

    const reviewerEmail = 'load-reviewer@casebook.local';
    const reviewerId = await createAccount(db, reviewerEmail, '负载审核', 'reviewer', password);
    const editorActors: Actor[] = [];
    for (let i = 0; i < editorCount; i++) {
      const email = `load-editor-${String(i + 1).padStart(2, '0')}@casebook.local`;
      const id = await createAccount(db, email, `负载编辑${i + 1}`, 'editor', password);
      editorActors.push({ id, email, name: `负载编辑${i + 1}`, role: 'editor' });
    }

    const toggled = must(await createIssue(db, demoEditor, { number: TOGGLED_ISSUE_NUMBER, title: '社区养老服务对照期', foreword: '本期在负载测试中反复发布和撤回。' }), '对照期').issue;
    const publicIds: number[] = [];
    for (let k = 1; k <= PUBLIC_CASES; k++) publicIds.push(await approvedCase(db, demoEditor, demoReviewer, toggled.id, k));
    must(await publishIssue(db, demoReviewer, { issueId: toggled.id }), '发布对照期');

    const drafts = must(await createIssue(db, demoEditor, { number: DRAFT_ISSUE_NUMBER, title: '负载演练草稿期', foreword: '' }), '草稿期').issue;
    const editors: EditorPlan[] = [];
    const pairCases: { id: number; version: number }[] = [];
    for (const [i, actor] of editorActors.entries()) {
      const own = must(await createCase(db, actor, { content: draftContent(i + 1, 0, nextMarker()) }), '编辑的案例').case;
      must(await addCaseToIssue(db, actor, { issueId: drafts.id, caseId: own.id }), '加入草稿期');
      const thread = must(
        await addComment(db, demoReviewer, { caseId: own.id, revisionId: own.currentRevisionId!, sectionIndex: 0, parentId: null, body: '请补充这项做法的具体措施。' }),
        '审核意见',
      ).comment;
      if (i % 2 === 0) {
        const shared = must(await createCase(db, actor, { content: draftContent(i + 1, 0, nextMarker()) }), '两人共用的案例').case;
        pairCases.push({ id: shared.id, version: shared.version });
      }
      const pair = pairCases[Math.floor(i / 2)]!;
      editors.push({
        index: i + 1,
        email: actor.email,
        userId: actor.id,
        ownCaseId: own.id,
        ownVersion: own.version,
        pairCaseId: pair.id,
        pairVersion: pair.version,
        threadId: thread.id,
        threadRevisionId: thread.revisionId,
      });
    }

    const demoIssues = await db.select({ number: publishedIssues.number }).from(publishedIssues);
    const demoCases = await db.select({ id: publishedCases.caseId }).from(publishedCases).orderBy(publishedCases.caseId).limit(15);
    const [{ top } = { top: 0 }] = await db.select({ top: max(auditLog.id) }).from(auditLog);
    return {
      password,
      editors,
      reviewer: { email: reviewerEmail, userId: reviewerId },
      toggled: { issueId: toggled.id, number: toggled.number, caseIds: publicIds },
      demo: {
        issueNumbers: demoIssues.map((r) => r.number).filter((n) => n !== TOGGLED_ISSUE_NUMBER),
        caseIds: demoCases.map((r) => r.id).filter((id) => !publicIds.includes(id)),
      },
      auditBaseline: top ?? 0,
    };
  } finally {
    await opened.close();
  }
}
