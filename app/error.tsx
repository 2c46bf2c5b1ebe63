'use client';

// Next.js requires error boundaries to be Client Components; this is the only client code the
// public pages carry, and it runs only when a page fails to render.
import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" style={{ maxWidth: '42rem', margin: '0 auto', padding: '3rem 1rem' }}>
      <p style={{ color: '#a61b1b', fontSize: '2.5rem', margin: 0, fontFamily: 'var(--font-serif)' }}>出错了</p>
      <h1 style={{ fontFamily: 'var(--font-serif)' }}>页面暂时无法显示</h1>
      <p>服务器处理请求时出现问题，请稍后重试。{error.digest ? `（错误编号：${error.digest}）` : ''}</p>
      <p>
        <button type="button" onClick={reset} style={{ font: 'inherit', padding: '0.4rem 1rem', background: '#a61b1b', color: '#fff', border: 0, cursor: 'pointer' }}>
          重试
        </button>{' '}
        <a href="/">返回首页</a>
      </p>
    </main>
  );
}
