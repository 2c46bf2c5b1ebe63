import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeSnapshotStatus, readStatus, writeStatus } from '@/lib/static/status';

// What the admin is told about the static site: when it was made, or why it was not and what
// readers still see.

const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

describe('describeSnapshotStatus', () => {
  it('says when the snapshot was last made and how many pages it has', () => {
    expect(describeSnapshotStatus({ startedAt: '2026-11-30T10:00:00.000Z', finishedAt: '2026-11-30T10:00:03.000Z', ok: true, urls: 86, ms: 3000 }, time)).toEqual({
      tone: 'info',
      text: '静态站点：最近生成于2026-11-30 10:00（86 个页面）。',
    });
  });

  it('says why it failed and that the previous snapshot still serves', () => {
    const line = describeSnapshotStatus(
      {
        startedAt: '2026-11-30T11:00:00.000Z',
        finishedAt: '2026-11-30T11:00:01.000Z',
        ok: false,
        error: '页面 /cases/3 返回 HTTP 500，本次生成已取消。',
        ms: 1000,
        lastSuccess: { finishedAt: '2026-11-30T10:00:03.000Z', release: 'r1', urls: 86 },
      },
      time,
    );
    expect(line.tone).toBe('error');
    expect(line.text).toBe('静态站点生成失败：页面 /cases/3 返回 HTTP 500，本次生成已取消。（2026-11-30 11:00）。读者看到的仍是2026-11-30 10:00生成的版本（86 个页面）。');
  });

  it('says so when nothing has been generated yet', () => {
    expect(describeSnapshotStatus(null, time).text).toContain('尚未生成');
  });
});

describe('writeStatus', () => {
  let root: string;
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('remembers the last success through any number of failures', async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'casebook-status-'));
    await writeStatus(root, { startedAt: 'a', finishedAt: '2026-11-30T10:00:00.000Z', ok: true, release: 'r1', urls: 5, ms: 1 });
    await writeStatus(root, { startedAt: 'b', finishedAt: 'b', ok: false, error: '一', ms: 1 });
    await writeStatus(root, { startedAt: 'c', finishedAt: 'c', ok: false, error: '二', ms: 1 });
    expect(await readStatus(root)).toMatchObject({ ok: false, error: '二', lastSuccess: { release: 'r1', urls: 5, finishedAt: '2026-11-30T10:00:00.000Z' } });
    expect((await fs.readdir(root)).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});
