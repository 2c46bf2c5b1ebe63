import { describe, expect, it } from 'vitest';
import { flagged } from './helpers';

const pairs = (text: string) => flagged(text, 'unbalanced-pair');

describe('paired punctuation', () => {
  it.each([
    ['实现“一证通用,居住证全覆盖', '“'],
    ['印发《规划纲要的通知', '《'],
    ['城市群发展规划》实施以来', '》'],
    ['（男未满60周岁、女未满50周岁', '（'],
    ['建立“红黑名单》互认', '“'],
    ['他说"好', '"'],
  ])('flags %s', (text, span) => {
    const found = pairs(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.span).toBe(span);
    expect(found[0]?.finding.severity).toBe('error');
  });

  it('checks each paragraph on its own', () => {
    expect(pairs('“甲\n乙”')).toHaveLength(2);
  });

  it.each([
    '实现“进得来”“读得起”,印发《关于建设西安国家中心城市的意见》',
    '龙(山)(来)凤经济协作示范区,万(州)达(州)开(州)',
    '村（社区）“两委”,中欧班列(成渝)',
    '1）加强领导;2）压实责任',
    '引用‘单引号’,混排（半角)也算成对',
  ])('accepts balanced text: %s', (text) => {
    expect(pairs(text)).toEqual([]);
  });
});
