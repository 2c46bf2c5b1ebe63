import { pdfNotFound, pdfResponse, readIssuePdfFile } from '@/lib/public/edition-files';
import { editionPaths } from '@/lib/public/editions';
import { parseId } from '@/lib/public/urls';

// The whole issue as a PDF (lib/services/pdf-editions.ts makes it after each publish).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const number = parseId((await params).number);
  const found = number === null ? null : await readIssuePdfFile(number);
  if (!found) return pdfNotFound();
  if ('movedTo' in found) return Response.redirect(new URL(editionPaths.issue(found.movedTo), request.url), 308);
  return pdfResponse(request, found.file);
}
