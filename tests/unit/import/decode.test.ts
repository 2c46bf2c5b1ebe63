import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCompilationDocx } from '@/lib/admin/docx-export';
import { decodeImportFile, type Decoded } from '@/lib/import/decode';
import { parseCompilation, toImportJson } from '@/lib/import/parse';
import { COMPILATION, gb18030, noise, utf16, withDeclaredSize, wordDocument, zipOf } from './file-fixtures';

const utf8 = (text: string) => new TextEncoder().encode(text);

function expectCompilation(decoded: Decoded, format: string): void {
  expect(decoded).toMatchObject({ ok: true, format });
  if (!decoded.ok) return;
  const doc = parseCompilation(decoded.text);
  expect(doc.issues.map((i) => [i.number, i.title, i.cases.length])).toEqual([[1, '加快城镇基本公共服务均等化', 2]]);
  expect(doc.issues[0]!.cases[1]!.title).toBe('北京市延庆区结合重大赛事开展职业技能培训');
}

function expectRefused(decoded: Decoded, ...fragments: string[]): void {
  expect(decoded.ok).toBe(false);
  if (decoded.ok) return;
  for (const f of fragments) expect(decoded.message).toContain(f);
}

describe('reading an imported file as text', () => {
  it('reads UTF-8, with and without a byte-order mark', async () => {
    expectCompilation(await decodeImportFile(utf8(COMPILATION), '汇编.txt'), 'utf-8');
    expectCompilation(await decodeImportFile(utf8(`\uFEFF${COMPILATION}`), '汇编.txt'), 'utf-8');
  });

  it('reads GB18030, as older Chinese files are saved', async () => {
    // 典型做法 in GB18030, known independently of the platform decoder the fixture is built from.
    expect(Buffer.from(gb18030('典型做法')).toString('hex')).toBe('b5e4d0cdd7f6b7a8');
    expectCompilation(await decodeImportFile(gb18030(COMPILATION), '汇编.txt'), 'gb18030');
  });

  it('reads UTF-16 in either byte order, with or without a byte-order mark', async () => {
    expectCompilation(await decodeImportFile(utf16(COMPILATION, 'le', true), 'a.txt'), 'utf-16le');
    expectCompilation(await decodeImportFile(utf16(COMPILATION, 'be', true), 'a.txt'), 'utf-16be');
    expectCompilation(await decodeImportFile(utf16(COMPILATION, 'le', false), 'a.txt'), 'utf-16le');
    expectCompilation(await decodeImportFile(utf16(COMPILATION, 'be', false), 'a.txt'), 'utf-16be');
  });

  it('reads a real Word document, whatever the file is called', async () => {
    const docx = await wordDocument(COMPILATION);
    expectCompilation(await decodeImportFile(docx, '汇编.docx'), 'docx');
    expectCompilation(await decodeImportFile(docx, '汇编'), 'docx');
  });

  it('reads the whole seed compilation as the Word export writes it, within every size limit', async () => {
    const seed = parseCompilation(fs.readFileSync(new URL('../../../db/seed/compilation.txt', import.meta.url), 'utf8'));
    const docx = await buildCompilationDocx(toImportJson(seed).issues);
    const decoded = await decodeImportFile(docx, '汇编.docx');
    expect(decoded).toMatchObject({ ok: true, format: 'docx' });
    if (decoded.ok) expect(parseCompilation(decoded.text).issues.map((i) => i.cases.length)).toEqual([16, 5, 4]);
  });

  it('reads the JSON the importer prints, back to the same compilation', async () => {
    const json = JSON.stringify(toImportJson(parseCompilation(COMPILATION)));
    expectCompilation(await decodeImportFile(utf8(json), '汇编.json'), 'json');
  });
});

describe('refusing what is not a compilation', () => {
  it('refuses an empty file and one with only whitespace', async () => {
    expectRefused(await decodeImportFile(new Uint8Array(0), '空.txt'), '文件是空的', '空.txt');
    expectRefused(await decodeImportFile(utf8('\uFEFF \r\n\t\n'), '白.txt'), '没有任何文字');
  });

  it('refuses random bytes as binary, whatever the extension', async () => {
    for (const name of ['random.txt', 'random.docx', 'random']) {
      expectRefused(await decodeImportFile(noise(300 * 1024), name), '文件不是文本或 Word 文档');
    }
    expectRefused(await decodeImportFile(noise(300 * 1024), 'random.txt'), '二进制');
  });

  it('refuses text with many control characters even when it is valid UTF-8', async () => {
    const text = `${COMPILATION}${'\u0001\u0002\u0003'.repeat(40)}`;
    expectRefused(await decodeImportFile(utf8(text), 'a.txt'), '二进制');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030 nor UTF-16, naming the encodings', async () => {
    const latin1 = Uint8Array.from([...utf8('第一期：'), 0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0x0a]);
    expectRefused(await decodeImportFile(latin1, 'a.txt'), '无法识别编码', 'UTF-8', 'GB18030');
  });

  it('says what an image, a PDF or an old Word file renamed to .docx really is', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(2000)]);
    expectRefused(await decodeImportFile(png, '汇编.docx'), '文件不是文本或 Word 文档', '汇编.docx', 'PNG 图片');
    expectRefused(await decodeImportFile(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), '汇编.pdf'), 'PDF 文件');
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(4000)]);
    expectRefused(await decodeImportFile(ole, '汇编.docx'), '旧版 Office 文件', '.docx');
  });

  it('refuses a text file named .docx', async () => {
    expectRefused(await decodeImportFile(utf8(COMPILATION), '汇编.docx'), '不是 Word 文档');
  });

  it('refuses a spreadsheet and any other zip that holds no Word document', async () => {
    const xlsx = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' });
    expectRefused(await decodeImportFile(xlsx, '汇编.docx'), '文件不是文本或 Word 文档', 'Excel 表格');
    expectRefused(await decodeImportFile(await zipOf({ 'a.txt': COMPILATION }), '汇编.zip'), '压缩包', 'word/document.xml');
  });

  it('refuses a zip bomb from its central directory, before inflating it', async () => {
    const bomb = await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': new Uint8Array(8 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(50 * 1024);
    expectRefused(await decodeImportFile(bomb, 'bomb.docx'), '压缩比', '已拒绝');

    const huge = withDeclaredSize(await wordDocument(COMPILATION), 'word/document.xml', 0xfffffff0);
    expectRefused(await decodeImportFile(huge, 'huge.docx'), '解压后超过 64.0 MB', '已拒绝');

    const many = await zipOf(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`word/media/${i}.txt`, 'x'])));
    expectRefused(await decodeImportFile(many, 'many.docx'), '个条目', '已拒绝');
  });

  it('refuses a Word document whose entry inflates to more than it declares', async () => {
    const lying = withDeclaredSize(await wordDocument(COMPILATION), 'word/document.xml', 100);
    expectRefused(await decodeImportFile(lying, 'lying.docx'), '比声明的大', '已拒绝');
  });

  it('refuses JSON that is not the export’s shape, and an issue number out of range, naming the field', async () => {
    expectRefused(await decodeImportFile(utf8('{"issues": 3}'), 'a.json'), '不是本系统导出的案例格式', 'issues');
    expectRefused(await decodeImportFile(utf8('{"issues": [{"number": 99999999999, "title": "主题", "cases": []}]}'), 'a.json'), 'issues[0].number', '期号不超过999');
    expectRefused(await decodeImportFile(utf8('{"issues": ['), 'a.json'), '不是有效的 JSON');
  });

  it('refuses a file over 5 MB and text over a million characters', async () => {
    expectRefused(await decodeImportFile(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41), 'big.txt'), '文件超过 5.0 MB');
    expectRefused(await decodeImportFile(utf8('第'.repeat(1_000_001)), 'long.txt'), '文本过长');
  });
});
