// Real files for the decoder's tests, built in memory: text in each encoding, Word documents made
// with the same `docx` package the export uses, zips that are not Word, and zips that lie.
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';

export const COMPILATION = [
  '01',
  '第一期：加快城镇基本公共服务均等化',
  '典型做法之1：浙江省义乌市向随迁子女扩大义务教育学位供给',
  '（一）主要做法。一是在城区建设中小学校。二是建立教育经费保障机制。',
  '（二）主要成效。建成投用了27所中小学校。',
  '典型做法之2：北京市延庆区结合重大赛事开展职业技能培训',
  '（一）必要性。延庆区是冬奥会赛区之一。',
  '',
].join('\r\n');

let gbTable: Map<string, number[]> | undefined;

/**
 * GB18030 bytes of a text. TextEncoder only writes UTF-8, so the table is the platform decoder
 * read backwards over every two-byte code; the tests check it against bytes known independently.
 */
export function gb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(Uint8Array.of(lead, trail));
          if (!gbTable.has(ch)) gbTable.set(ch, [lead, trail]);
        } catch {
          // not a two-byte code
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

export function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'le' ? new Uint8Array(le) : new Uint8Array(le).map((_, i, a) => a[i ^ 1]!);
}

/** Deterministic noise (xorshift32), so a failure reproduces. */
export function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export async function wordDocument(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: text.split(/\r?\n/u).map((line) => new Paragraph({ text: line })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Rewrites the uncompressed size a zip declares for one entry, in its local header and in the
 * central directory, leaving the compressed data alone: a zip that lies about its size.
 */
export function withDeclaredSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entryName);
  const nameAt = (at: number) => name.every((b, i) => out[at + i] === b);
  let patched = 0;
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && view.getUint16(i + 26, true) === name.length && nameAt(i + 30)) {
      view.setUint32(i + 22, size, true);
      patched++;
    } else if (signature === 0x02014b50 && view.getUint16(i + 28, true) === name.length && nameAt(i + 46)) {
      view.setUint32(i + 24, size, true);
      patched++;
    }
  }
  if (patched !== 2) throw new Error(`expected a local and a central header for ${entryName}, patched ${patched}`);
  return out;
}
