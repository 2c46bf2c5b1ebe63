import { parseId } from './urls';

/** The ids of a batch address (?ids=12,13,14): at most `limit`, duplicates dropped, or a message in Chinese saying what is wrong. */
export function parseIdList(raw: string | null, limit: number, what: string): { ok: true; ids: number[] } | { ok: false; message: string } {
  if (raw === null || raw.trim() === '') return { ok: false, message: `请用 ids 参数给出${what}编号，以逗号分隔，例如 ?ids=12,13（一次最多 ${limit} 个）。` };
  const parts = raw.split(',', limit + 1);
  if (parts.length > limit) return { ok: false, message: `一次最多读取 ${limit} 个${what}。` };
  const ids: number[] = [];
  for (const part of parts) {
    if (part.trim() === '') return { ok: false, message: '编号之间有空项：请用逗号分隔编号，例如 ?ids=12,13。' };
    const id = parseId(part.trim());
    if (id === null) return { ok: false, message: `“${part.trim().slice(0, 20)}”不是有效的${what}编号。` };
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, ids };
}
