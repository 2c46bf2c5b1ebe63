'use server';
import mammoth from 'mammoth';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { adminAction } from '@/lib/admin/action';
import { buildImportPreview, importJsonToText, type ImportPreview } from '@/lib/admin/import-preview';
import { getActor } from '@/lib/auth/current';
import { parseCompilation } from '@/lib/import/parse';
import { importCompilation } from '@/lib/services/import';
import { fail, ok, type Result } from '@/lib/services/result';
import { can } from '@/lib/workflow';

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_CHARS = 1_000_000;

/** Text of an uploaded file: Word via mammoth, JSON in the export's shape, otherwise UTF-8 (or GB18030, which older Chinese files use). */
async function textOfUpload(file: File): Promise<string | { error: string }> {
  if (file.size > MAX_BYTES) return { error: '文件超过 5 MB，请拆分后再导入。' };
  const buffer = Buffer.from(await file.arrayBuffer());
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) {
    try {
      return (await mammoth.extractRawText({ buffer })).value;
    } catch {
      return { error: '无法读取这个 Word 文件，请确认它是 .docx 格式（不是 .doc）且没有损坏。' };
    }
  }
  if (name.endsWith('.doc')) return { error: '不支持旧版 .doc 文件，请在 Word 中另存为 .docx 后再导入。' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('gb18030').decode(buffer);
  }
  if (name.endsWith('.json')) return importJsonToText(text) ?? { error: 'JSON 文件不是导出的案例格式，无法导入。' };
  return text;
}

export type PreviewResult = Result<{ text: string; preview: ImportPreview }>;

/** Reads and parses, writes nothing: the editor sees every issue, case and warning first. */
export async function previewImportAction(_previous: PreviewResult | null, formData: FormData): Promise<PreviewResult> {
  const actor = await getActor();
  if (!actor) return fail('登录已过期，请重新登录后再试。');
  if (!can(actor.role, 'case.create')) return fail('你没有导入案例的权限。');
  const file = formData.get('file');
  const pasted = formData.get('text');
  let text: string;
  if (file instanceof File && file.size > 0) {
    const read = await textOfUpload(file);
    if (typeof read !== 'string') return fail(read.error, { file: [read.error] });
    text = read;
  } else if (typeof pasted === 'string' && pasted.trim()) {
    text = pasted;
  } else {
    return fail('请选择文件或粘贴文本。', { file: ['请选择一个 .txt、.docx 或 .json 文件，或在下方粘贴文本'] });
  }
  if (text.length > MAX_CHARS) return fail('文本过长（超过一百万字），请拆分后再导入。');
  const preview = buildImportPreview(parseCompilation(text));
  if (preview.totals.issues === 0) return fail('没有识别出任何“第N期”，请检查文件内容。', { file: ['没有识别出任何一期'] });
  return ok({ text, preview });
}

/** Writes the previewed text as draft issues and cases; the server parses it again rather than trusting the client's preview. */
export const runImportAction = adminAction(z.object({ text: z.string().min(1, '没有可导入的内容').max(MAX_CHARS, '文本过长') }), async ({ text }, actor) => {
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
