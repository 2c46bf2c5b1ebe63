import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { NotFoundPage, notFoundMetadata } from '@/components/site/not-found-page';
import { getIssueNumberBySerial } from '@/lib/public/read-model';
import { parseId, parseSerialYear, paths } from '@/lib/public/urls';

// /issues/2025/3: an issue by its serial name (2025年第3期) answers with a permanent redirect to its
// one address, /issues/<overall number>. The first segment is the year; Next.js names it after the
// segment it shares with /issues/<number>.
type Props = { params: Promise<{ number: string; yearNumber: string }> };

export function generateStaticParams(): { number: string; yearNumber: string }[] {
  return [];
}

/** Redirects to the published issue; null (a 404) for a year and number no published issue has. */
async function load(params: Props['params']): Promise<null> {
  const { number: rawYear, yearNumber: rawNumber } = await params;
  const year = parseSerialYear(rawYear);
  const yearNumber = parseId(rawNumber);
  if (year === null || yearNumber === null) return null;
  const number = await getIssueNumberBySerial(year, yearNumber);
  if (number !== null) permanentRedirect(paths.issue(number));
  return null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await load(params);
  return notFoundMetadata;
}

export default async function SerialIssuePage({ params }: Props) {
  await load(params);
  return <NotFoundPage />;
}
