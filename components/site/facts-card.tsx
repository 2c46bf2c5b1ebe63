import type { Profile } from '@/lib/content/model';
import { profileFacts } from '@/lib/content/profile-facts';
import { renderProfileSentence } from '@/lib/content/profile-sentence';

/** The structured facts of a case's place, and the sentence readers know from print, rendered from them. */
export function FactsCard({ profile, placeName }: { profile: Profile; placeName: string }) {
  const facts = profileFacts(profile);
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
