import { FactsCard } from '@/components/site/facts-card';
import { CaseBody } from '@/components/site/case-body';
import '@/components/site/site.css';
import { placeNameOf } from '@/lib/admin/place-name';
import type { CaseContent } from '@/lib/content/model';
import { placeLabel } from '@/lib/public/format';

/** The case laid out as the public case page does, with the site's own components and styles. */
export function CasePreview({ content, kicker }: { content: CaseContent; kicker?: string }) {
  const place = placeNameOf(content.regions);
  return (
    <div className="site" style={{ minHeight: 0, display: 'block' }}>
      <article>
        {kicker ? <p className="kicker">{kicker}</p> : null}
        <h1>{content.title || '（未填写标题）'}</h1>
        <p className="meta">
          <span>{placeLabel(content.regions)}</span>
          {content.tags.map((t) => (
            <span key={t} className="tag" style={{ marginRight: '0.35rem' }}>
              {t}
            </span>
          ))}
        </p>
        <div className="case-layout">
          <CaseBody lead={content.lead} sections={content.sections} />
          <div>{content.profile ? <FactsCard profile={content.profile} placeName={place} /> : null}</div>
        </div>
      </article>
    </div>
  );
}
