import { caseLabel } from '@/lib/content/numerals';
import { placeLabel } from '@/lib/public/format';
import { getNewestCases } from '@/lib/public/read-model';
import { SITE_DESCRIPTION, SITE_NAME, absolute, paths } from '@/lib/public/urls';

// Revalidated at least every minute; dropped at once on publish (lib/public/cache.ts).
export const revalidate = 60;

// Atom feed of published cases, newest first. Cached like the pages and dropped on publish.
export const dynamic = 'force-static';

const ENTRIES = 50;

function xml(text: string): string {
  return text.replace(/[<>&'"]/gu, (ch) => `&#${ch.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, '');
}

export async function GET() {
  const cases = await getNewestCases(ENTRIES);
  const updated = cases[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = cases.map(
    (c) => `  <entry>
    <title>${xml(c.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(absolute(paths.case(c.caseId)))}"/>
    <id>${xml(absolute(paths.case(c.caseId)))}</id>
    <published>${c.publishedAt}</published>
    <updated>${c.publishedAt}</updated>
    <summary>${xml(`${c.issueLabel}：${c.issueTitle} · ${caseLabel(c.position)} · ${placeLabel(c.regions)}`)}</summary>
${c.tags.map((t) => `    <category term="${xml(t)}"/>`).join('\n')}
  </entry>`,
  );
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>${xml(SITE_NAME)}</title>
  <subtitle>${xml(SITE_DESCRIPTION)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${xml(absolute(paths.feed()))}"/>
  <link rel="alternate" type="text/html" href="${xml(absolute(paths.home()))}"/>
  <id>${xml(absolute(paths.home()))}</id>
  <updated>${updated}</updated>
  <author><name>${xml(SITE_NAME)}</name></author>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
