import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { IssueCases } from '@/components/admin/issues/issue-cases';
import { IssueFieldsForm } from '@/components/admin/issues/issue-fields-form';
import { IssueSections } from '@/components/admin/issues/issue-sections';
import { PublishControls } from '@/components/admin/issues/publish-controls';
import { IssueStatusBadge } from '@/components/admin/status-badge';
import { parseRouteId } from '@/lib/admin/case-detail';
import { loadIssueDetail } from '@/lib/admin/issue-detail';
import { adminIssueSerial } from '@/lib/admin/issue-serial';
import { requirePageActor } from '@/lib/admin/session';
import { correctionCaseName, listPendingCorrections } from '@/lib/services/corrections';
import { CASE_STATUS_LABELS } from '@/lib/content/model';
import { caseLabel, issueLabel } from '@/lib/content/numerals';
import { can, issueCasesLock, issueFieldsLock } from '@/lib/workflow';

export const metadata: Metadata = { title: '编辑一期' };

export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/issues/${raw}`);
  const id = parseRouteId(raw);
  if (id === null) notFound();
  const db = await getDb();
  const detail = await loadIssueDetail(db, actor, id);
  if (!detail) notFound();
  const pending = await listPendingCorrections(db, actor, { issueId: id });
  const corrections = (pending.ok ? pending.corrections : [])
    .filter((p) => p.changed)
    .map((p) => ({ caseId: p.caseId, name: correctionCaseName(p), fromNumber: p.from.number, toNumber: p.to.number }));
  const { issue, items, candidates, unpublishedFields, sections, editors } = detail;
  const fieldsLock = issueFieldsLock(issue);
  const casesLock = issueCasesLock(issue);
  const label = issueLabel(issue.number);
  const serial = await adminIssueSerial(db, issue);
  const notReady = items.filter((c) => !c.publishable);
  const withErrors = items.filter((c) => c.errors > 0);
  const toCorrect = withErrors.filter((c) => c.status === 'published').length;
  const ready = items.length > 0 && notReady.length === 0 && withErrors.length === 0;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            {serial.label}：{issue.title} <IssueStatusBadge status={issue.status} />
          </h1>
          <p className="sub">
            {serial.provisional ? '年份和年内期号按预定发布时间（未定时按今年）和已发布的各期推算，发布时确定。' : '年份和年内期号已在发布时确定。'}
            拖动或用“上移/下移”调整顺序，典型做法之N 随顺序自动编号。
          </p>
        </div>
        <div className="actions">
          <a className="btn" href={`/admin/issues/${id}/export/docx`}>
            导出 Word
          </a>
          <a className="btn" href={`/admin/issues/${id}/export/json`}>
            导出 JSON
          </a>
        </div>
      </div>
      <div className="review-grid">
        <div>
          <IssueSections
            issueId={id}
            sections={sections}
            canArrange={can(actor.role, 'issue.arrange')}
            structureLock={casesLock}
            renameLock={fieldsLock}
          />
          <IssueCases issueId={id} items={items} candidates={candidates} sections={sections} canArrange={can(actor.role, 'issue.arrange')} lockedReason={casesLock} />
          <div className="panel">
            <IssueFieldsForm
              issue={{ id, version: issue.version, number: issue.number, title: issue.title, foreword: issue.foreword, responsibleEditorId: issue.responsibleEditorId }}
              editors={editors}
              disabled={!can(actor.role, 'issue.edit')}
              lockedReason={can(actor.role, 'issue.edit') ? fieldsLock : null}
            />
          </div>
        </div>
        <div>
          <section className="panel" aria-labelledby="checklist-title">
            <h2 id="checklist-title">发布前检查</h2>
            <ul className="checklist">
              <li className={items.length > 0 ? 'ok' : 'no'}>{items.length > 0 ? '✓' : '✗'} 本期有 {items.length} 个案例</li>
              <li className={notReady.length === 0 && items.length > 0 ? 'ok' : 'no'}>
                {notReady.length === 0 && items.length > 0 ? '✓ 全部案例已审核通过' : `✗ ${notReady.length} 个案例未审核通过`}
              </li>
              {notReady.map((c) => (
                <li key={c.id} className="small">
                  　{caseLabel(c.position)}“{c.title}”：{CASE_STATUS_LABELS[c.status]}
                </li>
              ))}
              <li className={withErrors.length === 0 ? 'ok' : 'no'}>
                {withErrors.length === 0 ? '✓ 校对无错误' : `✗ ${withErrors.length} 个案例有校对错误`}
                {toCorrect > 0 ? `（其中 ${toCorrect} 个已发布，待更正）` : ''}
              </li>
            </ul>
          </section>
          <PublishControls
            issueId={id}
            label={label}
            status={issue.status}
            scheduledAt={issue.scheduledAt?.toISOString() ?? null}
            caseCount={items.length}
            ready={ready}
            notReadyReason={
              items.length === 0 ? '本期还没有案例。' : notReady.length > 0 ? `还有 ${notReady.length} 个案例未审核通过。` : withErrors.length > 0 ? `${withErrors.length} 个案例有校对错误。` : null
            }
            unpublishedFields={unpublishedFields}
            corrections={corrections}
            can={{ publish: can(actor.role, 'issue.publish'), unpublish: can(actor.role, 'issue.unpublish'), schedule: can(actor.role, 'issue.schedule') }}
          />
        </div>
      </div>
    </>
  );
}
