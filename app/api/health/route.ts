import { getDb } from '@/db';
import { checkHealth } from '@/lib/ops/health';

export const dynamic = 'force-dynamic';

/** 200 when the database answers and is fully migrated, 503 otherwise (load balancers read the code). */
export async function GET() {
  const report = await checkHealth(getDb);
  return Response.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
