import type { StageProgressItem } from '@/lib/admin/review-stages-view';

const monthDay = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });

/** 初审 ✓ 张三 11月30日 第3版 → 复审 待审 → 终审: where the current revision stands in the stages. */
export function StageProgress({ progress }: { progress: StageProgressItem[] }) {
  return (
    <ol className="stage-progress" aria-label="审核进度">
      {progress.map((s) => (
        <li key={s.position} className={`stage-${s.state}`} aria-current={s.state === 'waiting' ? 'step' : undefined}>
          <strong>{s.name}</strong>{' '}
          {s.state === 'passed' ? (
            <span>
              <span aria-hidden="true">✓</span>
              {s.pass ? ` ${s.pass.actorName} ${monthDay.format(new Date(s.pass.at))} 第${s.pass.revisionNumber}版` : '（启用审核环节之前已通过）'}
              <span className="sr-only">（已通过）</span>
            </span>
          ) : s.state === 'waiting' ? (
            <span className="stage-waiting-label">待审</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
