// npm run publish:due — publishes every issue whose scheduled time has passed, once, then exits.
// For an external scheduler (cron); safe to run alongside the app's own ticker.
import { getDatabase } from '@/db';
import { publishDueIssues } from '@/lib/services/publishing';

async function main(): Promise<number> {
  const database = await getDatabase();
  try {
    const run = await publishDueIssues(database.db);
    console.log(run.published.length ? `已发布 ${run.published.length} 期（编号 ${run.published.join('、')}）。` : '没有到期需要发布的期刊。');
    for (const f of run.failed) console.error(`第${f.issueId}号期未能发布，已退回草稿：${f.message}${f.details.length ? `\n  ${f.details.join('\n  ')}` : ''}`);
    return run.failed.length ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
