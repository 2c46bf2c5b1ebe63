import { getDb } from '@/db';
import { buildCompilationDocx } from '@/lib/admin/docx-export';
import { issueExportResponse } from '@/lib/admin/issue-export';
import { getActor } from '@/lib/auth/current';

// The issue as a Word document laid out like the printed compilation.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return issueExportResponse(await getDb(), await getActor(), (await params).id, 'docx', async (issue) => new Uint8Array(await buildCompilationDocx([issue])));
}
