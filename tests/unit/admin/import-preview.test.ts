import { describe, expect, it } from 'vitest';
import { buildImportPreview, errorsFirst, placeImportFailure, type PreviewFinding } from '@/lib/admin/import-preview';
import { parseCompilation } from '@/lib/import/parse';

// One case whose text has a lost number (an error) after a half-width comma (a reminder), so the
// reminder is found first in reading order.
const TEXT = [
  '第一期：加快城镇基本公共服务均等化',
  '典型做法之1：浙江省德清县推进城乡教育共同体建设',
  '（一）主要做法',
  '一是统筹城乡学校布局,推动优质资源下沉。二是新建中小学所，扩大公办学位供给。',
].join('\n');

const finding = (severity: PreviewFinding['severity'], message: string): PreviewFinding => ({ severity, rule: '规则', where: '正文', message, excerpt: '' });

describe('import preview', () => {
  it('lists a case’s errors before its reminders, whatever order they were found in', () => {
    const [c] = buildImportPreview(parseCompilation(TEXT)).issues[0]!.cases;
    const severities = c!.findings.map((f) => f.severity);
    expect(severities).toContain('error');
    expect(severities).toContain('warning');
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
  });

  it('keeps the found order within errors and within reminders', () => {
    const found = [finding('warning', 'w1'), finding('error', 'e1'), finding('warning', 'w2'), finding('error', 'e2')];
    expect(errorsFirst(found).map((f) => f.message)).toEqual(['e1', 'e2', 'w1', 'w2']);
  });
});

describe('a refused preview says each reason once', () => {
  it('shows a message tied to the file beside the file only, not again above the form', () => {
    const message = '文件不是文本或 Word 文档：“random.txt”是无法识别编码的文件。';
    expect(placeImportFailure({ message, fieldErrors: { file: [message] } })).toEqual({ notice: null, file: [message], text: [] });
  });

  it('shows a message tied to the pasted text beside the text box only', () => {
    const message = '没有识别出任何“第N期”，请检查粘贴的文本。';
    expect(placeImportFailure({ message, fieldErrors: { text: [message] } })).toEqual({ notice: null, file: [], text: [message] });
  });

  it('shows a message that concerns no field above the form', () => {
    expect(placeImportFailure({ message: '你没有导入案例的权限。' })).toEqual({ notice: '你没有导入案例的权限。', file: [], text: [] });
  });
});
