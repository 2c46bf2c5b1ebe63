import type { Profile } from '@/lib/content/model';
import { formatArea, formatPercent, formatPopulation, formatYi, renderProfileSentence } from '@/lib/content/profile-sentence';

/** The structured facts of a case's place, and the sentence readers know from print, rendered from them. */
export function FactsCard({ profile, placeName }: { profile: Profile; placeName: string }) {
  const facts: { term: string; value: string }[] = [];
  if (profile.landAreaKm2 !== null) facts.push({ term: '国土面积', value: formatArea(profile.landAreaKm2) });
  if (profile.population?.value != null) facts.push({ term: `${profile.population.scope}常住人口`, value: formatPopulation(profile.population.value) });
  if (profile.urbanizationRatePct !== null) facts.push({ term: '常住人口城镇化率', value: formatPercent(profile.urbanizationRatePct) });
  if (profile.gdpYi !== null) facts.push({ term: '地区生产总值', value: formatYi(profile.gdpYi) });
  if (profile.budgetRevenueYi !== null) facts.push({ term: '一般公共预算收入', value: formatYi(profile.budgetRevenueYi) });
  const sentence = renderProfileSentence(profile, placeName);
  if (facts.length === 0) return null;
  return (
    <aside className="facts-card" aria-labelledby="facts-title">
      <h2 id="facts-title" className="facts-card__title">
        {placeName}概况{profile.year !== null ? <span className="facts-card__year">（{profile.year}年）</span> : null}
      </h2>
      <dl className="facts-card__list">
        {facts.map((f) => (
          <div key={f.term} className="facts-card__row">
            <dt>{f.term}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {sentence ? <p className="facts-card__sentence">{sentence}</p> : null}
    </aside>
  );
}
