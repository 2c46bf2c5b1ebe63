import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILATION, gb18030, noise, wordDocument } from './file-fixtures';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** `npm run import -- …` as package.json runs it; --dry-run never opens a database. */
function importCommand(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/import.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, data: string | Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('import command', { timeout: 60_000 }, () => {
  it('refuses random bytes with a Chinese message and a non-zero exit, never "imported 0 cases"', () => {
    const r = importCommand('--dry-run', write('random.txt', noise(300 * 1024)));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('文件不是文本或 Word 文档');
    expect(r.stdout).not.toContain('识别出');
  });

  it('reads a GB18030 file and a Word file as the upload does', async () => {
    const gb = importCommand('--dry-run', write('汇编.txt', gb18030(COMPILATION)));
    expect(gb.status).toBe(0);
    expect(gb.stdout).toContain('文件格式：GB18030 文本');
    expect(gb.stdout).toContain('识别出 1 期、2 个案例');

    const word = importCommand('--dry-run', write('汇编.docx', await wordDocument(COMPILATION)));
    expect(word.status).toBe(0);
    expect(word.stdout).toContain('识别出 1 期、2 个案例');
  });

  it('exits 1 for text that is not a compilation, and for content over the editor’s limits, naming the line', () => {
    const prose = importCommand('--dry-run', write('prose.txt', '这只是一段普通的文字，没有期号。\n'));
    expect(prose.status).toBe(1);
    expect(prose.stderr).toContain('没有识别出任何“第N期：主题”行');

    const long = importCommand('--dry-run', write('long.txt', `第一期：测试\n典型做法之1：某市做法\n（一）主要做法。${'做'.repeat(20_001)}\n`));
    expect(long.status).toBe(1);
    expect(long.stderr).toContain('第3行');
    expect(long.stderr).toContain('段落内容不超过20000个字');
  });
});
