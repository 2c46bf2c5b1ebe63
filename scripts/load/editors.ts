import { callAction, type ActionName, type ActionRef, type ActionResult } from './actions';
import { draftContent, marker, replyText } from './content';
import type { CookieJar, HttpClient } from './http';
import type { PublicationLog } from './publication-log';
import type { EditorPlan } from './setup';
import type { Stats } from './stats';

// Editors and the reviewer, through the real Server Actions with signed-in sessions. Every request
// goes into the ledger with what the server answered, so the database can be checked against it.

export type Answer = 'ack' | 'conflict' | 'refused' | 'error';

export interface LedgerEntry {
  action: ActionName;
  actorId: number;
  targetId: number;
  answer: Answer;
  /** The marker carried by a save or a reply. */
  marker?: string;
  /** Deliberately stale: a conflict is the right answer. */
  stale?: boolean;
  /** A case two editors save at once, or one whose last save went unanswered: a conflict is an expected answer. */
  shared?: boolean;
  /** From the acknowledgement: the revision a save created, the version the case reached. */
  revision?: number;
  version?: number;
  message?: string;
}

export interface Session {
  jar: CookieJar;
  userId: number;
}

export interface ActorOptions {
  deadline: number;
  maxCycles: number;
  thinkMs: number;
}

const ACTION_LABELS: Record<ActionName, string> = {
  saveCaseAction: '编辑：保存案例',
  submitCaseAction: '编辑：提交审核',
  withdrawCaseAction: '编辑：撤回提交',
  commentAction: '编辑：回复意见',
  publishIssueAction: '审核：发布',
  unpublishIssueAction: '审核：撤回发布',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const revisionOf = (message: string | undefined) => Number(/第(\d+)版/.exec(message ?? '')?.[1] ?? NaN);

export class Desk {
  readonly ledger: LedgerEntry[] = [];
  private markers = 0;

  constructor(
    private readonly client: HttpClient,
    private readonly actions: Record<ActionName, ActionRef>,
    private readonly stats: Stats,
    firstMarker: number,
  ) {
    this.markers = firstMarker;
  }

  nextMarker(): number {
    return ++this.markers;
  }

  /** Calls one action and files the answer; a conflict counts as expected only when the scenario provoked it. */
  async act(action: ActionName, session: Session, param: number, args: unknown, entry: Pick<LedgerEntry, 'marker' | 'stale' | 'shared'>): Promise<ActionResult | null> {
    const started = performance.now();
    let result: ActionResult | null = null;
    let detail = '';
    try {
      const { reply, result: parsed } = await callAction(this.client, session.jar, this.actions[action], param, args);
      result = parsed;
      detail = parsed ? parsed.message ?? '' : `HTTP ${reply.status}，无法解析的应答：${reply.body.slice(0, 160)}`;
    } catch (error) {
      detail = error instanceof Error ? error.message : String(error);
    }
    const ms = performance.now() - started;
    const answer: Answer = !result ? 'error' : result.ok ? 'ack' : result.conflict ? 'conflict' : 'refused';
    const ack = result?.ok ? result : null;
    this.ledger.push({
      ...entry,
      action,
      actorId: session.userId,
      targetId: param,
      answer,
      message: detail,
      revision: action === 'saveCaseAction' && ack ? revisionOf(ack.message) : undefined,
      version: ack?.version,
    });
    const expected = answer === 'conflict' && (entry.stale === true || entry.shared === true);
    this.stats.record(ACTION_LABELS[action], ms, answer === 'ack' ? 'ok' : expected ? 'expected' : 'error', detail);
    return result;
  }
}

/**
 * One editor, cycle after cycle: save their own case; save the case they share with another
 * editor (conflicts happen when both save at once, and are answered by taking the current version);
 * every third cycle a deliberately stale save; a reply to the reviewer's comment; every fourth
 * cycle submit for review and withdraw again.
 */
export async function runEditor(desk: Desk, session: Session, plan: EditorPlan, options: ActorOptions): Promise<void> {
  let ownVersion = plan.ownVersion;
  let pairVersion = plan.pairVersion;
  // After a request with no answer the editor no longer knows the version, as after a lost
  // connection in the browser: the next save may conflict, and its refusal tells the current one.
  let ownUnsure = false;
  const save = async (caseId: number, baseVersion: number, seq: number, how: { stale?: boolean; shared?: boolean } = {}) => {
    const n = desk.nextMarker();
    const args = { caseId, baseVersion, content: draftContent(plan.index, seq, n) };
    return desk.act('saveCaseAction', session, caseId, args, { marker: marker(n), ...how });
  };
  for (let cycle = 1; cycle <= options.maxCycles && Date.now() < options.deadline; cycle++) {
    const own = await save(plan.ownCaseId, ownVersion, cycle, { shared: ownUnsure });
    ownUnsure = own === null;
    if (own?.ok && own.version) ownVersion = own.version;
    else if (own && !own.ok && own.conflict) ownVersion = own.conflict.currentVersion;

    const pair = await save(plan.pairCaseId, pairVersion, cycle, { shared: true });
    if (pair?.ok && pair.version) pairVersion = pair.version;
    else if (pair && !pair.ok && pair.conflict) pairVersion = pair.conflict.currentVersion;

    if (cycle % 3 === 0 && ownVersion > 1) await save(plan.ownCaseId, ownVersion - 1, cycle, { stale: true });

    const n = desk.nextMarker();
    await desk.act(
      'commentAction',
      session,
      plan.ownCaseId,
      { caseId: plan.ownCaseId, revisionId: plan.threadRevisionId, sectionIndex: 0, parentId: plan.threadId, body: replyText(n) },
      { marker: marker(n) },
    );

    if (cycle % 4 === 0) {
      const submitted = await desk.act('submitCaseAction', session, plan.ownCaseId, { caseId: plan.ownCaseId, baseVersion: ownVersion }, {});
      if (submitted?.ok && submitted.version) {
        ownVersion = submitted.version;
        const withdrawn = await desk.act('withdrawCaseAction', session, plan.ownCaseId, { caseId: plan.ownCaseId, baseVersion: ownVersion }, {});
        if (withdrawn?.ok && withdrawn.version) ownVersion = withdrawn.version;
        else ownUnsure = true;
      } else if (!submitted) ownUnsure = true;
    }
    await sleep(options.thinkMs);
  }
}

/** The reviewer: unpublish the clean issue, wait, publish it again, wait — until the deadline. */
export async function runReviewer(desk: Desk, session: Session, issueId: number, publication: PublicationLog, options: ActorOptions): Promise<void> {
  for (let cycle = 0; cycle < options.maxCycles && Date.now() < options.deadline; cycle++) {
    for (const [action, event] of [
      ['unpublishIssueAction', 'unpublish'],
      ['publishIssueAction', 'publish'],
    ] as const) {
      if (Date.now() >= options.deadline) return;
      publication.requested(event, Date.now());
      const result = await desk.act(action, session, issueId, { issueId }, {});
      publication.answered(event, Date.now(), result?.ok === true);
      await sleep(options.thinkMs);
    }
  }
}
