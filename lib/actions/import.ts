'use server';
import { getDb } from '@/db';
import { adminAction, withActor } from '@/lib/admin/action';
import { buildImportPreview, type ImportPreview } from '@/lib/admin/import-preview';
import type { Actor } from '@/lib/auth/actor';
import { decodeImportFile } from '@/lib/import/decode';
import { parseCompilation } from '@/lib/import/parse';
import { checkImport, importCompilation } from '@/lib/services/import';
import { parseInput } from '@/lib/services/guard';
import { fail, ok, type Result } from '@/lib/services/result';
import { importTextSchema, MAX_IMPORT_CHARS } from '@/lib/validations/import';
import { can } from '@/lib/workflow';
import { revalidateAdmin } from './revalidate';

export type PreviewResult = Result<{ text: string; preview: ImportPreview }>;

/** The uploaded file's text (in any encoding the importer reads), or the pasted text, or why neither will do. */
async function uploadedText(formData: FormData): Promise<Result<{ text: string; field: 'file' | 'text' }>> {
  const file = formData.get('file');
  const pasted = formData.get('text');
  if (file instanceof File && file.size > 0) {
    const decoded = await decodeImportFile(new Uint8Array(await file.arrayBuffer()), file.name);
    return decoded.ok ? ok({ text: decoded.text, field: 'file' }) : fail(decoded.message, { file: [decoded.message] });
  }
  if (typeof pasted === 'string' && pasted.trim()) {
    const tooLong = '文本过长（超过100万字），请拆分后再导入。';
    if (pasted.length > MAX_IMPORT_CHARS) return fail(tooLong, { text: [tooLong] });
    return ok({ text: pasted, field: 'text' });
  }
  return fail('请选择文件或粘贴文本。', { file: ['请选择一个 .txt、.docx 或 .json 文件，或在下方粘贴文本'] });
}

async function previewUpload(actor: Actor, formData: FormData): Promise<PreviewResult> {
  if (!can(actor.role, 'case.create')) return fail('你没有导入案例的权限。');
  const upload = await uploadedText(formData);
  if (!upload.ok) return upload;
  const doc = parseCompilation(upload.text);
  // The screen shows a message beside its field and nowhere else, so the field gets the whole sentence.
  const noIssue = upload.field === 'file' ? '没有识别出任何“第N期”，请检查文件内容。' : '没有识别出任何“第N期”，请检查粘贴的文本。';
  if (doc.issues.length === 0) return fail(noIssue, { [upload.field]: [noIssue] });
  const refusal = await checkImport(await getDb(), actor, doc);
  return ok({ text: upload.text, preview: buildImportPreview(doc, refusal && { message: refusal.message, details: refusal.details ?? [] }) });
}

/**
 * Reads and parses, writes nothing: the editor sees every issue, case, warning and refusal first.
 * A form action (useActionState) with a file in it, so it takes FormData rather than a typed object;
 * the session and crash handling are the same as every other action's.
 */
export async function previewImportAction(_previous: PreviewResult | null, formData: FormData): Promise<PreviewResult> {
  return withActor((actor) => previewUpload(actor, formData));
}

/** Writes the previewed text as draft issues and cases; the server parses and checks it again rather than trusting the client's preview. */
export const runImportAction = adminAction(importTextSchema, {
  run: async (db, actor, input) => {
    const parsed = parseInput(importTextSchema, input);
    return parsed.ok ? importCompilation(db, actor, parseCompilation(parsed.data.text)) : parsed;
  },
  reply: ({ summary: s }) => ({
    issueIds: s.issueIds,
    message:
      s.issuesCreated + s.casesCreated === 0
        ? `这些内容已经导入过，没有任何改动（${s.casesUnchanged} 个案例相同）。`
        : `已导入 ${s.issuesCreated} 期、${s.casesCreated} 个案例，均为草稿${s.casesUnchanged ? `；${s.casesUnchanged} 个已存在的相同案例未重复导入` : ''}。`,
  }),
  revalidate: revalidateAdmin,
});
