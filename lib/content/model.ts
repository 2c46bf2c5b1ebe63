// The content model shared by the importer, the proofreader, the services and the pages.
// Plain data only: no database, no React.

export const SECTION_KINDS = ['necessity', 'practice', 'outcome', 'problem', 'next', 'custom'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** The standard heading of each non-custom section kind. */
export const SECTION_HEADINGS: Record<Exclude<SectionKind, 'custom'>, string> = {
  necessity: '必要性',
  practice: '主要做法',
  outcome: '主要成效',
  problem: '存在问题',
  next: '下一步考虑',
};

export const POPULATION_SCOPES = ['城区', '市域', '辖区内', '县域', '省域', '镇域'] as const;
export type PopulationScope = (typeof POPULATION_SCOPES)[number];

/** The facts of a profile that carry a figure (the year is a date, not a figure). */
export const PROFILE_FACT_KEYS = ['landAreaKm2', 'population', 'urbanizationRatePct', 'gdpYi', 'budgetRevenueYi'] as const;
export type ProfileFactKey = (typeof PROFILE_FACT_KEYS)[number];

export const PROFILE_FACT_LABELS: Record<ProfileFactKey, string> = {
  landAreaKm2: '国土面积',
  population: '常住人口',
  urbanizationRatePct: '常住人口城镇化率',
  gdpYi: '地区生产总值',
  budgetRevenueYi: '一般公共预算收入',
};

/** Structured facts about the place a case describes. A null value means "not known". */
export interface Profile {
  year: number | null;
  /** 平方公里 */
  landAreaKm2: number | null;
  /** 万人, with the scope the figure refers to */
  population: { scope: PopulationScope; value: number | null } | null;
  /** percent, 0–100 */
  urbanizationRatePct: number | null;
  /** 亿元 */
  gdpYi: number | null;
  /** 亿元 */
  budgetRevenueYi: number | null;
  /**
   * Facts the source text named but whose figure was lost ("国土面积平方公里"). Each stays an
   * error until the figure is filled in or the editor removes the fact from this list.
   */
  unstated?: ProfileFactKey[];
}

export interface CaseSection {
  kind: SectionKind;
  /** The standard heading for its kind, or the custom heading verbatim. */
  heading: string;
  /** Plain text; paragraphs separated by "\n". */
  body: string;
}

/** What an editor writes about one case: the content of one revision. */
export interface CaseContent {
  title: string;
  /** GB/T 2260 codes: 6 digits for province/city/county, 9 for a town. */
  regions: string[];
  profile: Profile | null;
  /** Free lead paragraph, used where no profile fits (city clusters). May be empty. */
  lead: string;
  sections: CaseSection[];
  tags: string[];
}

export const CASE_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'published'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ISSUE_STATUSES = ['draft', 'scheduled', 'published'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ROLES = ['admin', 'editor', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', editor: '编辑', reviewer: '审核' };

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = { draft: '未发布', scheduled: '定时发布', published: '已发布' };

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  changes_requested: '需修改',
  approved: '已通过',
  published: '已发布',
};
