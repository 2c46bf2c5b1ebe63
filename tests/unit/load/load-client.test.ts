import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseActionResult, readActionIds } from '@/scripts/load/actions';
import { marker } from '@/scripts/load/content';
import { PublicationLog, SETTLE_MS } from '@/scripts/load/publication-log';
import { findMarker } from '@/scripts/load/readers';

// The load script's verdicts rest on these: reading the server's answer to a Server Action, finding
// a draft marker in a public body, and knowing when the toggled issue was certainly (un)published.

describe('reading a Server Action answer', () => {
  it('finds the result in the row that row 0 points at, with the page tree in between', () => {
    const body = [
      '0:{"a":"$@3","f":[["",{}]],"b":"build-id"}',
      '2:I["chunk",["x.js"],"Component"]',
      '3:{"ok":true,"version":7,"status":"draft","message":"已保存为第6版。"}',
      '',
    ].join('\n');
    expect(parseActionResult(body)).toEqual({ ok: true, version: 7, status: 'draft', message: '已保存为第6版。' });
  });

  it('keeps a conflict with its current version', () => {
    const body = '0:{"a":"$@1","f":"","b":"b"}\n1:{"ok":false,"message":"你打开之后，案例已被修改：负载编辑2修改（标题）。你的保存未生效，请对照最新内容重新修改。","conflict":{"currentVersion":12,"changes":[]}}\n';
    expect(parseActionResult(body)).toMatchObject({ ok: false, conflict: { currentVersion: 12 } });
  });

  it('gives null, not a guess, for an HTML error page or a truncated answer', () => {
    expect(parseActionResult('<!DOCTYPE html><html>服务器出错</html>')).toBeNull();
    expect(parseActionResult('0:{"a":"$@1","f":"","b":"b"}\n1:{"ok":tr')).toBeNull();
    expect(parseActionResult('0:{"a":"$@1","f":"","b":"b"}\n')).toBeNull();
  });
});

describe('action ids from the build', () => {
  function manifest(entries: Record<string, { worker: string; name: string }>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-manifest-'));
    fs.mkdirSync(path.join(dir, 'server'));
    const node = Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, { workers: { [e.worker]: { moduleId: 1 } }, exportedName: e.name }]));
    fs.writeFileSync(path.join(dir, 'server', 'server-reference-manifest.json'), JSON.stringify({ node, edge: {} }));
    return dir;
  }
  const names = ['saveCaseAction', 'submitCaseAction', 'withdrawCaseAction', 'commentAction', 'publishIssueAction', 'unpublishIssueAction'];

  it('maps each action to the page that hosts it, without route groups', () => {
    const dir = manifest(
      Object.fromEntries(
        names.map((name, i) => [
          `id${i}`,
          { name, worker: name === 'commentAction' ? 'app/(admin)/admin/cases/[id]/review/page' : name.includes('Issue') ? 'app/(admin)/admin/issues/[id]/page' : 'app/(admin)/admin/cases/[id]/page' },
        ]),
      ),
    );
    const ids = readActionIds(dir);
    expect(ids.saveCaseAction).toEqual({ id: 'id0', page: '/admin/cases/[id]' });
    expect(ids.commentAction.page).toBe('/admin/cases/[id]/review');
    expect(ids.unpublishIssueAction).toEqual({ id: 'id5', page: '/admin/issues/[id]' });
  });

  it('refuses, in Chinese, a build that lacks one of the actions', () => {
    const dir = manifest({ a: { name: 'saveCaseAction', worker: 'app/(admin)/admin/cases/[id]/page' } });
    expect(() => readActionIds(dir)).toThrow(/没有找到 Server Action submitCaseAction/);
  });
});

describe('the draft marker scan', () => {
  it('finds a marker as text, escaped in JSON and percent-encoded', () => {
    const m = marker(42);
    expect(findMarker(`<p>正文${m}</p>`)).toBeGreaterThan(0);
    expect(findMarker(JSON.stringify(m).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))).toBeGreaterThanOrEqual(0);
    expect(findMarker(`/search?q=${encodeURIComponent(m)}`)).toBeGreaterThan(0);
  });

  it('does not flag published text', () => {
    expect(findMarker('<h1>广东省深圳市将大部分义务教育学位提供给随迁子女</h1>')).toBe(-1);
  });
});

describe('when the toggled issue was certainly public', () => {
  it('counts only requests wholly inside a window opened by an acknowledgement', () => {
    const log = new PublicationLog(0);
    log.requested('unpublish', 100);
    log.answered('unpublish', 150, true);
    log.requested('publish', 400);
    log.answered('publish', 450, true);
    expect(log.surelyPublished(10, 90)).toBe(true);
    expect(log.surelyPublished(10, 120)).toBe(false);
    expect(log.surelyUnpublished(160, 390)).toBe(true);
    expect(log.surelyUnpublished(140, 200)).toBe(false);
    expect(log.surelyUnpublished(300, 420)).toBe(false);
    expect(log.surelyPublished(460, 10_000)).toBe(true);
    expect(log.cycles).toBe(1);
  });

  it('does not open a window for a change that was refused or went unanswered', () => {
    const log = new PublicationLog(0);
    log.requested('unpublish', 100);
    log.answered('unpublish', 150, false);
    expect(log.surelyUnpublished(200, 300)).toBe(false);
    expect(log.surelyPublished(200, 300)).toBe(false);
  });

  it('marks the time from a publish request until a few seconds after its answer as near a change', () => {
    const log = new PublicationLog(0);
    log.requested('unpublish', 1000);
    expect(log.nearChange(99_999)).toBe(true);
    log.answered('unpublish', 2000, true);
    expect(log.nearChange(500)).toBe(false);
    expect(log.nearChange(1500)).toBe(true);
    expect(log.nearChange(2000 + SETTLE_MS)).toBe(true);
    expect(log.nearChange(2001 + SETTLE_MS)).toBe(false);
  });
});
