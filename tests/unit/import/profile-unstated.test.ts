import { describe, expect, it } from 'vitest';
import { parseProfileSentence } from '@/lib/import/profile';

// A fact the sentence names without its figure is recorded, so the case keeps an error for it.
describe('profile facts stated without a figure', () => {
  it.each([
    ['2023年，德清县国土面积平方公里，县域常住人口55.8万人。', ['landAreaKm2']],
    ['2023年，德清县国土面积936平方公里，县域常住人口万人。', ['population']],
    ['2023年，德清县国土面积936平方公里，常住人口城镇化率%。', ['urbanizationRatePct']],
    ['2023年，德清县国土面积936平方公里，地区生产总值亿元。', ['gdpYi']],
    ['2023年，德清县国土面积936平方公里，一般公共预算收入亿元。', ['budgetRevenueYi']],
    ['年，德清县国土面积平方公里，地区生产总值亿元，一般公共预算收入90亿元。', ['landAreaKm2', 'gdpYi']],
  ])('records what %s lost', (sentence, lost) => {
    expect(parseProfileSentence(sentence)?.profile.unstated).toEqual(lost);
  });

  it('records nothing when every named fact has its figure, nor for a lost year', () => {
    expect(parseProfileSentence('2023年，德清县国土面积936平方公里，县域常住人口55.8万人。')?.profile).not.toHaveProperty('unstated');
    expect(parseProfileSentence('年，德清县国土面积936平方公里。')?.profile).not.toHaveProperty('unstated');
  });
});
