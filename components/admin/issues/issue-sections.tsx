'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { createSectionAction, deleteSectionAction, renameSectionAction, reorderSectionsAction } from '@/lib/actions/issue-sections';
import { MAX_SECTION_TITLE_LENGTH } from '@/lib/validations/issue';

interface Props {
  issueId: number;
  sections: { id: number; title: string }[];
  canArrange: boolean;
  /** Why 栏目 cannot be added, removed or reordered now (scheduled or published), or null. */
  structureLock: string | null;
  /** Why 栏目 cannot be renamed now (scheduled), or null. */
  renameLock: string | null;
}

type Outcome = { ok: true; message?: string } | { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };

/**
 * 栏目 of an issue: add, rename, reorder, delete. Cases are listed under them in the case list
 * below; those under none come first. Every change renumbers 典型做法之N at once.
 */
export function IssueSections({ issueId, sections, canArrange, structureLock, renameLock }: Props) {
  const router = useRouter();
  const [titles, setTitles] = useState<Record<number, string>>({});
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  useEffect(() => setTitles(Object.fromEntries(sections.map((s) => [s.id, s.title]))), [sections]);
  const structural = canArrange && structureLock === null;
  const renamable = canArrange && renameLock === null;

  const run = (work: () => Promise<Outcome>, after?: () => void) =>
    startTransition(async () => {
      const result = await work();
      // A refused name says why beside the message (every field error, not only the first).
      const text = result.ok ? (result.message ?? '') : [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(' ');
      setMessage({ tone: result.ok ? 'success' : 'error', text });
      if (result.ok) after?.();
      router.refresh();
    });
  const move = (from: number, to: number) => {
    const ids = sections.map((s) => s.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    run(() => reorderSectionsAction({ issueId, sectionIds: ids }));
  };

  return (
    <section className="panel" aria-labelledby="issue-sections-title">
      <h2 id="issue-sections-title">栏目（{sections.length}）</h2>
      <p className="small">栏目把本期目录按主题分组。未归入栏目的案例排在最前面，其后按栏目顺序排列；典型做法之N 随之自动编号。</p>
      <div aria-live="polite">{message ? <Notice tone={message.tone}>{message.text}</Notice> : null}</div>
      {canArrange && (structureLock ?? renameLock) ? <p className="small">{structureLock ?? renameLock}</p> : null}
      {sections.length === 0 ? <p className="muted">本期没有栏目，案例按一个目录排列。</p> : null}
      <ol className="issue-case-list">
        {sections.map((s, index) => (
          <li key={s.id}>
            <label className="sr-only" htmlFor={`section-title-${s.id}`}>
              栏目名称
            </label>
            <input
              id={`section-title-${s.id}`}
              className="grow"
              type="text"
              maxLength={MAX_SECTION_TITLE_LENGTH}
              value={titles[s.id] ?? s.title}
              disabled={!renamable}
              onChange={(e) => setTitles({ ...titles, [s.id]: e.target.value })}
            />
            {canArrange ? (
              <span className="actions">
                <Button
                  size="sm"
                  disabled={!renamable || pending || (titles[s.id] ?? s.title) === s.title}
                  onClick={() => run(() => renameSectionAction({ issueId, sectionId: s.id, title: titles[s.id] ?? s.title }))}
                  aria-label={`保存栏目“${s.title}”的名称`}
                >
                  改名
                </Button>
                <Button size="sm" disabled={!structural || index === 0 || pending} onClick={() => move(index, index - 1)} aria-label={`上移栏目“${s.title}”`}>
                  上移
                </Button>
                <Button size="sm" disabled={!structural || index === sections.length - 1 || pending} onClick={() => move(index, index + 1)} aria-label={`下移栏目“${s.title}”`}>
                  下移
                </Button>
                <Button size="sm" variant="danger" disabled={!structural || pending} onClick={() => run(() => deleteSectionAction({ issueId, sectionId: s.id }))} aria-label={`删除栏目“${s.title}”`}>
                  删除
                </Button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {canArrange ? (
        <div className="toolbar" style={{ marginTop: 10 }}>
          <div className="field grow">
            <label className="field-label" htmlFor="add-section">
              新栏目名称
            </label>
            <input id="add-section" type="text" maxLength={MAX_SECTION_TITLE_LENGTH} value={adding} disabled={!structural} onChange={(e) => setAdding(e.target.value)} />
          </div>
          <Button disabled={!structural || !adding.trim()} pending={pending} onClick={() => run(() => createSectionAction({ issueId, title: adding }), () => setAdding(''))}>
            添加栏目
          </Button>
        </div>
      ) : null}
    </section>
  );
}
