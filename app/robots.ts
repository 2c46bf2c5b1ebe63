import type { MetadataRoute } from 'next';
import { absolute } from '@/lib/public/urls';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: ['/', '/api/public/'], disallow: ['/admin', '/api/', '/sign-in'] },
    sitemap: absolute('/sitemap.xml'),
  };
}
