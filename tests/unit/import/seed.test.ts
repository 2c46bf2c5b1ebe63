import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompilation, toImportJson } from '@/lib/import/parse';
import type { SectionKind } from '@/lib/content/model';

// The real three-issue compilation the product ships with as demo content.
const seed = readFileSync(new URL('../../../db/seed/compilation.txt', import.meta.url), 'utf8');
const doc = parseCompilation(seed);

type Expected = { title: string; sections: [SectionKind, string][] };
const DONE: [SectionKind, string][] = [['practice', '主要做法'], ['outcome', '主要成效']];
const WHY_DONE: [SectionKind, string][] = [['necessity', '必要性'], ['practice', '主要做法'], ['outcome', '主要成效']];

const ISSUE_1: Expected[] = [
  { title: '广东省深圳市将大部分义务教育学位提供给随迁子女', sections: DONE },
  { title: '浙江省义乌市向随迁子女扩大义务教育学位供给', sections: DONE },
  { title: '黑龙江省哈尔滨市帮扶随迁子女接受义务教育', sections: DONE },
  { title: '江苏省南通市海门区集团化办学促进义务教育均衡发展', sections: DONE },
  { title: '湖北省武汉市随迁子女与户籍子女义务教育一视同仁', sections: DONE },
  { title: '福建省晋江市向随迁子女免费提供普通高中教育', sections: WHY_DONE },
  { title: '山东省诸城市优化城镇医疗卫生服务', sections: DONE },
  { title: '福建省上杭县以公建民营方式发展普惠养老', sections: WHY_DONE },
  { title: '重庆市提供大规模公共租赁住房', sections: DONE },
  { title: '黑龙江省哈尔滨市支持农业转移人口缴存住房公积金', sections: WHY_DONE },
  { title: '安徽省芜湖市支持农业转移人口缴存住房公积金', sections: DONE },
  { title: '四川省眉山市支持农业转移人口缴存住房公积金', sections: DONE },
  { title: '贵州省向易地扶贫搬迁人口提供城镇基本公共服务', sections: WHY_DONE },
  { title: '江苏省推行居住证在全省范围内“一证通用”', sections: WHY_DONE },
  { title: '广东省佛山市南海区鼓励外来常住人口进入村(社区)“两委”', sections: WHY_DONE },
  { title: '吉林省公主岭市范家屯镇设立社区公共服务中心', sections: WHY_DONE },
];

const ISSUE_2: Expected[] = [
  { title: '北京市延庆区结合重大赛事开展职业技能培训', sections: WHY_DONE },
  { title: '河北省涉县在农民家门口开展职业技能培训', sections: DONE },
  { title: '吉林省梅河口市校企联动开展职业技能培训', sections: DONE },
  { title: '贵州省清镇市开展大规模职业教育', sections: DONE },
  { title: '广西壮族自治区荔浦市加强农民工就业公共服务', sections: DONE },
];

const ISSUE_3: Expected[] = [
  {
    title: '成渝地区双城经济圈建设取得新进展',
    sections: [
      ['custom', '交通互联互通加力提速'],
      ['custom', '现代产业体系加快构建'],
      ['custom', '协同创新能力稳步提升'],
      ['custom', '生态环境保护扎实推进'],
      ['custom', '改革开放持续拓展深化'],
      ['custom', '公共服务共建共享多点突破'],
      ['custom', '重点区域交流合作日益密切'],
    ],
  },
  {
    title: '长江中游城市群建设取得新进展',
    sections: [['outcome', '主要成效'], ['problem', '存在问题'], ['next', '下一步考虑']],
  },
  {
    title: '北部湾城市群建设取得新进展',
    sections: [['practice', '主要做法'], ['outcome', '主要成效'], ['problem', '存在问题'], ['next', '下一步考虑']],
  },
  {
    title: '关中平原城市群建设取得新进展',
    sections: [['practice', '主要做法'], ['outcome', '主要成效'], ['problem', '存在问题'], ['next', '下一步考虑']],
  },
];

function issue(n: number) {
  const found = doc.issues.find((i) => i.number === n);
  if (!found) throw new Error(`issue ${n} missing`);
  return found;
}

function caseAt(issueNumber: number, position: number) {
  const found = issue(issueNumber).cases.find((c) => c.position === position);
  if (!found) throw new Error(`case ${issueNumber}/${position} missing`);
  return found;
}

function warningsOn(line: number): string[] {
  return doc.warnings.filter((w) => w.line === line).map((w) => w.message);
}

describe('parseCompilation on the seed compilation', () => {
  it('finds three issues with their numbers, themes and case counts', () => {
    expect(doc.issues.map((i) => [i.number, i.title, i.cases.length])).toEqual([
      [1, '加快城镇基本公共服务均等化', 16],
      [2, '提升农业转移人口融入城市能力', 5],
      [3, '促进城市群一体化发展', 4],
    ]);
    expect(doc.issues.map((i) => i.line)).toEqual([2, 75, 98]);
  });

  it.each([
    [1, ISSUE_1],
    [2, ISSUE_2],
    [3, ISSUE_3],
  ] as const)('issue %i: every case title and its section kinds and headings, in order', (n, expected) => {
    const cases = issue(n).cases;
    expect(cases.map((c) => c.position)).toEqual(expected.map((_, i) => i + 1));
    expect(cases.map((c) => ({ title: c.title, sections: c.sections.map((s) => [s.kind, s.heading]) }))).toEqual(
      expected,
    );
  });

  it('keeps section bodies verbatim, errors included, and records their lines', () => {
    const shenzhen = caseAt(1, 1);
    expect(shenzhen.line).toBe(3);
    expect(shenzhen.sections.map((s) => s.line)).toEqual([5, 6]);
    expect(shenzhen.sections[0]!.body.startsWith('一是允许持有居住证、在深圳市连续居住且参加社保满1年的外来人口随迁子女')).toBe(true);
    // The doubled word is the proofreader's to report, not the parser's to fix.
    expect(caseAt(2, 3).sections[1]!.body).toContain('依托11家职业技能培训培训机构');
    expect(caseAt(1, 2).sections[1]!.body).toBe('“十三五”期间,建成投用了27所中小学校,较好满足了随迁子女在公办学校入学需求。');
  });

  it('reads the profile facts whose figures survived', () => {
    expect(caseAt(1, 2).profile?.urbanizationRatePct).toBe(79.7);
    expect(caseAt(1, 3).profile?.landAreaKm2).toBe(53000);
    expect(caseAt(1, 4).profile).toEqual({
      year: null,
      landAreaKm2: null,
      population: { scope: '辖区内', value: 99 },
      urbanizationRatePct: 63.9,
      gdpYi: null,
      budgetRevenueYi: 74,
      unstated: ['landAreaKm2', 'gdpYi'],
    });
    expect(caseAt(1, 1).profile).toEqual({
      year: null,
      landAreaKm2: null,
      population: { scope: '城区', value: null },
      urbanizationRatePct: null,
      gdpYi: 28000,
      budgetRevenueYi: null,
      unstated: ['landAreaKm2', 'population', 'budgetRevenueYi'],
    });
    const chongqing = caseAt(1, 9).profile;
    expect([chongqing?.landAreaKm2, chongqing?.gdpYi]).toEqual([82000, 25000]);
    expect(caseAt(1, 14).profile?.gdpYi).toBe(103000);
    expect(caseAt(1, 16).profile?.population).toEqual({ scope: '镇域', value: 14 });
    expect(caseAt(2, 3).profile?.urbanizationRatePct).toBe(60);
  });

  it('parses a truncated figure as written: judging it is the proofreader\'s job', () => {
    expect(caseAt(1, 12).profile?.landAreaKm2).toBe(7);
  });

  it('leaves lost figures null, never 0, and warns with the line', () => {
    const yiwu = caseAt(1, 2).profile!;
    expect([yiwu.year, yiwu.landAreaKm2, yiwu.gdpYi, yiwu.budgetRevenueYi]).toEqual([null, null, null, null]);
    expect(yiwu.population).toEqual({ scope: '市域', value: null });
    expect(warningsOn(8).sort()).toEqual(
      ['年份缺少数字', '国土面积缺少数字', '市域常住人口缺少数字', '地区生产总值缺少数字', '一般公共预算收入缺少数字'].sort(),
    );
    // Shenzhen's sentence has the year in the middle: "深圳市国土面积平方公里,年,城区常住人口万人".
    expect(warningsOn(4).sort()).toEqual(
      ['国土面积缺少数字', '年份缺少数字', '城区常住人口缺少数字', '一般公共预算收入缺少数字'].sort(),
    );
    expect(warningsOn(16).sort()).toEqual(['年份缺少数字', '国土面积缺少数字', '地区生产总值缺少数字'].sort());
  });

  it('warns only about the profile sentences: every other line is placed', () => {
    const profileLines = [4, 8, 12, 16, 20, 24, 29, 33, 38, 42, 47, 51, 55, 60, 65, 70, 77, 82, 86, 90, 94];
    expect([...new Set(doc.warnings.map((w) => w.line))]).toEqual(profileLines);
  });

  it('resolves region codes from titles, down to a town', () => {
    expect(caseAt(1, 1).regions).toEqual(['440300']);
    expect(caseAt(1, 2).regions).toEqual(['330782']);
    expect(caseAt(1, 4).regions).toEqual(['320614']);
    expect(caseAt(1, 9).regions).toEqual(['500000']);
    expect(caseAt(1, 13).regions).toEqual(['520000']);
    expect(caseAt(1, 14).regions).toEqual(['320000']);
    expect(caseAt(1, 15).regions).toEqual(['440605']);
    expect(caseAt(1, 16).regions).toEqual(['220184103']);
    expect(caseAt(2, 1).regions).toEqual(['110119']);
    expect(caseAt(2, 5).regions).toEqual(['450381']);
  });

  it('gives the city-cluster cases a lead paragraph, no profile, and regions from the lead', () => {
    const expected: [number, string, string[]][] = [
      [1, LEAD_1, ['500000', '510000']],
      [2, LEAD_2, ['420000', '430000', '360000']],
      [3, LEAD_3, ['450000', '440000', '460000']],
      [4, LEAD_4, ['610000', '140000', '620000']],
    ];
    for (const [position, lead, regions] of expected) {
      const c = caseAt(3, position);
      expect(c.profile).toBeNull();
      expect(c.lead).toBe(lead);
      expect(c.regions).toEqual(regions);
    }
  });

  it('gives the profiled cases no lead', () => {
    for (const c of [...issue(1).cases, ...issue(2).cases]) expect(c.lead).toBe('');
  });

  it('exports the documented JSON shape without line numbers', () => {
    const json = toImportJson(doc);
    expect(Object.keys(json)).toEqual(['issues', 'warnings']);
    expect(Object.keys(json.issues[0]!)).toEqual(['number', 'title', 'cases']);
    const first = json.issues[0]!.cases[0]!;
    expect(Object.keys(first)).toEqual(['position', 'title', 'regions', 'profile', 'lead', 'sections']);
    expect(first.regions).toEqual(['440300']);
    expect(first.profile).toEqual({
      year: null,
      landAreaKm2: null,
      population: { scope: '城区', value: null },
      urbanizationRatePct: null,
      gdpYi: 28000,
      budgetRevenueYi: null,
      unstated: ['landAreaKm2', 'population', 'budgetRevenueYi'],
    });
    expect(Object.keys(first.sections[0]!)).toEqual(['kind', 'heading', 'body']);
    expect(json.warnings[0]).toEqual({ line: 4, message: '国土面积缺少数字' });
    expect(JSON.stringify(json.issues)).not.toContain('"line"');
    // Round trip through JSON text, as the import script will write it.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

const LEAD_1 =
  '国家发展改革委会同重庆、四川两省市和国务院有关部门,扎实实施《成渝地区双城经济圈建设规划纲要》,各项工作进展顺利、势头良好。川渝合作共建67个重大项目开工了64个,完成投资7亿元,重点领域和重点区域一体化发展步伐加快,取得一批阶段性成果。';
const LEAD_2 =
  '长江中游城市群包括湖北、湖南、江西部分市县,承东启西、连南接北,是推动长江经济带发展、促进中部地区崛起、巩固“两横三纵”城镇化战略格局的重要区域,在我国经济社会发展格局中具有重要地位。';
const LEAD_3 =
  '北部湾城市群包括广西、广东、海南部分市县,是我国西部地区唯一的沿海城市群,也是唯一与东盟国家既有海上通道、又有陆地接壤的区域,区位优势明显、战略地位突出。年2月,国务院批复同意《北部湾城市群发展规划》。规划实施以来,三省区立足“一湾相挽十一国,良性互动东中西”的独特区位优势,深化以面向东盟为重点的全方位开放合作。年年底,城市群常住人口超过万人,地区生产总值达2.2万亿元,综合实力显著增强。';
const LEAD_4 =
  '年1月,国务院批复同意《关中平原城市群发展规划》,为关中平原城市群建设提供了基本遵循。规划实施以来,陕西、山西、甘肃三省共同围绕“向西开放的战略支点、引领西北地区发展的重要增长极、以军民融合为特色的国家创新高地、传承中华文明的世界级旅游目的地、内陆生态文明建设先行区”五大战略定位,不断细化落实各项任务举措,城市群建设取得了积极进展。年年底,城市群常住人口达万,地区生产总值达2.2万亿元,人均GDP达5.7万元、年均增速近10%,城市群综合能级和一体化发展水平再上新台阶。';
