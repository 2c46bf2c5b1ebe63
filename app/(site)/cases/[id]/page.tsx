import type { Metadata } from 'next';
import { cache } from 'react';
import { CaseArticle } from '@/components/site/case-article';
import { NotFoundPage, notFoundMetadata } from '@/components/site/not-found-page';
import { caseMetadata } from '@/lib/public/case-meta';
import type { CasePageData } from '@/lib/public/case-page-data';
import { getCasePage } from '@/lib/public/read-model';
import { parseId } from '@/lib/public/urls';

type Props = { params: Promise<{ id: string }> };

// Rendered on first request, then served from cache until the next publish (see lib/public/cache.ts).
export function generateStaticParams(): { id: string }[] {
  return [];
}

/** Unpublished and unknown cases alike are a plain 404: nothing confirms that a draft exists. Read once per request for the metadata and the page. */
const load = cache(async (raw: string): Promise<CasePageData | null> => {
  const id = parseId(raw);
  return id === null ? null : getCasePage(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load((await params).id);
  return data ? caseMetadata(data.case) : notFoundMetadata;
}

export default async function CasePage({ params }: Props) {
  const data = await load((await params).id);
  return data ? <CaseArticle data={data} /> : <NotFoundPage />;
}
