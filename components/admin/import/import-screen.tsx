'use client';
import Link from 'next/link';
import { useActionState, useState, useTransition } from 'react';
import { previewImportAction, runImportAction, type PreviewResult } from '@/app/(admin)/admin/import/actions';
import { Button, SubmitButton } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { ImportPreviewView } from './import-preview-view';

type ImportOutcome = { ok: true; message?: string; issueIds?: number[] } | { ok: false; message: string };

export function ImportScreen() {
  const [preview, previewAction, previewing] = useActionState<PreviewResult | null, FormData>(previewImportAction, null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [importing, startImport] = useTransition();
  const ready = preview?.ok ? preview : null;
  return (
    <>
      <form className="panel" action={previewAction} onSubmit={() => setOutcome(null)}>
        <h2>1. 选择内容</h2>
        {preview && !preview.ok ? <Notice tone="error">{preview.message}</Notice> : null}
        <div className="grid-2">
          <Field label="上传文件" hint="支持 .docx、.txt（UTF-8 或 GB18030）和本系统导出的 .json，不超过 5 MB。" error={preview && !preview.ok ? preview.fieldErrors?.file : undefined}>
            {(p) => <input {...p} name="file" type="file" accept=".docx,.txt,.json,text/plain,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />}
          </Field>
          <Field label="或粘贴文本" hint="格式同汇编：第一期：主题 / 典型做法之1：标题 / 概况 / （一）主要做法。正文">
            {(p) => <textarea {...p} name="text" rows={5} placeholder={'第一期：加快城镇基本公共服务均等化\n典型做法之1：……'} />}
          </Field>
        </div>
        <div className="actions" style={{ marginTop: 10 }}>
          <SubmitButton variant="primary" pending={previewing} pendingText="正在解析…">
            解析并预览
          </SubmitButton>
          <span className="muted small">这一步不会写入任何内容。</span>
        </div>
      </form>

      {ready ? (
        <section className="panel" aria-labelledby="import-preview-title">
          <div className="page-header" style={{ marginBottom: 8 }}>
            <h2 id="import-preview-title" style={{ margin: 0 }}>
              2. 预览：{ready.preview.totals.issues} 期，{ready.preview.totals.cases} 个案例
            </h2>
            <div className="actions">
              <Button
                variant="primary"
                pending={importing}
                pendingText="正在导入…"
                disabled={outcome?.ok === true}
                onClick={() =>
                  startImport(async () => {
                    setOutcome(await runImportAction({ text: ready.text }));
                  })
                }
              >
                确认导入为草稿
              </Button>
            </div>
          </div>
          {outcome ? (
            <Notice tone={outcome.ok ? 'success' : 'error'}>
              {outcome.message} {outcome.ok ? <Link href="/admin/cases?status=draft">查看草稿案例</Link> : null}
            </Notice>
          ) : null}
          <ImportPreviewView preview={ready.preview} />
        </section>
      ) : null}
    </>
  );
}
