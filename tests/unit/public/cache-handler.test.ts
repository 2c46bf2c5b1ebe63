import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import type { CachedRouteKind, IncrementalCacheKind, IncrementalCacheValue } from 'next/dist/server/response-cache/types';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The cache handler Next loads at run time, driven the way Next drives it: get() before a render,
// set() after it, revalidateTag() after a publish or unpublish on this instance, and a database
// fingerprint (here a controllable probe) through which it learns of changes made elsewhere. It
// checks the database before every cache read here (CASEBOOK_PUBLIC_SYNC_MS=0), so the order of
// events is the test's alone.

const probe = vi.hoisted(() => {
  process.env.CASEBOOK_PUBLIC_SYNC_MS = '0';
  const p = { fingerprint: 'published: 第一期', fail: false };
  (globalThis as { __casebookPublicFingerprint?: () => Promise<string> }).__casebookPublicFingerprint = async () => {
    if (p.fail) throw new Error('connection refused');
    return p.fingerprint;
  };
  return p;
});

import PublicCacheHandler, { PUBLIC_TAG, log } from '@/lib/public/cache-handler.mjs';

const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-cache-'));
afterAll(() => fs.rmSync(distDir, { recursive: true, force: true }));

const handler = () => new PublicCacheHandler({ fs: nodeFs, serverDistDir: distDir, maxMemoryCacheSize: 16 << 20, revalidatedTags: [], _requestHeaders: {} });

/** What cachedRead() tags a read with when it starts: the handler's epoch at that moment. */
const readTag = () => (globalThis as { __casebookPublicEpochTag?: () => string }).__casebookPublicEpochTag?.() ?? 'no-epoch-tag';

const pageGet = { kind: 'APP_PAGE' as IncrementalCacheKind.APP_PAGE, isFallback: false, isRoutePPREnabled: false };
const pageSet = { cacheControl: { revalidate: 60, expire: undefined } };

/** A rendered page as Next stores it: the tags of every read it made travel in x-next-cache-tags. */
function page(html: string, tags: string[]): IncrementalCacheValue {
  return {
    kind: 'APP_PAGE' as CachedRouteKind.APP_PAGE,
    html,
    rscData: Buffer.from(html),
    headers: tags.length > 0 ? { 'x-next-cache-tags': tags.join(',') } : {},
    postponed: undefined,
    status: 200,
    segmentData: undefined,
  };
}

const fetchGet = (tags: string[]) => ({ kind: 'FETCH' as IncrementalCacheKind.FETCH, revalidate: false as const, tags });
function fetchValue(body: string): IncrementalCacheValue {
  return { kind: 'FETCH' as CachedRouteKind.FETCH, data: { headers: {}, body, status: 200, url: '' }, revalidate: 31536000 };
}

let keys = 0;
const newKey = (route: string) => `${route}/${++keys}`;

const htmlOf = (entry: Awaited<ReturnType<PublicCacheHandler['get']>>) => (entry?.value && 'html' in entry.value ? entry.value.html : null);

/** A handler on an instance that has caught up with the database (a reader's request checked it). */
async function settled(): Promise<PublicCacheHandler> {
  const h = handler();
  await h.get(newKey('/'), pageGet);
  return h;
}

/** An unpublish made and committed elsewhere: from now on the database reports another fingerprint. */
function unpublishElsewhere(): void {
  probe.fingerprint = `unpublished at ${++keys}`;
}

/** An unpublish on this instance: committed, then revalidatePublicSite(). */
async function unpublishHere(h: PublicCacheHandler): Promise<void> {
  unpublishElsewhere();
  await h.revalidateTag(PUBLIC_TAG, { expire: 0 });
}

describe('public cache handler', () => {
  it('serves a page rendered and written with nothing changing in between', async () => {
    const h = await settled();
    const key = newKey('/cases');
    expect(await h.get(key, pageGet)).toBeNull();
    await h.set(key, page('<h1>典型做法之1</h1>', [PUBLIC_TAG, readTag()]), pageSet);
    expect(htmlOf(await h.get(key, pageGet))).toBe('<h1>典型做法之1</h1>');
  });

  it('never serves a page read before an unpublish on this instance, although it was written after', async () => {
    const h = await settled();
    const key = newKey('/cases');
    expect(await h.get(key, pageGet)).toBeNull();
    const tag = readTag(); // the render reads the case while it is still published…
    await unpublishHere(h); // …the issue is withdrawn and the cache reset…
    await h.set(key, page('<h1>撤回前的案例</h1>', [PUBLIC_TAG, tag]), pageSet); // …then the slow render is written
    expect(await h.get(key, pageGet)).toBeNull();
    expect(await handler().get(key, pageGet)).toBeNull();
  });

  it('never serves a page read before an unpublish made elsewhere that this instance learnt of mid-render', async () => {
    const h = await settled();
    const key = newKey('/cases');
    expect(await h.get(key, pageGet)).toBeNull();
    const tag = readTag();
    unpublishElsewhere();
    expect(await h.get(newKey('/'), pageGet)).toBeNull(); // another reader's request: the check against the database
    await h.set(key, page('<h1>撤回前的案例</h1>', [PUBLIC_TAG, tag]), pageSet);
    expect(await h.get(key, pageGet)).toBeNull();
  });

  it('applies the same rule to cached reads (the data cache behind pages, the JSON API and search)', async () => {
    const h = await settled();
    const late = newKey('fetch');
    const tagsBefore = [PUBLIC_TAG, readTag()];
    expect(await h.get(late, fetchGet(tagsBefore))).toBeNull();
    await unpublishHere(h);
    await h.set(late, fetchValue('{"title":"撤回前的案例"}'), { fetchCache: true, tags: tagsBefore });
    expect(await h.get(late, fetchGet([PUBLIC_TAG, readTag()]))).toBeNull();

    const calm = newKey('fetch');
    const tagsNow = [PUBLIC_TAG, readTag()];
    await h.set(calm, fetchValue('{"issues":[]}'), { fetchCache: true, tags: tagsNow });
    expect((await h.get(calm, fetchGet(tagsNow)))?.value).toMatchObject({ data: { body: '{"issues":[]}' } });
  });

  it('judges a page by the oldest of its reads', async () => {
    const h = await settled();
    const before = readTag();
    unpublishElsewhere();
    await h.get(newKey('/'), pageGet);
    const after = readTag();
    const mixed = newKey('/issues');
    await h.set(mixed, page('<p>目录</p>', [PUBLIC_TAG, after, before]), pageSet);
    expect(await h.get(mixed, pageGet)).toBeNull();
    const fresh = newKey('/issues');
    await h.set(fresh, page('<p>目录</p>', [PUBLIC_TAG, after]), pageSet);
    expect(htmlOf(await h.get(fresh, pageGet))).toBe('<p>目录</p>');
    const garbled = newKey('/issues');
    await h.set(garbled, page('<p>目录</p>', [PUBLIC_TAG, 'casebook-public-epoch-none']), pageSet);
    expect(await h.get(garbled, pageGet)).toBeNull();
  });

  it('keeps a route that read nothing public until the next change', async () => {
    const h = await settled();
    const key = newKey('/robots.txt');
    await h.set(key, page('User-agent: *', []), pageSet);
    expect(htmlOf(await h.get(key, pageGet))).toBe('User-agent: *');
    unpublishElsewhere();
    expect(await h.get(key, pageGet)).toBeNull();
  });

  it('never serves a page this process did not render, even one written to the build folder after it started', async () => {
    const key = newKey('/about');
    const file = path.join(distDir, 'app', key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.html`, '<p>构建时生成的页面</p>');
    fs.writeFileSync(`${file}.rsc`, '');
    fs.writeFileSync(`${file}.meta`, JSON.stringify({ headers: { 'x-next-cache-tags': PUBLIC_TAG }, status: 200 }));
    // Clearly newer than the process and its last reset (file times are coarser than Date.now()).
    const later = new Date(Date.now() + 1000);
    fs.utimesSync(`${file}.html`, later, later);
    expect(await handler().get(key, pageGet)).toBeNull();
  });

  it('keeps serving when the database cannot be asked', async () => {
    const h = await settled();
    const key = newKey('/cases');
    await h.set(key, page('<h1>典型做法之2</h1>', [PUBLIC_TAG, readTag()]), pageSet);
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    probe.fail = true;
    try {
      expect(htmlOf(await h.get(key, pageGet))).toBe('<h1>典型做法之2</h1>');
      expect(logged).toHaveBeenCalledWith({ event: 'public_cache.sync_failed', error: 'connection refused' }, '公共缓存同步失败，下一周期重试');
    } finally {
      probe.fail = false;
      logged.mockRestore();
    }
  });
});
