import 'server-only';
import { getDb } from '@/db';
import { queryCasePdfFile, queryIssuePdfFile, type PdfFileRow } from './editions';
import { queryRenumberedIssue } from './queries';

// Serving the PDF editions. Read straight from the database on each request (the files can be
// megabytes: no place in the in-memory page cache), answered with an ETag so a reader's browser or
// a CDN revalidates instead of downloading again.

/** Filesystem-hostile and invisible characters, replaced in the name a reader saves the file under. */
const UNSAFE_NAME = /[\\/:*?"<>|\p{Cc}\p{Cf}\p{Cs}]/gu;

/** RFC 5987 / RFC 6266: an ASCII name for old clients, the Chinese one percent-encoded in UTF-8. */
export function contentDisposition(filename: string, asciiFilename: string): string {
  // Shortened by characters, never inside a surrogate pair (which encodeURIComponent refuses), and
  // keeping its extension, so a long title still saves as a PDF.
  const stem = [...filename.replace(/\.pdf$/u, '').replace(UNSAFE_NAME, '_')].slice(0, 100).join('');
  const safe = `${stem}.pdf`;
  const encoded = encodeURIComponent(safe).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${asciiFilename}"; filename*=UTF-8''${encoded}`;
}

/** Public files change only when an edition is made again, which gives the row a new id. */
function etagOf(file: PdfFileRow): string {
  return `"pdf-${file.id}-${file.fingerprint.slice(0, 16)}"`;
}

const CACHE_CONTROL = 'public, max-age=60, must-revalidate';

export function pdfResponse(request: Request, file: PdfFileRow): Response {
  const etag = etagOf(file);
  const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' };
  const asked = request.headers.get('if-none-match');
  if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//u, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(file.bytes), {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': 'application/pdf',
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': contentDisposition(file.filename, file.asciiFilename),
    },
  });
}

/** The same answer for unpublished, unknown and not yet made: nothing tells a draft exists. */
export function pdfNotFound(): Response {
  return new Response('未找到这个 PDF：它所属的一期尚未发布，或者 PDF 版正在生成，请稍后再试。\n', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' },
  });
}

/** An issue's PDF by number; an old number of a renumbered issue answers where it lives now, as its page does. */
export async function readIssuePdfFile(number: number): Promise<{ file: PdfFileRow } | { movedTo: number } | null> {
  const db = await getDb();
  const { published, file } = await queryIssuePdfFile(db, number);
  if (file) return { file };
  const movedTo = published ? null : await queryRenumberedIssue(db, number);
  return movedTo === null ? null : { movedTo };
}

export async function readCasePdfFile(caseId: number): Promise<PdfFileRow | null> {
  return queryCasePdfFile(await getDb(), caseId);
}
