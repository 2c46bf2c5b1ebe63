// Types for cache-handler.mjs, which Next loads as plain JavaScript; the tests drive it directly.
import { CacheHandler } from 'next/dist/server/lib/incremental-cache';

export declare const PUBLIC_TAG: string;
export declare const EPOCH_TAG_PREFIX: string;
export declare const log: import('pino').Logger;

export default class PublicCacheHandler extends CacheHandler {}
