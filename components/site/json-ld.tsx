import { serializeJsonLd } from '@/lib/public/jsonld';

/** Structured data for search engines. The JSON is escaped so no published text can end the script. */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
