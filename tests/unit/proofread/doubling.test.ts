import { describe, expect, it } from 'vitest';
import { applyFix } from '@/lib/proofread';
import { flagged } from './helpers';

describe('doubled words', () => {
  it('flags 培训培训 with a fix that removes one', () => {
    const text = '依托11家职业技能培训培训机构';
    const [f] = flagged(text, 'doubled-word');
    expect(f?.span).toBe('培训培训');
    expect(f?.finding.severity).toBe('error');
    expect(applyFix(text, f!.finding)).toBe('依托11家职业技能培训机构');
  });

  it.each(['加强加强监管', '城市群城市群建设', '其中其中一项', '公共服务公共服务均等化'])('flags %s', (text) => {
    expect(flagged(text, 'doubled-word')).toHaveLength(1);
  });

  it.each([
    '常常看看,人人享有,一一登记,万万不可,多多益善',
    '清清楚楚、扎扎实实、方方面面、家家户户、时时刻刻',
    '一步一步推进,一个一个落实,研究研究再说',
    '久久为功,层层落实,哈哈大笑',
  ])('accepts reduplication: %s', (text) => {
    expect(flagged(text, 'doubled-word')).toEqual([]);
  });
});

describe('doubled punctuation', () => {
  it('flags ，， with a fix and 。、 without one', () => {
    const [a] = flagged('加强领导，，压实责任', 'doubled-punctuation');
    expect(a?.finding.fix?.replacement).toBe('，');
    const [b] = flagged('支持重大平台建设。、年连续印发', 'doubled-punctuation');
    expect(b?.span).toBe('。、');
    expect(b?.finding.fix).toBeUndefined();
  });
  it.each(['他说：“好。”', '等等……然后', '1,000,000元', '时间为12:30'])('accepts %s', (text) => {
    expect(flagged(text, 'doubled-punctuation')).toEqual([]);
  });
});
