import { describe, expect, it } from 'vitest';
import { flagged } from './helpers';

const implausible = (text: string) => flagged(text, 'implausible-figure');
const classifier = (text: string) => flagged(text, 'missing-classifier');

describe('truncated figures', () => {
  it.each([
    ['直接为1多名农民提供了就业岗位', '1多'],
    ['协助为农民工提供创业贷款2余万元', '2余'],
    ['联合企业培训合格技工近0人', '0人'],
    ['安排0万元专项资金支持重大平台建设', '0万'],
    ['培训农民工5余人次', '5余'],
  ])('%s', (text, span) => {
    const [f] = implausible(text);
    expect(f?.span).toBe(span);
    expect(f?.finding.severity).toBe('error');
  });

  it('warns, without blocking, on a bare 0 count that may be meant', () => {
    const [f] = implausible('一年新设企业0家');
    expect(f?.finding.severity).toBe('warning');
  });

  it.each([
    '培训0.6万人次,发放贷款3万余元,10多名专家,4亿余元,100人,2020年',
    '增长10%,提高0.5个百分点,比例为1:3,共30余家',
  ])('leaves whole figures alone: %s', (text) => {
    expect(implausible(text)).toEqual([]);
  });
});

describe('numbers with no measure word', () => {
  it('flags a number run straight into a noun', () => {
    expect(classifier('以1医院为龙头,8医院、40医院为枢纽').map((f) => f.span)).toEqual(['1医', '8医', '40医']);
  });
  it.each([
    '建成27所学校,组建5个集团,3大支柱产业,24小时服务,5G网络,第1名',
    '1:3比例,12345热线,2035年远景目标,G20峰会,90后青年,3号线',
  ])('accepts counters, units and names: %s', (text) => {
    expect(classifier(text)).toEqual([]);
  });
});
