'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';
import { restoreRevisionAction } from '@/lib/actions/reviews';

/** Restores an old revision as a new one, after saying so: history is never rewritten. */
interface Props {
  caseId: number;
  revisionId: number;
  revisionNumber: number;
  baseVersion: number;
  /** The page writes the reason beside the list (the case's issue is scheduled). */
  disabled?: boolean;
}

export function RestoreButton({ caseId, revisionId, revisionNumber, baseVersion, disabled = false }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button size="sm" disabled={disabled} onClick={() => setOpen(true)}>
        恢复
      </Button>
      <Dialog
        open={open}
        title={`恢复第${revisionNumber}版`}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <Button
              variant="primary"
              pending={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await restoreRevisionAction({ caseId, revisionId, baseVersion });
                  if (!result.ok) return setError(result.message);
                  setOpen(false);
                  router.refresh();
                })
              }
            >
              确认恢复
            </Button>
          </>
        }
      >
        <p>第{revisionNumber}版的内容将成为一个新的版本，现有版本都会保留。已通过审核的案例恢复后回到草稿。</p>
        {error ? <Notice tone="error">{error}</Notice> : null}
      </Dialog>
    </>
  );
}
