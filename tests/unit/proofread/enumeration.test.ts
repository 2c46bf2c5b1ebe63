import { describe, expect, it } from 'vitest';
import { flagged } from './helpers';

const enumeration = (text: string) => flagged(text, 'enumeration');

describe('enumerations', () => {
  it('flags a repeated 二是, as in the seed', () => {
    const text = '一是组建集团。二是下放人事权。二是建立管理机制。';
    const [f] = enumeration(text);
    expect(f?.span).toBe('二是');
    expect(f?.offset).toBe(text.lastIndexOf('二是'));
    expect(f?.finding.severity).toBe('error');
    expect(f?.finding.message).toContain('三是');
  });

  it('flags a gap and a step backwards', () => {
    expect(enumeration('一是甲。三是丙。').map((f) => f.finding.message)[0]).toContain('缺少「二是」');
    expect(enumeration('一是甲。二是乙。三是丙。二是丁。')).toHaveLength(1);
  });

  it('flags 第一/第二 and (1)(2) out of order', () => {
    expect(enumeration('第一,加强领导;第三,强化保障。')).toHaveLength(1);
    expect(enumeration('(1)摸清底数;(2)制定方案;(2)组织实施。')).toHaveLength(1);
    expect(enumeration('①摸清底数;③组织实施。')).toHaveLength(1);
  });

  it('flags section labels at paragraph starts that repeat or skip', () => {
    const text = '(一)必要性。甲。\n(二)主要做法。乙。\n(二)主要成效。丙。';
    const [f] = enumeration(text);
    expect(f?.span).toBe('(二)');
    expect(f?.offset).toBe(text.lastIndexOf('(二)'));
    expect(enumeration('（一）甲\n（三）乙')).toHaveLength(1);
    expect(enumeration('（一）甲\n（一）乙')).toHaveLength(1);
  });

  it.each([
    '一是建机制。二是强保障。三是抓落实。',
    '(三)主要成效。一是甲。二是乙。\n(四)存在问题。一是丙。二是丁。',
    '统一是基础,唯一是目标,作为重点任务之一是推进改革。',
    '把思想政治素质作为人选考察的第一因素,第二批试点启动。',
    '(一)必要性。\n(二)主要做法。\n(三)主要成效。',
    '(二)主要成效。承上一段,编号从二开始。',
  ])('accepts a list that counts up: %s', (text) => {
    expect(enumeration(text)).toEqual([]);
  });
});
