// The one way an imported file becomes text, for the admin's upload and the command line alike:
// Word (.docx, checked as a zip before mammoth inflates anything), JSON in the export's shape,
// and text in UTF-8, GB18030 or UTF-16 (with or without a byte-order mark). Anything else, and
// anything that looks binary, is refused with a Chinese message that says what the file is.
import mammoth from 'mammoth';
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { compilationText } from '@/lib/admin/compilation-export';
import { importJsonSchema, MAX_IMPORT_BYTES, MAX_IMPORT_CHARS } from '@/lib/validations/import';

export type DecodedFormat = 'docx' | 'json' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type Decoded = { ok: true; text: string; format: DecodedFormat } | { ok: false; message: string };

export const FORMAT_LABELS: Record<DecodedFormat, string> = {
  docx: 'Word 文档',
  json: '导出的 JSON',
  'utf-8': 'UTF-8 文本',
  gb18030: 'GB18030 文本',
  'utf-16le': 'UTF-16 文本',
  'utf-16be': 'UTF-16 文本',
};

// A .docx is a zip. Real ones hold tens of entries, a few MB of XML that compresses about 5–60×
// (measured on generated documents); a zip bomb declares gigabytes or compresses ~1000×.
const MAX_ZIP_ENTRIES = 1000;
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
const MAX_RATIO = 200;
const RATIO_APPLIES_ABOVE = 1024 * 1024;
/** Above this share of control or private-use characters, decoded "text" is really binary. */
const MAX_SUSPICIOUS_SHARE = 0.01;
/** A UTF-16 reading must look like text nearly everywhere to be believed. */
const MIN_TEXTUAL_SHARE = 0.9;

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() || fileName;
  return base.length > 60 ? `${base.slice(0, 60)}…` : base;
}

const refuse = (message: string): Decoded => ({ ok: false, message });

/** Also said by the command line, which checks the size before reading the file into memory. */
export const tooLargeMessage = (fileName: string, bytes: number) =>
  `文件超过 ${MB(MAX_IMPORT_BYTES)}（“${displayName(fileName)}”有 ${MB(bytes)}），请拆分后再导入。`;
const notText = (name: string, what: string, hint = '请导入 .docx、.txt 或本系统导出的 .json 文件。') =>
  refuse(`文件不是文本或 Word 文档：“${name}”是${what}。${hint}`);
const SAVE_AS = '请在原来的程序中另存为 .docx 或 .txt 后再导入。';

const SIGNATURES: { bytes: number[]; what: string; hint?: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: '一张 PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: '一张 JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: '一张 GIF 图片' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'PDF 文件', hint: SAVE_AS },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文件', hint: SAVE_AS },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: '旧版 Office 文件（.doc、.xls）或加密的 Office 文件', hint: '请在 Word 中另存为不加密的 .docx 后再导入。' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { bytes: [0x1f, 0x8b], what: 'gzip 压缩文件' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);

/** Reads a file's bytes as compilation text, or says in Chinese why it cannot. */
export async function decodeImportFile(bytes: Uint8Array, fileName: string): Promise<Decoded> {
  const name = displayName(fileName);
  if (bytes.length === 0) return refuse(`文件是空的：“${name}”没有任何内容。`);
  if (bytes.length > MAX_IMPORT_BYTES) return refuse(tooLargeMessage(fileName, bytes.length));
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return notText(name, signature.what, signature.hint);

  let decoded: Decoded;
  if (isZip(bytes)) {
    decoded = await decodeDocx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), name);
  } else if (/\.docx$/iu.test(fileName)) {
    return notText(name, '一个扩展名为 .docx、内容却不是 Word 文档的文件（可能已损坏或被改了扩展名）');
  } else {
    decoded = decodeText(bytes, name);
  }
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return refuse(`文件中没有任何文字：“${name}”。`);
  if (decoded.text.length > MAX_IMPORT_CHARS) return refuse(`文本过长：“${name}”超过100万字，请拆分后再导入。`);
  if (decoded.format !== 'docx' && (/\.json$/iu.test(fileName) || decoded.text.trimStart().startsWith('{'))) return decodeJson(decoded.text, name);
  return decoded;
}

// ------------------------------------------------------------------------------------ Word

async function decodeDocx(buffer: Buffer, name: string): Promise<Decoded> {
  const unreadable = refuse(`无法读取 Word 文件“${name}”：文件已损坏或不是 .docx 格式（旧版 .doc 请在 Word 中另存为 .docx）。`);
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    return unreadable;
  }
  try {
    const checked = await checkZip(zip, name);
    if (checked) return checked;
  } catch {
    return unreadable;
  } finally {
    zip.close();
  }
  try {
    const { value } = await mammoth.extractRawText({ buffer });
    return { ok: true, text: value, format: 'docx' };
  } catch {
    return unreadable;
  }
}

/**
 * Refuses a zip that is not a Word document, or whose size or compression is absurd, from its
 * central directory alone; then inflates each entry once, counting, so a header that lies about
 * its size is caught here (yauzl stops at the declared size) rather than inside mammoth.
 */
async function checkZip(zip: ZipFile, name: string): Promise<Decoded | null> {
  const bomb = (why: string) => refuse(`Word 文件“${name}”异常：${why}，可能是恶意构造的压缩包，已拒绝。`);
  if (zip.entryCount > MAX_ZIP_ENTRIES) return bomb(`包含 ${zip.entryCount} 个条目（正常的 Word 文件只有几十个）`);
  const entries: Entry[] = [];
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    if (entry.isEncrypted()) return refuse(`Word 文件“${name}”已加密，请取消密码后再导入。`);
    total += entry.uncompressedSize;
    if (total > MAX_UNZIPPED_BYTES) return bomb(`解压后超过 ${MB(MAX_UNZIPPED_BYTES)}`);
    if (entry.uncompressedSize > RATIO_APPLIES_ABOVE && entry.uncompressedSize > entry.compressedSize * MAX_RATIO) {
      return bomb(`“${entry.fileName}”的压缩比超过 ${MAX_RATIO} 倍`);
    }
    entries.push(entry);
  }
  const names = new Set(entries.map((e) => e.fileName));
  if (!names.has('word/document.xml')) {
    if (names.has('xl/workbook.xml')) return notText(name, 'Excel 表格');
    if (names.has('ppt/presentation.xml')) return notText(name, 'PowerPoint 演示文稿');
    return notText(name, '一个压缩包，里面没有 Word 正文（word/document.xml）');
  }
  for (const entry of entries) {
    if (!entry.canDecodeFileData()) return refuse(`无法读取 Word 文件“${name}”：条目“${entry.fileName}”使用了不支持的压缩方式。`);
    try {
      for await (const chunk of await zip.openReadStreamPromise(entry)) void chunk;
    } catch (error) {
      if (error instanceof Error && /too many bytes/u.test(error.message)) return bomb(`“${entry.fileName}”解压后比声明的大`);
      throw error;
    }
  }
  return null;
}

// ------------------------------------------------------------------------------------ text

function decodeWith(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Characters a Chinese (or English) document is made of; UTF-16 read in the wrong byte order is mostly not. */
function isTextual(cp: number): boolean {
  return (
    cp === 0x09 || cp === 0x0a || cp === 0x0d ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0x24f) ||
    (cp >= 0x2010 && cp <= 0x2bff) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0x3400 && cp <= 0x9fff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

/** Controls other than tab, line breaks and form feed; C1 controls; private use; U+FFFD. */
function isSuspicious(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0b && cp !== 0x0c && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd;
}

function share(text: string, test: (cp: number) => boolean): number {
  let hits = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    if (test(ch.codePointAt(0)!)) hits++;
  }
  return total === 0 ? 0 : hits / total;
}

function decodeText(bytes: Uint8Array, name: string): Decoded {
  const binary = notText(name, '二进制文件（含有空字节或大量控制字符）');
  let text: string | null;
  let format: DecodedFormat;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) [text, format] = [decodeWith('utf-8', bytes), 'utf-8'];
  else if (startsWith(bytes, [0xff, 0xfe])) [text, format] = [decodeWith('utf-16le', bytes), 'utf-16le'];
  else if (startsWith(bytes, [0xfe, 0xff])) [text, format] = [decodeWith('utf-16be', bytes), 'utf-16be'];
  else if (bytes.includes(0)) {
    // Text has no NUL bytes unless it is UTF-16 without a byte-order mark: try both byte orders.
    const readings = (['utf-16le', 'utf-16be'] as const)
      .map((f) => ({ f, t: bytes.length % 2 === 0 ? decodeWith(f, bytes) : null }))
      .filter((r): r is { f: 'utf-16le' | 'utf-16be'; t: string } => r.t !== null && !r.t.includes('\0'))
      .map((r) => ({ ...r, score: share(r.t, isTextual) }))
      .sort((a, b) => b.score - a.score);
    const best = readings[0];
    if (!best || best.score < MIN_TEXTUAL_SHARE) return binary;
    [text, format] = [best.t, best.f];
  } else {
    text = decodeWith('utf-8', bytes);
    format = 'utf-8';
    if (text === null) [text, format] = [decodeWith('gb18030', bytes), 'gb18030'];
  }
  if (text === null) {
    return notText(name, '无法识别编码的文件（既不是 UTF-8，也不是 GB18030 或 UTF-16）', '如果是文本文件，请用记事本等另存为 UTF-8 后再导入。');
  }
  if (text.includes('\0') || share(text, isSuspicious) > MAX_SUSPICIOUS_SHARE) return binary;
  return { ok: true, text, format };
}

// ------------------------------------------------------------------------------------ JSON

/** The export's JSON turned back into compilation text, so JSON and text take one path through the parser. */
function decodeJson(json: string, name: string): Decoded {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return refuse(`“${name}”不是有效的 JSON 文件，无法导入。`);
  }
  const parsed = importJsonSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const where = first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./u, '');
    return refuse(`JSON 文件“${name}”不是本系统导出的案例格式（${where || '顶层'}：${first.message}），无法导入。`);
  }
  return { ok: true, text: compilationText(parsed.data.issues), format: 'json' };
}
