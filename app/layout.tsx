import type { Metadata } from 'next';
import { SITE_DESCRIPTION, SITE_NAME, siteUrl, TITLE_TEMPLATE } from '@/lib/public/urls';
import './globals.css';

export const metadata: Metadata = {
  // Canonical, OpenGraph and sitemap URLs are absolute against the public origin (CASEBOOK_SITE_URL).
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: TITLE_TEMPLATE },
  description: SITE_DESCRIPTION,
  openGraph: { siteName: SITE_NAME, locale: 'zh_CN', type: 'website' },
  twitter: { card: 'summary' },
  icons: { icon: '/favicon.svg' },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
