import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '案例期刊', template: '%s · 案例期刊' },
  description: '新型城镇化典型做法案例期刊',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
