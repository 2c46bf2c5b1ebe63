import { describe, expect, it } from 'vitest';
import { correctionNoteSchema, MAX_CORRECTION_NOTE_LENGTH, publishCorrectionSchema, publishIssueSchema } from '@/lib/validations/correction';

// The 更正说明 goes public as one short paragraph. What cannot be shown as one (line breaks, control
// characters, text that reorders itself) or is too long is refused with a message saying why.

const messageOf = (input: unknown) => {
  const r = correctionNoteSchema.safeParse(input);
  return r.success ? null : r.error.issues.map((i) => i.message).join('；');
};

describe('a correction note', () => {
  it('is kept as written, trimmed at the ends', () => {
    expect(correctionNoteSchema.parse('  将“每人每年元”更正为“每人每年1200元”。 \n')).toBe('将“每人每年元”更正为“每人每年1200元”。');
  });

  it('may be empty here: only the service knows whether the public text changes and a note is owed', () => {
    expect(correctionNoteSchema.parse(undefined)).toBe('');
    expect(correctionNoteSchema.parse('   ')).toBe('');
  });

  it(`is refused past ${MAX_CORRECTION_NOTE_LENGTH} characters, saying the limit`, () => {
    expect(correctionNoteSchema.parse('更'.repeat(MAX_CORRECTION_NOTE_LENGTH))).toHaveLength(MAX_CORRECTION_NOTE_LENGTH);
    expect(messageOf('更'.repeat(MAX_CORRECTION_NOTE_LENGTH + 1))).toBe(`更正说明不超过${MAX_CORRECTION_NOTE_LENGTH}个字`);
  });

  it.each([
    ['a line break inside', '将“年”更正为\n“2021年”'],
    ['a tab', '将“年”\t更正为“2021年”'],
    ['a bell', '更正\u0007说明'],
    ['a C1 control', '更正\u0085说明'],
    ['a right-to-left override', '更正\u202e说明'],
  ])('is refused with %s, in Chinese', (_what, note) => {
    expect(messageOf(note)).toBe('更正说明只能是一段文字，不能含有换行、制表符或其他控制字符');
  });

  it('is refused when it is not text', () => {
    expect(messageOf(42)).toBe('更正说明必须是文字');
  });
});

describe('the publish inputs that carry notes', () => {
  it('name the approved revision the publisher saw', () => {
    expect(publishCorrectionSchema.safeParse({ caseId: 3, note: '更正' }).success).toBe(false);
    expect(publishCorrectionSchema.parse({ caseId: 3, revisionId: 9 })).toEqual({ caseId: 3, revisionId: 9, note: '' });
  });

  it('take at most one note per case when an issue is published', () => {
    expect(publishIssueSchema.parse({ issueId: 1 })).toEqual({ issueId: 1, corrections: [] });
    const twice = publishIssueSchema.safeParse({ issueId: 1, corrections: [{ caseId: 2, note: '甲' }, { caseId: 2, note: '乙' }] });
    expect(twice.success ? null : twice.error.issues[0]?.message).toBe('每个案例只写一条更正说明');
  });
});
