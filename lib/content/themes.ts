// The controlled list of themes (主题标签) readers filter by. Editors choose from it; the importer
// suggests themes from the words a case uses, which an editor can then correct. Each theme's slug is
// its public address (/themes/<slug>): fixed here as data, never derived from the name or the order,
// so published links keep working when themes are added, renamed or reordered.

export const THEMES = [
  { name: '义务教育', slug: 'compulsory-education', keywords: ['义务教育', '随迁子女', '中小学'] },
  { name: '职业技能', slug: 'vocational-skills', keywords: ['职业技能', '技能培训', '职业教育', '职业院校'] },
  { name: '医疗卫生', slug: 'health-care', keywords: ['医疗', '卫生', '医院'] },
  { name: '养老服务', slug: 'elderly-care', keywords: ['养老', '敬老院'] },
  { name: '住房保障', slug: 'housing-security', keywords: ['公租房', '公共租赁住房', '住房公积金', '保障性住房'] },
  { name: '就业服务', slug: 'employment-services', keywords: ['就业', '招聘', '创业'] },
  { name: '户籍与居住证', slug: 'hukou-residence-permits', keywords: ['居住证', '户籍', '落户'] },
  { name: '基层治理', slug: 'community-governance', keywords: ['基层治理', '社区', '两委'] },
  { name: '城市群', slug: 'city-clusters', keywords: ['城市群', '经济圈', '一体化发展'] },
  { name: '公共服务', slug: 'public-services', keywords: ['基本公共服务', '公共服务'] },
] as const;

export type Theme = (typeof THEMES)[number];
export type ThemeName = Theme['name'];

export const THEME_NAMES: readonly string[] = THEMES.map((t) => t.name);

export function themeByName(name: string): Theme | undefined {
  return THEMES.find((t) => t.name === name);
}

export function themeBySlug(slug: string): Theme | undefined {
  return THEMES.find((t) => t.slug === slug);
}

/** Themes whose keywords the title names, or that the body names at least twice. */
export function suggestThemes(title: string, body: string): string[] {
  const count = (text: string, word: string) => text.split(word).length - 1;
  return THEMES.filter((t) => t.keywords.some((k) => title.includes(k)) || t.keywords.reduce((n, k) => n + count(body, k), 0) >= 2).map(
    (t) => t.name,
  );
}
