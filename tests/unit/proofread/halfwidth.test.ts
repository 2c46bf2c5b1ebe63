import { describe, expect, it } from 'vitest';
import { applyFixes, checkText } from '@/lib/proofread';
import { flagged } from './helpers';

const halfwidth = (text: string) => flagged(text, 'halfwidth-punctuation');

describe('half-width punctuation in Chinese text', () => {
  it('flags , : ; ( ) next to Chinese as warnings with full-width fixes', () => {
    const text = '典型做法之1:广东省深圳市(城区),年;好?';
    const found = halfwidth(text);
    expect(found.map((f) => f.span)).toEqual([':', '(', ')', ',', ';', '?']);
    expect(found.every((f) => f.finding.severity === 'warning')).toBe(true);
    expect(applyFixes(text, checkText(text, 'section', 0))).toBe('典型做法之1：广东省深圳市（城区），年；好？');
  });

  it('converts both parentheses of a pair that holds only a number before Chinese', () => {
    const text = '(1)摸清底数';
    expect(applyFixes(text, checkText(text, 'section', 0).filter((f) => f.rule === 'halfwidth-punctuation'))).toBe(
      '（1）摸清底数',
    );
  });

  it('turns straight quotes around Chinese into curly ones', () => {
    const text = '实现"一证通用"';
    expect(halfwidth(text).map((f) => f.finding.fix?.replacement)).toEqual(['“', '”']);
  });

  it.each(['人均1.6万元', '按1:3比例', '12:30召开', '共1,000人', 'GDP (nominal), 2021', 'see https://example.org'])(
    'leaves numbers and Latin text alone: %s',
    (text) => {
      expect(halfwidth(text)).toEqual([]);
    },
  );
});
