import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { writeNewFile } from '@/lib/static/release';
import { shareSearchFiles } from '@/lib/static/search-step';

// A release whose case documents did not change shares the previous search index instead of
// building the same files again (at 10,000 cases that is most of a small publish's time).

let root: string;
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

it('shares every index and script file of the previous release', async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'casebook-share-'));
  const previous = path.join(root, 'a');
  const next = path.join(root, 'b');
  for (const rel of ['_search/meta.json', '_search/v1/shard-00.bin', '_static/lib/static/search/browser.js']) await writeNewFile(path.join(previous, rel), rel);
  await shareSearchFiles(previous, next);
  for (const rel of ['_search/meta.json', '_search/v1/shard-00.bin', '_static/lib/static/search/browser.js']) {
    expect(await fs.readFile(path.join(next, rel), 'utf8')).toBe(rel);
    expect((await fs.stat(path.join(next, rel))).ino).toBe((await fs.stat(path.join(previous, rel))).ino);
  }
});
