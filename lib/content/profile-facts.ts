import type { Profile } from '@/lib/content/model';
import { formatArea, formatPercent, formatPopulation, formatYi } from '@/lib/content/profile-sentence';

/** The rows of a case's 概况 card (the case page's and the PDF's): only facts with a figure. */
export function profileFacts(profile: Profile): { term: string; value: string }[] {
  const facts: { term: string; value: string }[] = [];
  if (profile.landAreaKm2 !== null) facts.push({ term: '国土面积', value: formatArea(profile.landAreaKm2) });
  if (profile.population?.value != null) facts.push({ term: `${profile.population.scope}常住人口`, value: formatPopulation(profile.population.value) });
  if (profile.urbanizationRatePct !== null) facts.push({ term: '常住人口城镇化率', value: formatPercent(profile.urbanizationRatePct) });
  if (profile.gdpYi !== null) facts.push({ term: '地区生产总值', value: formatYi(profile.gdpYi) });
  if (profile.budgetRevenueYi !== null) facts.push({ term: '一般公共预算收入', value: formatYi(profile.budgetRevenueYi) });
  return facts;
}
