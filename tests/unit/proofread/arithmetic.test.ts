import { describe, expect, it } from 'vitest';
import { flagged } from './helpers';

const implausible = (text: string) => flagged(text, 'implausible-figure').map((f) => ({ span: f.span, severity: f.finding.severity }));

describe('three-sector structure', () => {
  it('blocks shares that do not add up to 100 (a digit lost from 56.1)', () => {
    expect(implausible('三次产业结构为3.6:40.3:5.1。')).toEqual([{ span: '3.6:40.3:5.1', severity: 'error' }]);
  });
  it('only warns when the sum is off by about a point of rounding', () => {
    expect(implausible('三次产业结构调整为7.1:40.3:53.6。')[0]?.severity).toBe('warning');
  });
  it.each(['该市的三次产业结构由2018年的9.2:42.6:48.2调整为2023年的7.1:40.3:52.6。', '三次产业结构为3.6:40.3:56.1。'])('accepts %s', (text) => {
    expect(implausible(text)).toEqual([]);
  });
});

describe('a part larger than its whole', () => {
  it('blocks 其中 a part larger than the total just before it', () => {
    expect(implausible('全年粮食总产量54.2万吨，增长1.8%。其中，夏粮产量62.4万吨，秋粮产量91.8万吨。')).toEqual([
      { span: '62.4万吨', severity: 'error' },
    ]);
  });
  it('compares across magnitudes: 1.26万亿元 holds 682.4亿元', () => {
    expect(implausible('实现营业收入1.26万亿元，其中制造业营业收入682.4亿元。')).toEqual([]);
    expect(implausible('实现营业收入1.26亿元，其中制造业营业收入682.4亿元。')[0]?.severity).toBe('error');
  });
  it.each([
    '年末全市常住人口1042.7万人，比上年末增加8.3万人。其中，城镇常住人口789.5万人。',
    '全市共有县（市、区）14个、乡镇（街道）186个，其中将原有42个乡镇合并为28个，撤并后行政村由2864个减少到1926个。',
    '所有村集体经济收入均超过30万元，其中超过100万元的村有8个。',
    '全年新增“四上”企业128家，其中规模以上工业企业46家。',
    '实施重点项目186个，其中10亿元以上项目12个，亿元以上项目94个。',
  ])('accepts %s', (text) => {
    expect(implausible(text).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('shares over 100%', () => {
  it.each(['常住人口城镇化率为107.5%。', '税收收入占一般公共预算收入的比重为176.5%。', '农村卫生户厕普及率达到192.6%。'])('blocks %s', (text) => {
    expect(implausible(text)[0]?.severity).toBe('error');
  });
  it.each(['完成投资248.6亿元，完成年度计划的112.3%。', '机场旅客吞吐量增长121.4%。', '国内旅游收入4.9万亿元，增长140.3%。'])('accepts %s', (text) => {
    expect(implausible(text)).toEqual([]);
  });
});

describe('units against the scope of the place', () => {
  it('blocks a county population in 人 where 万人 was meant', () => {
    expect(implausible('年末全县户籍人口56.8万人，常住人口49.2人。')[0]?.span).toBe('49.2人');
  });
  it("blocks a city's output in 万元 where 亿元 was meant", () => {
    expect(implausible('初步核算，全年全市地区生产总值8751.2万元，比上年增长5.8%。')[0]?.span).toBe('8751.2万元');
  });
  it.each(['年末全县常住人口49.2万人。', '全年全市地区生产总值8751.2亿元。', '全镇常住人口3862人。'])('accepts %s', (text) => {
    expect(implausible(text)).toEqual([]);
  });
});
