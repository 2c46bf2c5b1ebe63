import { describe, expect, it } from 'vitest';
import { parseCompilation } from '@/lib/import/parse';

// A small compilation in the house format (full-width punctuation, blank lines between
// paragraphs, Chinese case numbers), used to check that the variants real files show parse alike.
const DOC = [
  '本汇编供内部参考。', // 1: before any issue: cannot be placed
  '', // 2
  '01', // 3
  '第一期：加快城镇基本公共服务均等化', // 4
  '典型做法之一：浙江省义乌市向随迁子女扩大义务教育学位供给', // 5
  '2021年，义乌市国土面积1105平方公里，市域常住人口186万人，常住人口城镇化率79.7%，地区生产总值1835亿元，一般公共预算收入119亿元。', // 6
  '', // 7
  '（一）主要做法。一是在城区建设中小学校。', // 8
  '', // 9
  '二是建立教育经费保障机制。', // 10
  '（二）主要成效。建成投用了27所中小学校。', // 11
  '典型做法之二：长江中游城市群建设取得新进展', // 12
  '长江中游城市群包括湖北、湖南、江西部分市县。', // 13
  '（一）存在问题', // 14: heading alone, body on the next line
  '一是综合实力有待提升。', // 15
  '第2期：提升农业转移人口融入城市能力', // 16: no "02" marker before it
  '典型做法之1：北京市延庆区结合重大赛事开展职业技能培训', // 17
  '（一）必要性。延庆区是冬奥会赛区之一。', // 18
].join('\n');

/** The same document with half-width punctuation, as some authors type it. */
function halfWidth(text: string): string {
  return text.replace(/：/gu, ':').replace(/，/gu, ',').replace(/（/gu, '(').replace(/）/gu, ')');
}

describe('parseCompilation: format variants', () => {
  const doc = parseCompilation(DOC);

  it('reads the house format: issues, Chinese case numbers, profile, lead, sections', () => {
    expect(doc.issues.map((i) => [i.number, i.title, i.line, i.cases.map((c) => c.position)])).toEqual([
      [1, '加快城镇基本公共服务均等化', 4, [1, 2]],
      [2, '提升农业转移人口融入城市能力', 16, [1]],
    ]);
    const yiwu = doc.issues[0]!.cases[0]!;
    expect(yiwu.profile).toEqual({
      year: 2021,
      landAreaKm2: 1105,
      population: { scope: '市域', value: 186 },
      urbanizationRatePct: 79.7,
      gdpYi: 1835,
      budgetRevenueYi: 119,
    });
    expect(yiwu.regions).toEqual(['330782']);
    expect(yiwu.lead).toBe('');
  });

  it('joins paragraphs separated by blank lines into one body with "\\n"', () => {
    const practice = doc.issues[0]!.cases[0]!.sections[0]!;
    expect(practice).toEqual({
      kind: 'practice',
      heading: '主要做法',
      body: '一是在城区建设中小学校。\n二是建立教育经费保障机制。',
      line: 8,
    });
  });

  it('takes a heading-only section line as the heading and the next lines as its body', () => {
    const cluster = doc.issues[0]!.cases[1]!;
    expect(cluster.profile).toBeNull();
    expect(cluster.lead).toBe('长江中游城市群包括湖北、湖南、江西部分市县。');
    expect(cluster.regions).toEqual(['420000', '430000', '360000']);
    expect(cluster.sections).toEqual([
      { kind: 'problem', heading: '存在问题', body: '一是综合实力有待提升。', line: 14 },
    ]);
  });

  it('reports the line it cannot place with its number, and nothing else', () => {
    expect(doc.warnings).toEqual([{ line: 1, message: '无法归属的行（位于第一期之前）' }]);
  });

  it('parses CRLF line endings identically', () => {
    expect(parseCompilation(DOC.replace(/\n/gu, '\r\n'))).toEqual(doc);
  });

  it('ignores a byte-order mark', () => {
    expect(parseCompilation(`\uFEFF${DOC}`)).toEqual(doc);
  });

  it('parses half-width punctuation like full-width', () => {
    const half = parseCompilation(halfWidth(DOC));
    expect(half.warnings).toEqual(doc.warnings);
    expect(half.issues.map((i) => [i.number, i.title, i.cases.length])).toEqual([
      [1, '加快城镇基本公共服务均等化', 2],
      [2, '提升农业转移人口融入城市能力', 1],
    ]);
    expect(half.issues[0]!.cases[0]!.profile).toEqual(doc.issues[0]!.cases[0]!.profile);
    expect(half.issues[0]!.cases.map((c) => c.sections.map((s) => s.heading))).toEqual([
      ['主要做法', '主要成效'],
      ['存在问题'],
    ]);
  });

  it('accepts 第1期 and 典型做法之1 as well as 第一期 and 典型做法之一', () => {
    const arabic = parseCompilation('第1期：甲\n典型做法之1：江苏省推行居住证\n(一)必要性。正文。');
    const chinese = parseCompilation('第一期：甲\n典型做法之一：江苏省推行居住证\n（一）必要性。正文。');
    expect(arabic).toEqual(chinese);
    expect(arabic.issues[0]!.number).toBe(1);
    expect(arabic.issues[0]!.cases[0]!.position).toBe(1);
    expect(arabic.warnings).toEqual([]);
  });
});

it('ends a heading at a half-width full stop, but not at a decimal point', () => {
  const doc = parseCompilation('第一期:甲\n典型做法之1:江苏省推行\n(一)主要做法.增至1.5万余人.');
  expect(doc.issues[0]!.cases[0]!.sections[0]).toMatchObject({ heading: '主要做法', body: '增至1.5万余人.' });
});

describe('parseCompilation: structural warnings', () => {
  it('warns when the issue number disagrees with the preceding marker', () => {
    const doc = parseCompilation('02\n第三期：甲\n典型做法之1：江苏省推行居住证\n（一）必要性。正文。');
    expect(doc.issues[0]!.number).toBe(3);
    expect(doc.warnings).toEqual([{ line: 2, message: '期号“第三期”与前面的标记“02”不一致' }]);
  });

  it('warns about a gap and a repeat in 典型做法之N', () => {
    const text = [
      '第一期：甲',
      '典型做法之1：江苏省推行居住证',
      '（一）必要性。正文。',
      '典型做法之3：贵州省推行居住证',
      '（一）必要性。正文。',
      '典型做法之3：重庆市推行居住证',
      '（一）必要性。正文。',
    ].join('\n');
    const doc = parseCompilation(text);
    expect(doc.issues[0]!.cases.map((c) => c.position)).toEqual([1, 3, 3]);
    expect(doc.warnings).toEqual([
      { line: 4, message: '典型做法编号不连续：应为之2，实为之3' },
      { line: 6, message: '典型做法之3编号重复' },
    ]);
  });

  it('reports a section before any case and text between the theme and the first case', () => {
    const doc = parseCompilation('第一期：甲\n编者按：本期介绍……\n（一）主要做法。正文。\n典型做法之1：江苏省推行\n（一）主要做法。正文。');
    expect(doc.warnings).toEqual([
      { line: 2, message: '无法归属的行（位于第一期主题之后、第一个典型做法之前）' },
      { line: 3, message: '小节“（一）”出现在本期第一个典型做法之前，无法归属' },
    ]);
    expect(doc.issues[0]!.cases[0]!.sections).toHaveLength(1);
  });

  it('reports a case before any issue, and each of its lines', () => {
    const doc = parseCompilation('典型做法之1：江苏省推行\n（一）主要做法。正文。');
    expect(doc.issues).toEqual([]);
    expect(doc.warnings.map((w) => w.line)).toEqual([1, 2]);
  });

  it('warns about a misnumbered section but keeps it in order', () => {
    const doc = parseCompilation('第一期：甲\n典型做法之1：江苏省推行\n（一）主要做法。甲。\n（三）主要成效。乙。');
    expect(doc.issues[0]!.cases[0]!.sections.map((s) => s.kind)).toEqual(['practice', 'outcome']);
    expect(doc.warnings).toEqual([{ line: 4, message: '小节序号应为（二），实为（三）' }]);
  });

  it('does not guess an ambiguous place name, and says so', () => {
    const doc = parseCompilation('第一期：甲\n典型做法之1：朝阳区推进社区治理\n（一）主要做法。正文。');
    expect(doc.issues[0]!.cases[0]!.regions).toEqual([]);
    expect(doc.warnings).toEqual([{ line: 2, message: '地名“朝阳区”对应多个地区，未自动选择，请手动指定' }]);
  });

  it('warns when no place can be found in the title or lead', () => {
    const doc = parseCompilation('第一期：甲\n典型做法之1：社区治理取得新进展\n（一）主要做法。正文。');
    expect(doc.issues[0]!.cases[0]!.regions).toEqual([]);
    expect(doc.warnings).toEqual([{ line: 2, message: '未能从标题或导语中识别地区：“社区治理取得新进展”' }]);
  });

  it('reads a population without a scope by the kind of place, and flags the guess', () => {
    const doc = parseCompilation(
      '第一期：甲\n典型做法之1：福建省上杭县发展普惠养老\n2021年，上杭县常住人口38万人。\n（一）主要做法。正文。',
    );
    expect(doc.issues[0]!.cases[0]!.profile?.population).toEqual({ scope: '县域', value: 38 });
    expect(doc.warnings).toEqual([
      { line: 3, message: '常住人口未注明范围（城区、市域、辖区内、县域、省域或镇域），暂按“县域”处理' },
    ]);
  });

  it('never throws on empty or unstructured input', () => {
    expect(parseCompilation('')).toEqual({ issues: [], warnings: [] });
    expect(parseCompilation('\uFEFF\r\n\r\n')).toEqual({ issues: [], warnings: [] });
    const junk = parseCompilation('随便一段文字\n（一）\n第期：\n典型做法之：');
    expect(junk.issues).toEqual([]);
    expect(junk.warnings.map((w) => w.line)).toEqual([1, 2, 3, 4]);
  });
});
