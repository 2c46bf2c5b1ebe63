import { getDb } from '@/db';
import { exportJson, issueExportResponse } from '@/lib/admin/issue-export';
import { getActor } from '@/lib/auth/current';

// The issue in the importer's JSON shape: uploading it on the import screen recreates the content.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return issueExportResponse(await getDb(), await getActor(), (await params).id, 'json', (issue) => `${JSON.stringify(exportJson(issue), null, 2)}\n`);
}
