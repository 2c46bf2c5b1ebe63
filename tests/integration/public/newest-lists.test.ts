import { eq, sql } from 'drizzle-orm';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { publishedCases } from '@/db/schema';
import { getCasesOfNewestIssues } from '@/lib/public/read-model';
import { publishIssue as publishService } from '@/lib/services/publishing';
import { createTestDatabase, testTarget } from '../support/test-db';
import { addCase, createIssue, createStaff, markedContent, publishIssue, scheduleIssueAt, unpublishIssue, type Staff } from './content';

// The lists that show only the newest part of the archive ask the database for that part alone:
// the feed its 50 newest cases, the home page the cases of the newest issue and the 6 before it,
// an issue page its two neighbours. What a reader sees must be what the whole list would give:
// publication time first (to the millisecond the feed shows), then issue number, then position;
// issue numbers with gaps; and issues that are not public never listed nor linked.

const holder = vi.hoisted(() => ({ database: undefined as Database | undefined }));
vi.mock('@/db', () => ({ getDb: async () => holder.database!.db }));
// Outside a Next.js server there is no cache to read through: call the reads directly.
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {} }));

/** A case's marker: its issue number and its position, zero-padded so no marker is part of another. */
const mark = (issue: number, position: number) => `mkn${String(issue).padStart(2, '0')}p${String(position).padStart(2, '0')}`;
const markersIn = (text: string) => [...text.matchAll(/mkn\d{2}p\d{2}/gu)].map((m) => m[0]);
const casesOf = (issue: number, count: number) => Array.from({ length: count }, (_, k) => mark(issue, k + 1));

/**
 * The published issues, in the order they were published: 7 after all the others, 9 and 12 at the
 * same millisecond. Numbers have gaps; 2 is a draft, 5 was withdrawn, 8 is scheduled, 4 and 6 never existed.
 */
const PUBLISHED: { number: number; cases: number; at: string }[] = [
  { number: 1, cases: 4, at: '2026-01-01T02:00:00.000Z' },
  { number: 3, cases: 5, at: '2026-01-02T02:00:00.000Z' },
  { number: 9, cases: 8, at: '2026-01-05T02:00:00.000Z' },
  { number: 12, cases: 8, at: '2026-01-05T02:00:00.000Z' },
  { number: 15, cases: 6, at: '2026-01-06T02:00:00.000Z' },
  { number: 20, cases: 6, at: '2026-01-07T02:00:00.000Z' },
  { number: 26, cases: 6, at: '2026-01-08T02:00:00.000Z' },
  { number: 31, cases: 6, at: '2026-01-09T02:00:00.000Z' },
  { number: 7, cases: 6, at: '2026-01-10T02:00:00.000Z' },
];
const HIDDEN = [2, 5, 8];
const count = (number: number) => PUBLISHED.find((p) => p.number === number)!.cases;

/** Newest first: 7 (published last), 31, 26, 20, 15, then 12 before 9 (same time), then 3, then 1. */
const FEED_ORDER = [7, 31, 26, 20, 15, 12, 9, 3, 1].flatMap((n) => casesOf(n, count(n)));

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

async function html(run: () => unknown): Promise<string> {
  return renderToStaticMarkup((await run()) as ReactElement);
}

async function feed(): Promise<string> {
  const route = await import('@/app/feed.xml/route');
  return (await route.GET()).text();
}

/** The markers of the feed's entries, in order (each entry names its case once, in its title). */
const feedMarkers = (xml: string) => [...xml.matchAll(/<entry>[\s\S]*?<\/entry>/gu)].map((m) => markersIn(/<title>([^<]*)<\/title>/u.exec(m[0])![1]!)[0]);

async function issuePage(number: number): Promise<string> {
  const page = await import('@/app/(site)/issues/[number]/page');
  return html(() => page.default(params({ number: String(number) })));
}

/** The 上一期 (older) and 下一期 (newer) links of an issue page: the issue numbers they lead to. */
function pager(page: string): { older: number | null; newer: number | null; all: number[] } {
  const nav = /<nav class="pager" aria-label="前后期">([\s\S]*?)<\/nav>/u.exec(page)![1]!;
  const link = (rel: string, dir: string) => {
    const m = new RegExp(`<a[^>]*href="/issues/(\\d+)" rel="${rel}"><span class="pager__dir">${dir}</span>`, 'u').exec(nav);
    return m ? Number(m[1]) : null;
  };
  return { older: link('prev', '上一期'), newer: link('next', '下一期'), all: [...nav.matchAll(/href="\/issues\/(\d+)"/gu)].map((m) => Number(m[1])) };
}

describe(`the newest-only lists: feed, home page, 上一期/下一期 (${testTarget})`, () => {
  let staff: Staff;
  const issueIds = new Map<number, number>();

  beforeAll(async () => {
    holder.database = await createTestDatabase();
    const { db } = holder.database;
    staff = await createStaff(db);
    for (const { number, cases, at } of PUBLISHED) {
      const id = await createIssue(db, staff, number, `第${number}期主题 mkissue${number}x`);
      issueIds.set(number, id);
      for (const marker of casesOf(number, cases)) await addCase(db, staff, markedContent(marker), id, 'approved');
      const published = await publishService(db, staff.reviewer, { issueId: id }, new Date(at));
      if (!published.ok) throw new Error(published.message);
    }
    const draft = await createIssue(db, staff, 2, '第2期主题 mkissue2x');
    await addCase(db, staff, markedContent(mark(2, 1)), draft, 'approved');
    const withdrawn = await createIssue(db, staff, 5, '第5期主题 mkissue5x');
    await addCase(db, staff, markedContent(mark(5, 1)), withdrawn, 'approved');
    await publishIssue(db, staff, withdrawn);
    await unpublishIssue(db, staff, withdrawn);
    const scheduled = await createIssue(db, staff, 8, '第8期主题 mkissue8x');
    await addCase(db, staff, markedContent(mark(8, 1)), scheduled, 'approved');
    await scheduleIssueAt(db, staff, scheduled, new Date(Date.now() + 30 * 86_400_000));
  });
  afterAll(async () => {
    await holder.database?.close();
  });

  it('feeds the 50 most recently published cases of the 55: by time, then issue number, then position', async () => {
    expect(FEED_ORDER).toHaveLength(55);
    const xml = await feed();
    expect(feedMarkers(xml)).toEqual(FEED_ORDER.slice(0, 50));
    expect(xml).toContain('<updated>2026-01-10T02:00:00.000Z</updated>');
    for (const n of HIDDEN) expect(xml).not.toContain(mark(n, 1));
  });

  it('orders by the millisecond the feed shows: a time finer than that is a tie', async () => {
    const { db } = holder.database!;
    // A time written by the database itself carries microseconds: issue 9 half a millisecond later than 12.
    await db
      .update(publishedCases)
      .set({ publishedAt: sql`${publishedCases.publishedAt} + interval '500 microseconds'` })
      .where(eq(publishedCases.issueId, issueIds.get(9)!));
    try {
      const xml = await feed();
      expect(feedMarkers(xml)).toEqual(FEED_ORDER.slice(0, 50));
      // The feed shows both at the same time, so their order is the issue number's.
      expect(xml.match(/<published>2026-01-05T02:00:00.000Z<\/published>/gu)).toHaveLength(16);
    } finally {
      await db
        .update(publishedCases)
        .set({ publishedAt: sql`${publishedCases.publishedAt} - interval '500 microseconds'` })
        .where(eq(publishedCases.issueId, issueIds.get(9)!));
    }
  });

  it('lists on the home page the cases of the newest issue and the 6 before it, and only the card of the older ones', async () => {
    const home = await import('@/app/(site)/page');
    const page = await html(() => home.default());
    // The newest by number leads; the archive follows by number, whatever the publication order.
    expect(markersIn(page)).toEqual([31, 26, 20, 15, 12, 9, 7].flatMap((n) => casesOf(n, count(n))));
    const cards = page.split('<li class="archive__item">').slice(1);
    expect(cards.map((card) => Number(/href="\/issues\/(\d+)"/u.exec(card)![1]))).toEqual([26, 20, 15, 12, 9, 7, 3, 1]);
    for (const card of cards.slice(0, 6)) expect(card).toContain('<ol class="archive__cases">');
    // The 8th newest issue and older: their card (title, date, count), without the list.
    for (const [i, n] of [3, 1].entries()) {
      const card = cards[6 + i]!;
      expect(card).toContain(`第${n}期主题 mkissue${n}x`);
      expect(card).toContain(`${count(n)}个案例`);
      expect(card).not.toContain('archive__cases');
    }
    for (const n of HIDDEN) {
      expect(page).not.toContain(mark(n, 1));
      expect(page).not.toContain(`mkissue${n}x`);
    }
  });

  it('reads the cases of those 7 issues only, newest issue first, in their order', async () => {
    const cases = await getCasesOfNewestIssues(7);
    expect(cases.map((c) => markersIn(c.title)[0])).toEqual([31, 26, 20, 15, 12, 9, 7].flatMap((n) => casesOf(n, count(n))));
  });

  it('links 上一期 to the next older published issue and 下一期 to the next newer, across gaps and unpublished issues', async () => {
    expect(pager(await issuePage(3))).toEqual({ older: 1, newer: 7, all: [1, 7] });
    // 5 was withdrawn, 8 is scheduled: neither is a neighbour.
    expect(pager(await issuePage(7))).toEqual({ older: 3, newer: 9, all: [3, 9] });
    expect(pager(await issuePage(12))).toEqual({ older: 9, newer: 15, all: [9, 15] });
    expect(pager(await issuePage(1))).toEqual({ older: null, newer: 3, all: [3] });
    expect(pager(await issuePage(31))).toEqual({ older: 26, newer: null, all: [26] });
    const page = await issuePage(3);
    expect(page).toContain('<span class="pager__dir">上一期</span>');
    expect(page).toMatch(/<span class="pager__title">[^<]*：第1期主题 mkissue1x<\/span>/u);
    expect(page).toMatch(/<span class="pager__title">[^<]*：第7期主题 mkissue7x<\/span>/u);
    for (const number of PUBLISHED.map((p) => p.number)) {
      const links = pager(await issuePage(number)).all;
      for (const n of [...HIDDEN, 4, 6]) expect(links, `issue ${number}`).not.toContain(n);
    }
  });
});
