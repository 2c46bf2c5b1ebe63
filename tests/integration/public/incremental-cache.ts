import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrerenderManifest } from 'next/dist/build';
import { IncrementalCache } from 'next/dist/server/lib/incremental-cache';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import PublicCacheHandler from '@/lib/public/cache-handler.mjs';
import { PUBLIC_TAG } from '@/lib/public/cache';

/**
 * What a Next.js server sets up per request, with the app's cache handler: unstable_cache falls
 * back to this global outside a request. Returns it and what revalidatePublicSite() makes Next do
 * once the Server Action that published returns, and how to remove its folder.
 */
export function installIncrementalCache(prefix: string): { incrementalCache: IncrementalCache; revalidatePublicSite: () => Promise<void>; dispose: () => void } {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const preview = { previewModeId: 'test', previewModeEncryptionKey: 'test', previewModeSigningKey: 'test' };
  const prerenderManifest: PrerenderManifest = { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview };
  const incrementalCache = new IncrementalCache({
    fs: nodeFs,
    dev: false,
    flushToDisk: false,
    serverDistDir: distDir,
    requestHeaders: {},
    maxMemoryCacheSize: 16 << 20,
    previewProps: preview,
    prerenderManifest,
    CurCacheHandler: PublicCacheHandler,
  });
  (globalThis as { __incrementalCache?: IncrementalCache }).__incrementalCache = incrementalCache;
  return {
    incrementalCache,
    revalidatePublicSite: () => incrementalCache.revalidateTag(PUBLIC_TAG, { expire: 0 }),
    dispose: () => fs.rmSync(distDir, { recursive: true, force: true }),
  };
}
