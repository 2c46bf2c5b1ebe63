import { describe, expect, it } from 'vitest';
import { errorsAt, holeCaught } from './helpers';

describe('a counter whose quantity went missing before the noun it counts', () => {
  it.each([
    ['通过省级验收；年底前又有8个社区建成投用。', '8'],
    ['全年共为1286家中小企业提供融资担保服务。', '1286'],
    ['全年为326家中小微企业办理首贷。', '326'],
    ['发展特色种植，带动6200户农户增收。', '6200'],
    ['产业项目覆盖并带动1350户脱贫户稳定增收。', '1350'],
    ['全年办理人大代表建议426件、政协提案512件，办复率均为100%。', '512'],
    ['本次会议共收到代表议案18件。', '18'],
  ])('%s (without %s)', (intact, number) => {
    expect(holeCaught(intact, number)).toBe(true);
  });

  it.each([
    '又有个别村庄尚未完成整改，需继续跟踪。',
    '各家中小企业要落实安全生产主体责任。',
    '对每户农户发放种粮补贴，全家中小学生享受资助。',
    '工作人员逐一入户农户家中核实情况。',
    '他在家中小憩片刻后又赶回村委会。',
    '政协提案件数同比增长12%，办复率保持100%。',
    '认真办理人大代表议案、建议和政协提案。',
    '全年共为1286家中小企业提供融资担保服务。',
    '带动6200户农户增收，又有8个社区建成投用，政协提案512件。',
  ])('stays silent on %s', (text) => {
    expect(errorsAt(text)).toEqual([]);
  });
});
