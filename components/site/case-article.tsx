import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { CaseBody } from '@/components/site/case-body';
import { CaseList } from '@/components/site/case-list';
import { FactsCard } from '@/components/site/facts-card';
import { JsonLd } from '@/components/site/json-ld';
import { PdfLink } from '@/components/site/pdf-links';
import { caseLabel } from '@/lib/content/numerals';
import { THEME_NAMES } from '@/lib/content/themes';
import { caseSummary } from '@/lib/public/case-meta';
import { formatDateZh, isoDateZh, placeLabel, placeShortName } from '@/lib/public/format';
import { caseJsonLd } from '@/lib/public/jsonld';
import type { CasePageData } from '@/lib/public/case-page-data';
import { paths } from '@/lib/public/urls';

// A case page's article: a pure view of its data (no reads of its own), so the app's page and the
// static snapshot's renderer (lib/static/render) draw it from one component.

export function CaseArticle({ data }: { data: CasePageData }) {
  const { case: c, corrections, pdf, siblings, related } = data;
  const at = siblings.findIndex((s) => s.caseId === c.caseId);
  const prev = at > 0 ? siblings[at - 1] : undefined;
  const next = at >= 0 ? siblings[at + 1] : undefined;
  const place = placeShortName(c.regions);
  const facts = c.profile ? <FactsCard profile={c.profile} placeName={place} /> : null;
  return (
    <article>
      <JsonLd data={caseJsonLd(c, caseSummary(c))} />
      <Breadcrumbs
        items={[
          { href: paths.home(), label: '首页' },
          { href: paths.issue(c.issueNumber), label: c.issueShortLabel },
          { label: caseLabel(c.position) },
        ]}
      />
      <p className="kicker">
        <a href={paths.issue(c.issueNumber)}>
          {c.issueLabel}：{c.issueTitle}
        </a>{' '}
        {c.sectionTitle ? `· ${c.sectionTitle} ` : ''}· {caseLabel(c.position)}
      </p>
      <h1>{c.title}</h1>
      <p className="meta">
        <span>{placeLabel(c.regions)}</span>
        <span>
          <time dateTime={isoDateZh(c.publishedAt)}>{formatDateZh(c.publishedAt)}</time>发布
        </span>
        {c.tags.length > 0 ? (
          <span>
            {c.tags.map((t) =>
              THEME_NAMES.includes(t) ? (
                <a key={t} className="tag" href={paths.theme(t)} style={{ marginRight: '0.35rem' }}>
                  {t}
                </a>
              ) : (
                <span key={t} className="tag" style={{ marginRight: '0.35rem' }}>
                  {t}
                </span>
              ),
            )}
          </span>
        ) : null}
      </p>

      <PdfLink pdf={pdf} of="本文" />

      {corrections.length > 0 ? (
        // Up front, as publishers print an erratum: whoever read the earlier text learns what changed.
        <aside className="erratum" aria-labelledby="erratum-title">
          <h2 id="erratum-title">更正说明</h2>
          {corrections.map((k) => (
            <p key={`${k.correctedAt}-${k.note}`}>
              <time dateTime={isoDateZh(k.correctedAt)}>{formatDateZh(k.correctedAt)}</time>更正：{k.note}
            </p>
          ))}
        </aside>
      ) : null}

      <div className="case-layout">
        <CaseBody lead={c.lead} sections={c.sections} />
        <div>
          {facts}
          <section className="side-block no-print" aria-labelledby="issue-block">
            <h2 id="issue-block">所属期刊</h2>
            <p>
              <a href={paths.issue(c.issueNumber)}>
                {c.issueLabel}：{c.issueTitle}
              </a>
              <br />
              <span className="muted small">共{siblings.length}个典型做法</span>
            </p>
          </section>
        </div>
      </div>

      <nav className="pager" aria-label="本期前后案例">
        {prev ? (
          <a href={paths.case(prev.caseId)} rel="prev">
            <span className="pager__dir">上一篇 · {caseLabel(prev.position)}</span>
            <span className="pager__title">{prev.title}</span>
          </a>
        ) : null}
        {next ? (
          <a className="pager__next" href={paths.case(next.caseId)} rel="next">
            <span className="pager__dir">下一篇 · {caseLabel(next.position)}</span>
            <span className="pager__title">{next.title}</span>
          </a>
        ) : null}
      </nav>

      {related.length > 0 ? (
        <section className="no-print" aria-labelledby="related-title">
          <h2 id="related-title">相关案例</h2>
          <CaseList cases={related} withIssue />
        </section>
      ) : null}
    </article>
  );
}
