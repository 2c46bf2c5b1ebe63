import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-content-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function lint(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/lint-content.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, text: string | Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('lint-content command', () => {
  it('prints line:column rule message, 1-based, and exits 1 on errors (BOM and CRLF handled)', () => {
    const file = write('a.txt', '\uFEFF第一期：测试\r\n典型做法之1：某市做法\r\n（一）主要成效。截至年年底，培训培训机构。\r\n');
    const r = lint(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('3:11 missing-number');
    expect(r.stdout).toContain('3:15 doubled-word');
    expect(r.stdout).toMatch(/missing-number\s+1/u);
  });

  it('checks section labels and case numbers across lines', () => {
    const file = write('b.txt', '第一期：测试\n典型做法之1：甲\n（一）必要性。\n（一）主要做法。\n典型做法之3：乙\n');
    const r = lint(file);
    expect(r.stdout).toContain('4:1 enumeration');
    expect(r.stdout).toContain('5:1 enumeration');
  });

  it('exits 0 when there are only warnings', () => {
    const r = lint(write('c.txt', '第一期:测试\n'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('halfwidth-punctuation');
  });

  it('exits 2 with a Chinese message for a missing file or bad usage', () => {
    const missing = lint(path.join(tmp, 'nope.txt'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
    expect(lint().status).toBe(2);
    expect(lint(tmp).stderr).toContain('目录');
    const binary = lint(write('bin.txt', Uint8Array.from([0xff, 0xfe, 0x00])));
    expect(binary.status).toBe(2);
    expect(binary.stderr).toContain('UTF-8');
  }, 20_000);

  it('compares the same place across the cases of a file and offers the figure one case lost', () => {
    const profile = (gdp: string) => `2020年,哈尔滨市国土面积5.3万平方公里,常住人口城镇化率70.6%,城区常住人口594万人,地区生产总值${gdp}亿元,一般公共预算收入370亿元。`;
    const file = write(
      'twice.txt',
      [
        '第一期:加快城镇基本公共服务均等化',
        '典型做法之1:黑龙江省哈尔滨市帮扶随迁子女接受义务教育',
        profile('5184'),
        '(一)主要做法。按照相对就近原则安排随迁子女就学。',
        '典型做法之2:黑龙江省哈尔滨市支持农业转移人口缴存住房公积金',
        profile('5814'),
        '(一)主要做法。将灵活就业人员纳入住房公积金制度。',
      ].join('\n'),
    );
    const r = lint(file);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.includes('不一致'));
    expect(lines.map((l) => l.split(':')[0])).toEqual(['3', '6']);
    expect(lines[0]).toContain('5814亿元');
  }, 20_000);

  it('reports the seed compilation as blocked, with its lost numbers, repeat and doubled word', () => {
    const r = lint('--summary', fileURLToPath(new URL('../../../db/seed/compilation.txt', import.meta.url)));
    expect(r.status).toBe(1);
    const count = (rule: string) => Number(new RegExp(`${rule}\\s+(\\d+)`, 'u').exec(r.stdout)?.[1] ?? 0);
    expect(count('missing-number')).toBeGreaterThan(150);
    expect(count('enumeration')).toBe(1);
    expect(count('doubled-word')).toBe(1);
    expect(count('implausible-figure')).toBeGreaterThanOrEqual(5);
  });
});
