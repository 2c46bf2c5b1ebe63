import { describe, expect, it } from 'vitest';
import { flagged } from './helpers';

const errorsAt = (text: string) =>
  flagged(text, 'missing-number')
    .filter((f) => f.finding.severity === 'error')
    .map((f) => [f.offset, f.offset + f.span.length] as const);

/** The sentence with its number, the number to delete: the hole must draw an error that touches it. */
function holeCaught(intact: string, number: string): boolean {
  const at = intact.indexOf(number);
  const text = intact.slice(0, at) + intact.slice(at + number.length);
  return errorsAt(text).some(([start, end]) => start <= at && end >= at);
}

describe('a counter where the grammar wants a quantity', () => {
  it.each([
    ['2022年，该市新建成了18所学校，新增公办学位2.2万个。', '18'],
    ['全市共组建了128支志愿服务队伍。', '128'],
    ['通过以商招商，以3家龙头企业带动，引进配套企业46家。', '3'],
    ['该县与2家央企、5家省属国企签订合作协议。', '2'],
    ['全县共有88个乡镇，将原有1862个行政村合并为1206个。', '1862'],
    ['其中超过100万元的村有8个。', '8'],
    ['三个片区的安置房分别为1200套、860套和540套。', '860'],
    ['从业人员从2018年的1200人增加到2023年的3600人。', '1200'],
    ['村均人口由1100人增加到2100人。', '1100'],
    ['力争新增规模以上工业企业300家以上。', '300'],
    ['年末全市共有规模以上工业企业3862家，比上年末增加217家。', '3862'],
    ['全年共发放补贴资金864万元，惠及困难群众7200人。', '7200'],
    ['全市共有县（市、区）14个、乡镇（街道）186个。', '186'],
    ['全年办理法律援助案件8600件，为群众挽回经济损失1.2亿元。', '8600'],
  ])('%s (without %s)', (intact, number) => {
    expect(holeCaught(intact, number)).toBe(true);
  });

  it.each([
    '干部到处走访，做到事事有着落、处处有温度。',
    '将延庆镇、康庄镇、张山营镇等作为重点区域。',
    '建立“1+6+N”工作体系，即1个市级服务中心、6个区级分中心和若干个社区服务站点。',
    '他出了名的认真，为了个人前途也从不敷衍。',
    '优秀企业家，是推动高质量发展的重要力量。',
    '以家庭为单位申报，在家就业的群众也可参加。',
    '还有个别地方落实不到位，以期尽快解决。',
    '与张书记一同调研的还有民营企业家代表。',
    '各项指标均有所提高，工作井井有条。',
    '当年的人，如今已是满头白发；贫困村全部出列。',
    '咨询电话（+86）10-12345678，合同金额为人民币。',
    '这些企业家，为家乡发展出了力；他是一名企业家。',
  ])('leaves %s alone', (text) => {
    expect(errorsAt(text)).toEqual([]);
  });
});

describe('a figure due after 为, 到 or a ratio colon', () => {
  it.each([
    ['城乡居民收入比为2.12，比上年缩小0.04。', '2.12'],
    ['全年空气质量优良天数为312天。', '312'],
    ['亿元地区生产总值生产安全事故死亡人数为0.018人。', '0.018'],
    ['城乡居民收入比由上年的2.08缩小到2.03。', '2.03'],
    ['城乡居民收入比由上年的2.08缩小到2.03。', '2.08'],
    ['按照1:2的比例配备社区专职网格员和兼职网格员。', '1'],
    ['市级财政按照与县级财政2:1的比例分担农村公路养护资金。', '1'],
    ['全区累计发放消费券1.2亿元，杠杆率达到1:7.2。', '1'],
    ['三次产业结构为3.6:40.3:56.1。', '3.6'],
  ])('%s (without %s)', (intact, number) => {
    const at = number === '1' && intact.includes(':1') ? intact.indexOf(':1') + 1 : intact.lastIndexOf(number);
    const text = intact.slice(0, at) + intact.slice(at + number.length);
    expect(errorsAt(text).some(([s, e]) => s <= at && e >= at)).toBe(true);
  });

  it.each(['民以食为天，坚持以质量为核心。', '降幅比上年缩小。', '行为，作为，认为：以人为本。', '时间:9点开始，注:仅供参考。'])('leaves %s alone', (text) => {
    expect(errorsAt(text)).toEqual([]);
  });
});

describe('magnitudes and units without their figure', () => {
  it.each([
    ['全年全社会用电量762.4亿千瓦时，比上年增长6.5%。', '762.4'],
    ['年末全国发电装机容量291965万千瓦。', '291965'],
    ['参加城镇职工基本养老保险人数526.8万人，比上年末增加21.4万人。', '526.8'],
    ['全国居民人均可支配收入中位数33036元，增长5.3%。', '33036'],
    ['人均地区生产总值达到7.82万元，折合1.11万美元。', '1.11'],
    ['合同外资4.8亿欧元。', '4.8'],
    ['集装箱吞吐量2510万标准箱。', '2510'],
    ['年末生猪存栏182.4万头。', '182.4'],
    ['基站8600个，累计建成2.6万个。', '2.6'],
    ['PM2.5平均浓度下降到29微克/立方米。', '29'],
    ['吸纳本地劳动力就业3800余人。', '3800'],
    ['2021年以来，累计筹集保障性租赁住房4.2万套（间）。', '2021'],
  ])('%s (without %s)', (intact, number) => {
    expect(holeCaught(intact, number)).toBe(true);
  });

  it.each([
    '新开工亿元以上项目412个，万元地区生产总值能耗下降3.1%。',
    '货物周转量1168.4亿吨公里，验放出入境车辆286万辆次。',
    'PM2.5年均浓度为29微克/立方米，这些年，家乡变化很大。',
    '细颗粒物（PM2.5）年平均浓度30微克/立方米。',
    '每万人口高价值发明专利拥有量为18.6件，成千上万的群众受益，数万人参加。',
  ])('leaves %s alone', (text) => {
    expect(errorsAt(text)).toEqual([]);
  });
});

describe('counts in statistical reports', () => {
  it.each([
    ['全年出生人口5862人，死亡人口6214人。', '6214'],
    ['发放特困供养金4862万元，供养人数3126人。', '3126'],
    ['全县城区空气质量优良天数348天，优良率95.3%。', '348'],
    ['现有脱贫户2.3万户，监测对象862户、2416人。', '862'],
    ['现有脱贫户2.3万户，监测对象862户、2416人。', '2416'],
    ['全区建成“15分钟便民生活圈”36个，覆盖居民68万人。', '36'],
    ['建立“1+6+N”工作体系。', '6'],
    ['亩均增产粮食100斤以上。', '100'],
    ['旅游收入达到12.6亿元，比2019年增长2.4倍。', '2019'],
    ['全年全市发生各类生产安全事故182起，死亡156人。', '182'],
    ['发放创业担保贷款12.6亿元，扶持创业2862人。', '2862'],
    ['起降航班6.2万架次。', '6.2'],
  ])('%s (without %s)', (intact, number) => {
    expect(holeCaught(intact, number)).toBe(true);
  });

  it('reads 万 before a noun as a scale (万亩茶园, a slogan) with a warning, not an error', () => {
    const text = '建设万亩茶园，开展“万名干部进万企”活动，人口单位为万人。';
    expect(errorsAt(text)).toEqual([]);
    expect(flagged(text, 'missing-number').filter((f) => f.finding.severity === 'warning').map((f) => f.span)).toEqual(['万亩', '万名', '万企']);
  });
});

describe('doubled words', () => {
  it('does not block a chain of words that share characters (退税缓税缓费)', () => {
    const found = flagged('为经营主体减税降费及退税缓税缓费186亿元。', 'doubled-word');
    expect(found.every((f) => f.finding.severity === 'warning')).toBe(true);
  });
  it('still blocks a pasted copy of a word', () => {
    expect(flagged('加强技能培训培训机构管理。', 'doubled-word')[0]?.finding.severity).toBe('error');
  });
});
