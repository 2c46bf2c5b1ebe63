import { describe, expect, it } from 'vitest';
import {
  listProvinces,
  provinceCodeOf,
  regionFullName,
  regionLevel,
  regionName,
  resolveRegionsFromText,
  searchRegions,
} from '@/lib/regions';

const FAN_JIA_TUN = '220184103'; // 范家屯镇, 公主岭市 (since 2020 under 长春市, 220184)

describe('resolveRegionsFromText: places named in a title', () => {
  it.each([
    ['广东省深圳市将大部分义务教育学位提供给随迁子女', '440300'],
    ['浙江省义乌市向随迁子女扩大义务教育学位供给', '330782'],
    ['江苏省南通市海门区集团化办学促进义务教育均衡发展', '320614'],
    ['重庆市提供大规模公共租赁住房', '500000'],
    ['贵州省向易地扶贫搬迁人口提供城镇基本公共服务', '520000'],
    ['江苏省推行居住证在全省范围内“一证通用”', '320000'],
    ['广东省佛山市南海区鼓励外来常住人口进入村(社区)“两委”', '440605'],
    ['吉林省公主岭市范家屯镇设立社区公共服务中心', FAN_JIA_TUN],
    ['北京市延庆区结合重大赛事开展职业技能培训', '110119'],
    ['广西壮族自治区荔浦市加强农民工就业公共服务', '450381'],
    ['河北省涉县在农民家门口开展职业技能培训', '130426'],
    ['吉林省梅河口市校企联动开展职业技能培训', '220581'],
  ])('%s → %s', (title, code) => {
    expect(resolveRegionsFromText(title, '')).toEqual({ codes: [code], ambiguous: [] });
  });

  it('reads several places joined by 、 within the same province', () => {
    expect(resolveRegionsFromText('广东省深圳市、东莞市推进', '').codes).toEqual(['440300', '441900']);
  });

  it('reports a name shared by several places instead of guessing', () => {
    expect(resolveRegionsFromText('朝阳区推进社区治理', '')).toEqual({ codes: [], ambiguous: ['朝阳区'] });
    // Inside one province the name can still be shared: 南京市鼓楼区 and 徐州市鼓楼区.
    expect(resolveRegionsFromText('江苏省鼓楼区推进', '')).toEqual({ codes: [], ambiguous: ['鼓楼区'] });
    // Given the city, it is not ambiguous any more.
    expect(resolveRegionsFromText('江苏省南京市鼓楼区推进', '').codes).toEqual(['320106']);
  });

  it('prefers the title over the lead', () => {
    expect(resolveRegionsFromText('重庆市提供公租房', '湖北、湖南两省').codes).toEqual(['500000']);
  });
});

describe('resolveRegionsFromText: city clusters, from the provinces listed in the lead', () => {
  it.each([
    ['国家发展改革委会同重庆、四川两省市和国务院有关部门,扎实实施规划纲要', ['500000', '510000']],
    ['长江中游城市群包括湖北、湖南、江西部分市县,承东启西', ['420000', '430000', '360000']],
    ['北部湾城市群包括广西、广东、海南部分市县,是我国西部地区唯一的沿海城市群', ['450000', '440000', '460000']],
    ['年1月,国务院批复同意规划。规划实施以来,陕西、山西、甘肃三省共同围绕', ['610000', '140000', '620000']],
  ])('%s', (lead, codes) => {
    expect(resolveRegionsFromText('某城市群建设取得新进展', lead)).toEqual({ codes, ambiguous: [] });
  });

  it('does not take a province name out of a running word', () => {
    expect(resolveRegionsFromText('某城市群建设', '浙江西部山区与河南岸的城镇').codes).toEqual([]);
    expect(resolveRegionsFromText('某城市群建设', '由江苏省牵头').codes).toEqual(['320000']);
  });
});

describe('region lookups', () => {
  it('names a code and spells its full path', () => {
    expect(regionName('320614')).toBe('海门区');
    expect(regionFullName('320614')).toBe('江苏省南通市海门区');
    expect(regionFullName('110119')).toBe('北京市延庆区');
    expect(regionFullName('500000')).toBe('重庆市');
    expect(regionFullName(FAN_JIA_TUN)).toBe('吉林省长春市公主岭市范家屯镇');
    expect(regionName('999999')).toBeNull();
    expect(regionFullName('')).toBeNull();
  });

  it('finds the province a code belongs to', () => {
    expect(provinceCodeOf('320614')).toBe('320000');
    expect(provinceCodeOf('320000')).toBe('320000');
    expect(provinceCodeOf(FAN_JIA_TUN)).toBe('220000');
    expect(provinceCodeOf('990000')).toBeNull();
  });

  it('knows the level of a code', () => {
    expect(regionLevel('320000')).toBe('province');
    expect(regionLevel('500000')).toBe('province');
    expect(regionLevel('440300')).toBe('prefecture');
    expect(regionLevel('441900')).toBe('prefecture'); // 东莞市 has no counties
    expect(regionLevel('320614')).toBe('county');
    expect(regionLevel('110119')).toBe('county');
    expect(regionLevel(FAN_JIA_TUN)).toBe('town');
    expect(regionLevel('110100')).toBeNull(); // 北京市"市辖区" is not a place
  });

  it('lists the 31 mainland provinces with short names', () => {
    const provinces = listProvinces();
    expect(provinces).toHaveLength(31);
    expect(provinces[0]).toEqual({ code: '110000', name: '北京市', shortName: '北京' });
    expect(provinces.find((p) => p.code === '450000')).toEqual({
      code: '450000',
      name: '广西壮族自治区',
      shortName: '广西',
    });
    expect(provinces.find((p) => p.code === '650000')?.shortName).toBe('新疆');
  });
});

describe('searchRegions', () => {
  it('puts exact names and higher levels first', () => {
    const results = searchRegions('深圳', 5);
    expect(results[0]).toEqual({ code: '440300', name: '深圳市', fullName: '广东省深圳市', level: 'prefecture' });
    expect(results).toHaveLength(5);
    expect(searchRegions('江苏', 3)[0]?.code).toBe('320000');
    expect(searchRegions('鼓楼区', 10).slice(0, 4).map((r) => r.level)).toEqual(['county', 'county', 'county', 'county']);
  });

  it('finds a place by its path and by code prefix', () => {
    expect(searchRegions('南通市海门区', 3)[0]?.code).toBe('320614');
    expect(searchRegions('3206', 1)[0]?.code).toBe('320600');
  });

  it('returns nothing for an empty query', () => {
    expect(searchRegions('  ', 10)).toEqual([]);
    expect(searchRegions('深圳', 0)).toEqual([]);
  });
});
