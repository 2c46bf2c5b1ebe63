'use client';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { formatDateTime } from '@/components/admin/format';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { commentAction, resolveCommentAction } from '@/lib/actions/reviews';
import type { CommentView } from '@/lib/admin/review-detail';
import { useRegisterDraft } from './review-drafts';

interface Props {
  caseId: number;
  revisionId: number;
  sectionIndex: number | null;
  label: string;
  comments: CommentView[];
  can: { create: boolean; reply: boolean; resolve: boolean };
}

interface FormProps {
  draftKey: string;
  /** Where the comment goes, as the decision dialog lists an unsent one. */
  where: string;
  label: string;
  openText: string;
  submitText: string;
  onSubmit: (body: string) => Promise<string | null>;
}

/** A comment box that opens on demand, so a page with many sections is not a wall of empty boxes. */
function CommentForm({ draftKey, where, label, openText, submitText, onSubmit }: FormProps) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const box = useRef<HTMLTextAreaElement | null>(null);
  const send = async (): Promise<string | null> => {
    const failure = await onSubmit(body);
    setError(failure);
    if (!failure) (setBody(''), setOpen(false));
    return failure;
  };
  useRegisterDraft(draftKey, { where, body: () => body, send });
  if (!open) {
    return (
      <Button size="sm" onClick={() => (setOpen(true), requestAnimationFrame(() => box.current?.focus()))}>
        {openText}
      </Button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => void (await send()));
      }}
    >
      <Field label={label} error={error ?? undefined}>
        {(p) => <textarea {...p} ref={box} value={body} onChange={(e) => setBody(e.target.value)} rows={2} />}
      </Field>
      <div className="actions">
        <Button type="submit" size="sm" pending={pending} disabled={!body.trim()}>
          {submitText}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => (setBody(''), setError(null), setOpen(false))}>
          取消
        </Button>
      </div>
    </form>
  );
}

/** The comments on one section: threads with replies, each resolvable and reopenable. */
export function CommentThread({ caseId, revisionId, sectionIndex, label, comments, can }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const roots = comments.filter((c) => c.parentId === null);
  const post = async (body: string, parentId: number | null) => {
    const result = await commentAction({ caseId, revisionId, sectionIndex, parentId, body });
    if (!result.ok) return result.fieldErrors?.body?.join('；') ?? result.message;
    router.refresh();
    return null;
  };
  return (
    <div className="comments" aria-label={`${label}的审核意见`} role="region">
      {roots.map((root) => (
        <div key={root.id} className={root.resolved ? 'comment comment-resolved' : 'comment'}>
          {[root, ...comments.filter((c) => c.parentId === root.id)].map((c) => (
            <div key={c.id} className={c.parentId ? 'comment-reply' : undefined}>
              <div className="small muted">
                <strong>{c.authorName}</strong> · {formatDateTime(c.createdAt)} · 第{c.revisionNumber}版{c === root && root.resolved ? ' · 已处理' : ''}
              </div>
              <p style={{ margin: '2px 0 6px', whiteSpace: 'pre-wrap' }}>{c.body}</p>
            </div>
          ))}
          <div className="actions">
            {can.resolve ? (
              <Button
                size="sm"
                pending={pending}
                onClick={() =>
                  startTransition(async () => {
                    const result = await resolveCommentAction({ caseId, commentId: root.id, resolved: !root.resolved });
                    if (result.ok) router.refresh();
                  })
                }
              >
                {root.resolved ? '重新打开' : '标记为已处理'}
              </Button>
            ) : null}
          </div>
          {can.reply && !root.resolved ? (
            <CommentForm
              draftKey={`reply-${root.id}`}
              where={`${label}（回复${root.authorName}）`}
              label="回复"
              openText="回复"
              submitText="发表回复"
              onSubmit={(body) => post(body, root.id)}
            />
          ) : null}
        </div>
      ))}
      {can.create ? (
        <CommentForm
          draftKey={`section-${sectionIndex ?? 'whole'}`}
          where={label}
          label={`对“${label}”发表意见`}
          openText="添加意见"
          submitText="发表意见"
          onSubmit={(body) => post(body, null)}
        />
      ) : null}
    </div>
  );
}
