import { describe, expect, it } from 'vitest';
import { flagged } from './helpers';

const errors = (text: string, rule: Parameters<typeof flagged>[1]) =>
  flagged(text, rule).filter((f) => f.finding.severity === 'error');

describe('lost numbers before units of measure, counters and ordinals', () => {
  it.each([
    ['新铺设燃气管道公里，改造老旧管网。', '公里'],
    ['退化草原修复面积公顷。', '公顷'],
    ['今年秋粮收购量达到吨。', '吨'],
    ['发放耕地地力补贴面积亩。', '亩'],
    ['工程建设项目审批压缩至小时。', '小时'],
    ['企业注销办理时间缩短至天以内。', '天'],
    ['跨境电商交易额增长倍。', '倍'],
    ['公路货运量比去年下降成。', '成'],
    ['开展消防演练次，覆盖所有楼栋。', '次'],
    ['新增充电桩处，方便市民出行。', '处'],
    ['办理小额信贷笔。', '笔'],
    ['新开通夜班公交线路条。', '条'],
    ['全市共有所公办幼儿园。', '所'],
    ['组建应急救援队支。', '支'],
    ['入选第届全国文明村镇。', '第届'],
    ['开展第轮生态环境保护督察。', '第轮'],
    ['志愿者服务时长累计超过余小时。', '余'],
  ])('%s', (text, span) => {
    const found = errors(text, 'missing-number');
    expect(found.map((f) => f.span).join()).toContain(span);
  });

  it.each([
    '每公里造价有所下降,亩产稳定提高,吨位较大的货车禁止通行。',
    '小时候的记忆,天然气管网,翻倍增长,成倍提高,达成共识。',
    '干部到处走访,妥善处理信访事项,做到事事有着落、处处有温度。',
    '动笔写下心得,按照名次排序,历届获奖者出席。',
    '各项工作项项落实,网格员个个是能手,挨个上门核实信息。',
    '设立受益人账户,培育一批法律明白人,讲好身边人的故事。',
    '走访搬迁安置户,慰问结对帮扶户,种植户收入增加。',
    '打造名镇名村,引进名企名店,上线一个名为“随手拍”的小程序。',
    '家医签约覆盖重点人群,小张主动留下值班。',
    '开展“安全生产月”和“质量月”活动,日积月累,长年累月坚持。',
    '四川省广元市、浙江省庆元县、河北省元氏县、邯郸市永年区、鹰潭市月湖区参加交流。',
    '发展企业年金,近些年来,企业年营业额和机场年客流量稳步增长,落实带薪年休假。',
    '增长 6.5 %,常住人口约 3 万人。',
    '次第展开,家门口就业,第三方评估。',
  ])('leaves ordinary words alone: %s', (text) => {
    expect(errors(text, 'missing-number')).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['自月份起执行新标准。', '月'],
    ['方案于月正式印发。', '月'],
    ['年，全县完成造林任务。', '年'],
    ['从年开始推行积分制。', '年'],
  ])('%s', (text, span) => {
    expect(errors(text, 'missing-number').map((f) => f.span)).toContain(span);
  });
});

describe('round figures with 近/破/突破', () => {
  it('warns on a bare 万 after a round-figure cue, but blocks a bare 亿 and 突破 with a unit', () => {
    expect(flagged('参会人数近万人。', 'missing-number')[0]?.finding.severity).toBe('warning');
    expect(flagged('单日客流破万。', 'missing-number')[0]?.finding.severity).toBe('warning');
    expect(flagged('地区生产总值首次突破万亿元大关。', 'missing-number')[0]?.finding.severity).toBe('warning');
    // 突破（260）万人: official prose states the figure a total passes.
    expect(flagged('人才总量突破万人。', 'missing-number')[0]?.finding.severity).toBe('error');
    expect(flagged('完成投资近亿元。', 'missing-number')[0]?.finding.severity).toBe('error');
    expect(flagged('销售额突破亿元。', 'missing-number')[0]?.finding.severity).toBe('error');
  });
  it('reports a bare 万 before any one-character unit at a clause end', () => {
    expect(errors('网上销售农产品万单。', 'missing-number').map((f) => f.span)).toEqual(['万单']);
  });
});

describe('truncated decimals', () => {
  it('flags a decimal that lost its integer part', () => {
    expect(errors('失业率下降.3个百分点。', 'implausible-figure').map((f) => f.span)).toEqual(['.']);
  });
  it.each(['增长0.3个百分点', '版本v1.5发布', '完成任务。2021年以来', '“0元”体检'])('leaves %s alone', (text) => {
    expect(flagged(text, 'implausible-figure')).toEqual([]);
  });
});

describe('enumerations and doubling', () => {
  it('flags 一是 repeated instead of 二是', () => {
    expect(errors('一是摸清底数。一是制定方案。二是抓好落实。', 'enumeration')).toHaveLength(1);
  });
  it('flags doubled function words and a word doubled across a space', () => {
    expect(errors('解决好群众的的急难愁盼问题', 'doubled-word').map((f) => f.span)).toEqual(['的的']);
    expect(errors('完善养老服务 服务体系', 'doubled-word')).toHaveLength(1);
  });
  it('only warns on a doubled verb that reads as tentative speech', () => {
    const [f] = flagged('他说：“我们再商议商议。”', 'doubled-word');
    expect(f?.finding.severity).toBe('warning');
  });
  it.each(['的的确确取得成效', '达到目的的手段', '不了了之', '为了了解情况'])('accepts %s', (text) => {
    expect(flagged(text, 'doubled-word')).toEqual([]);
  });
});
