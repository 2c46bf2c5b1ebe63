import { pdfNotFound, pdfResponse, readCasePdfFile } from '@/lib/public/edition-files';
import { parseId } from '@/lib/public/urls';

// One case as a PDF (lib/services/pdf-editions.ts makes it after each publish).
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const file = id === null ? null : await readCasePdfFile(id);
  return file ? pdfResponse(request, file) : pdfNotFound();
}
