import { describe, expect, it } from 'vitest';
import { contentDisposition } from '@/lib/public/edition-files';

// The name a reader's browser saves a PDF edition under: the Chinese one (RFC 5987), with an ASCII
// one for old clients, and nothing in it that a file system or a header would choke on.

const chinese = (header: string) => decodeURIComponent(header.split("filename*=UTF-8''")[1]!);

describe('the PDF editions’ file names', () => {
  it('gives the Chinese name percent-encoded in UTF-8 and an ASCII one beside it', () => {
    const header = contentDisposition('案例期刊2025年第3期（总第27期）.pdf', 'casebook-issue-27.pdf');
    expect(header).toMatch(/^inline; filename="casebook-issue-27\.pdf"; filename\*=UTF-8''[A-Za-z0-9%!~._-]+$/u);
    expect(chinese(header)).toBe('案例期刊2025年第3期（总第27期）.pdf');
  });

  it('replaces what a file system or the header cannot take', () => {
    const header = contentDisposition('典型做法之1 a/b\\c:"d"\r\n\u202e*?.pdf', 'casebook-case-1.pdf');
    expect(chinese(header)).toBe('典型做法之1 a_b_c__d______.pdf');
    expect(header.replace('"casebook-case-1.pdf"', '')).not.toMatch(/[\r\n"]/u);
  });

  it('shortens a long title without cutting a character in two, and keeps the extension', () => {
    const header = contentDisposition(`${'😀'.repeat(150)}.pdf`, 'casebook-case-1.pdf');
    expect(chinese(header)).toBe(`${'😀'.repeat(100)}.pdf`);
  });
});
