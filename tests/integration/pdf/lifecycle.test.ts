import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { publishedPdfs } from '@/db/schema';
import type { Logger } from '@/lib/log';
import { buildSiteManifest } from '@/lib/public/manifest';
import { refreshPdfEditions } from '@/lib/services/pdf-editions';
import { visit } from '../public/crawl';
import { addCase, createIssue, createStaff, markedContent, publishIssue, reviseIssue, unpublishIssue, type Staff } from '../public/content';
import { createTestDatabase, testTarget } from '../support/test-db';
import { pdfText, squeezed, storedEditions } from './poppler';

// An issue's PDF editions through its life: served at their addresses with a Chinese file name,
// linked from the issue and case pages, listed in the JSON API and the static snapshot's manifest;
// never served once they no longer show what is published; gone with an unpublish; made again on
// republishing.

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as Logger;
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

describe(`PDF editions after publishing (${testTarget})`, () => {
  let staff: Staff;
  let issueId: number;
  const ids: number[] = [];
  const db = () => holder.database!.db;

  const issuePdf = async (number: number, headers: Record<string, string> = {}) => {
    const route = await import('@/app/(site)/issues/[number]/edition.pdf/route');
    return route.GET(new Request(`http://localhost/issues/${number}/edition.pdf`, { headers }), params({ number: String(number) }));
  };
  const casePdf = async (id: number) => {
    const route = await import('@/app/(site)/cases/[id]/edition.pdf/route');
    return route.GET(new Request(`http://localhost/cases/${id}/edition.pdf`), params({ id: String(id) }));
  };
  const apiIssue = async (number: number) => {
    const route = await import('@/app/api/public/issues/[number]/route');
    return (await route.GET(new Request(`http://localhost/api/public/issues/${number}`), params({ number: String(number) }))).json() as Promise<{ pdf: unknown }>;
  };
  const apiCase = async (id: number) => {
    const route = await import('@/app/api/public/cases/[id]/route');
    return (await route.GET(new Request(`http://localhost/api/public/cases/${id}`), params({ id: String(id) }))).json() as Promise<{ pdf: unknown }>;
  };
  const pageText = async (url: string) => {
    const issuePage = await import('@/app/(site)/issues/[number]/page');
    const casePage = await import('@/app/(site)/cases/[id]/page');
    const [, kind, id] = url.split('/');
    const outcome = await visit(() => (kind === 'issues' ? issuePage.default(params({ number: id! })) : casePage.default(params({ id: id! }))));
    return outcome.status === 200 ? outcome.text : '';
  };

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    staff = await createStaff(db());
    issueId = await createIssue(db(), staff, 7, '第七期的主题');
    ids.push(await addCase(db(), staff, markedContent('mkfirst'), issueId, 'approved'));
    ids.push(await addCase(db(), staff, markedContent('mksecond', { regions: ['320614'] }), issueId, 'approved'));
    await publishIssue(db(), staff, issueId);
    await refreshPdfEditions(db(), silent);
  });
  afterAll(async () => {
    await holder.database?.close();
  });

  it('serves the whole issue as an inline PDF with its Chinese name, and one PDF per case', async () => {
    const res = await issuePdf(7);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^inline; filename="casebook-issue-7\.pdf"; filename\*=UTF-8''/u);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^案例期刊\d{4}年第1期（总第7期）\.pdf$/u);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
    expect(pdfText(bytes)).toContain('第七期的主题');

    const one = await casePdf(ids[1]!);
    expect(one.status).toBe(200);
    expect(decodeURIComponent(one.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('典型做法之2 mksecond 浙江省义乌市住房公积金制度改革.pdf');
    expect(pdfText(new Uint8Array(await one.arrayBuffer()))).toContain('mksecond');
  });

  it('answers a conditional request for an unchanged PDF with 304', async () => {
    const etag = (await issuePdf(7)).headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/u);
    const again = await issuePdf(7, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('links the PDFs from the issue and case pages with their size and pages, and lists them in the API', async () => {
    const stored = await storedEditions(db(), issueId);
    const whole = stored.get(null)!;
    // The page's text and attributes, white space removed: the link's address, then its words.
    expect(squeezed(await pageText('/issues/7'))).toMatch(new RegExp(`/issues/7/edition\\.pdfapplication/pdf下载本期PDF（\\d+KB，${whole.pages}页）`, 'u'));
    expect(squeezed(await pageText(`/cases/${ids[0]}`))).toMatch(new RegExp(`/cases/${ids[0]}/edition\\.pdfapplication/pdf下载本文PDF（\\d+KB，${stored.get(ids[0]!)!.pages}页）`, 'u'));
    expect((await apiIssue(7)).pdf).toEqual({ url: 'http://localhost:3000/issues/7/edition.pdf', size: whole.size, pages: whole.pages });
    expect((await apiCase(ids[0]!)).pdf).toEqual({ url: `http://localhost:3000/cases/${ids[0]}/edition.pdf`, size: stored.get(ids[0]!)!.size, pages: stored.get(ids[0]!)!.pages });
  });

  it('lists the PDFs in the static snapshot’s manifest, with fingerprints that change when they are made again', async () => {
    const before = await buildSiteManifest(db());
    for (const url of ['/issues/7/edition.pdf', `/cases/${ids[0]}/edition.pdf`, `/cases/${ids[1]}/edition.pdf`]) expect(before.pages[url], url).toBeTruthy();
    await reviseIssue(db(), staff, issueId, { title: '第七期改过的主题' });
    await publishIssue(db(), staff, issueId);
    await refreshPdfEditions(db(), silent);
    const after = await buildSiteManifest(db());
    for (const url of ['/issues/7', '/issues/7/edition.pdf', '/api/public/issues/7', `/cases/${ids[0]}/edition.pdf`]) expect(after.pages[url], url).not.toBe(before.pages[url]);
    expect(pdfText(new Uint8Array(await (await issuePdf(7)).arrayBuffer()))).toContain('第七期改过的主题');
  });

  it('never serves or links a PDF that no longer shows the issue as published, until it is made again', async () => {
    await reviseIssue(db(), staff, issueId, { title: '第七期又改过的主题' });
    await publishIssue(db(), staff, issueId);
    // Stored, but made from the previous publication: neither served nor linked nor listed.
    expect((await storedEditions(db(), issueId)).get(null)).toBeDefined();
    expect((await issuePdf(7)).status).toBe(404);
    expect((await apiIssue(7)).pdf).toBeNull();
    expect(await pageText('/issues/7')).not.toContain('下载本期PDF');
    expect(Object.keys((await buildSiteManifest(db())).pages)).not.toContain('/issues/7/edition.pdf');
    await refreshPdfEditions(db(), silent);
    const res = await issuePdf(7);
    expect(res.status).toBe(200);
    expect(squeezed(pdfText(new Uint8Array(await res.arrayBuffer())))).toContain('第七期又改过的主题');
  });

  it('removes every PDF of the issue with the unpublish, and makes them again when it is republished', async () => {
    await unpublishIssue(db(), staff, issueId);
    const [{ n } = { n: 0 }] = await db().select({ n: count() }).from(publishedPdfs).where(eq(publishedPdfs.issueId, issueId));
    expect(n).toBe(0);
    expect((await issuePdf(7)).status).toBe(404);
    for (const id of ids) expect((await casePdf(id)).status).toBe(404);
    expect(await (await issuePdf(7)).text()).toContain('未找到这个 PDF');

    await publishIssue(db(), staff, issueId);
    const run = await refreshPdfEditions(db(), silent);
    expect(run.made.map((m) => m.issueId)).toEqual([issueId]);
    expect([...(await storedEditions(db(), issueId)).keys()].sort()).toEqual([null, ...ids].sort());
    expect((await issuePdf(7)).status).toBe(200);
  });

  it('answers 404 for addresses that are not a published issue or case', async () => {
    expect((await issuePdf(99)).status).toBe(404);
    expect((await casePdf(999_999)).status).toBe(404);
    const route = await import('@/app/(site)/issues/[number]/edition.pdf/route');
    expect((await route.GET(new Request('http://localhost/issues/x/edition.pdf'), params({ number: '../1' }))).status).toBe(404);
  });
});
