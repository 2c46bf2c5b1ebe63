'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { adminAction } from '@/lib/admin/action';
import { buildImportPreview, type ImportPreview } from '@/lib/admin/import-preview';
import { getActor } from '@/lib/auth/current';
import { decodeImportFile } from '@/lib/import/decode';
import { parseCompilation } from '@/lib/import/parse';
import { checkImport, importCompilation } from '@/lib/services/import';
import { fail, ok, type Result } from '@/lib/services/result';
import { importTextSchema, MAX_IMPORT_CHARS } from '@/lib/validations/import';
import { can } from '@/lib/workflow';

export type PreviewResult = Result<{ text: string; preview: ImportPreview }>;

/** Reads and parses, writes nothing: the editor sees every issue, case, warning and refusal first. */
export async function previewImportAction(_previous: PreviewResult | null, formData: FormData): Promise<PreviewResult> {
  const actor = await getActor();
  if (!actor) return fail('登录已过期，请重新登录后再试。');
  if (!can(actor.role, 'case.create')) return fail('你没有导入案例的权限。');
  const file = formData.get('file');
  const pasted = formData.get('text');
  let text: string;
  if (file instanceof File && file.size > 0) {
    const decoded = await decodeImportFile(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!decoded.ok) return fail(decoded.message, { file: [decoded.message] });
    text = decoded.text;
  } else if (typeof pasted === 'string' && pasted.trim()) {
    if (pasted.length > MAX_IMPORT_CHARS) return fail('文本过长（超过100万字），请拆分后再导入。', { text: ['文本过长（超过100万字）'] });
    text = pasted;
  } else {
    return fail('请选择文件或粘贴文本。', { file: ['请选择一个 .txt、.docx 或 .json 文件，或在下方粘贴文本'] });
  }
  const doc = parseCompilation(text);
  if (doc.issues.length === 0) return fail('没有识别出任何“第N期”，请检查文件内容。', { file: ['没有识别出任何一期'] });
  const refusal = await checkImport(await getDb(), actor, doc);
  return ok({ text, preview: buildImportPreview(doc, refusal && { message: refusal.message, details: refusal.details ?? [] }) });
}

/** Writes the previewed text as draft issues and cases; the server parses and checks it again rather than trusting the client's preview. */
export const runImportAction = adminAction(importTextSchema, async ({ text }, actor) => {
  const result = await importCompilation(await getDb(), actor, parseCompilation(text));
  if (!result.ok) return result;
  revalidatePath('/admin', 'layout');
  const s = result.summary;
  const message =
    s.issuesCreated + s.casesCreated === 0
      ? `这些内容已经导入过，没有任何改动（${s.casesUnchanged} 个案例相同）。`
      : `已导入 ${s.issuesCreated} 期、${s.casesCreated} 个案例，均为草稿${s.casesUnchanged ? `；${s.casesUnchanged} 个已存在的相同案例未重复导入` : ''}。`;
  return ok({ message, issueIds: s.issueIds });
});
