'use client';
import Link from 'next/link';
import { startTransition, useActionState, useRef, useState, useTransition } from 'react';
import { Button, SubmitButton } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { previewImportAction, runImportAction, type PreviewResult } from '@/lib/actions/import';
import { placeImportFailure } from '@/lib/admin/import-preview';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CHARS } from '@/lib/validations/import';
import { ImportPreviewView } from './import-preview-view';

type ImportOutcome = { ok: true; message?: string; issueIds?: number[] } | { ok: false; message: string; details?: string[] };

const TOO_BIG = `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后再导入。`;

function Details({ items }: { items?: string[] }) {
  return items && items.length > 1 ? (
    <ul className="small">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  ) : null;
}

export function ImportScreen() {
  // The text box is controlled and the form is never reset, so the editor fixes a flagged line in place and previews again.
  const [text, setText] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const [preview, previewAction, previewing] = useActionState<PreviewResult | null, FormData>(async (previous, formData) => {
    const result = await previewImportAction(previous, formData);
    if (result.ok) {
      // A file's text moves into the box (and the file is let go), so what is fixed there is what is previewed next.
      setText(result.text);
      if (fileInput.current) fileInput.current.value = '';
    }
    return result;
  }, null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const [importing, startImport] = useTransition();
  const ready = preview?.ok ? preview : null;
  const refusal = ready?.preview.refusal ?? null;
  const stale = ready !== null && text !== ready.text;
  const failure = tooBig ? placeImportFailure({ message: TOO_BIG, fieldErrors: { file: [TOO_BIG] } }) : preview && !preview.ok ? placeImportFailure(preview) : null;
  return (
    <>
      <form
        className="panel"
        onSubmit={(event) => {
          // Submitted by hand rather than through `action`, which would empty the form after every preview.
          event.preventDefault();
          setOutcome(null);
          const formData = new FormData(event.currentTarget);
          // The server refuses it too; checking here spares uploading megabytes only to be told so.
          const file = formData.get('file');
          const big = file instanceof File && file.size > MAX_IMPORT_BYTES;
          setTooBig(big);
          if (!big) startTransition(() => previewAction(formData));
        }}
      >
        <h2>1. 选择内容</h2>
        {failure?.notice ? <Notice tone="error">{failure.notice}</Notice> : null}
        <div className="grid-2">
          <Field label="上传文件" hint="支持 .docx、.txt（UTF-8、GB18030 或 UTF-16）和本系统导出的 .json，不超过 5 MB。" error={failure?.file}>
            {(p) => <input {...p} ref={fileInput} name="file" type="file" accept=".docx,.txt,.json,text/plain,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />}
          </Field>
          <Field
            label="或粘贴文本"
            hint="格式同汇编：第一期：主题 / 典型做法之1：标题 / 概况 / （一）主要做法。正文"
            error={failure?.text}
          >
            {(p) => <textarea {...p} name="text" rows={8} maxLength={MAX_IMPORT_CHARS} value={text} onChange={(e) => setText(e.target.value)} placeholder={'第一期：加快城镇基本公共服务均等化\n典型做法之1：……'} />}
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
                disabled={outcome?.ok === true || refusal !== null || stale}
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
          {stale ? <Notice tone="info">文本已修改，预览还是修改前的内容：请重新“解析并预览”后再导入。</Notice> : null}
          {refusal ? (
            <Notice tone="error">
              {refusal.message}
              <Details items={refusal.details} />
            </Notice>
          ) : null}
          {outcome ? (
            <Notice tone={outcome.ok ? 'success' : 'error'}>
              {outcome.message} {outcome.ok ? <Link href="/admin/cases?status=draft">查看草稿案例</Link> : <Details items={outcome.details} />}
            </Notice>
          ) : null}
          <ImportPreviewView preview={ready.preview} />
        </section>
      ) : null}
    </>
  );
}
