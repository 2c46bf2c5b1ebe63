import type { CaseSection } from '@/lib/content/model';
import { sectionLabel } from '@/lib/content/numerals';
import { Paragraphs } from './paragraphs';

/** The lead and the labelled sections of a case: one component, so the editor's preview is the public page. */
export function CaseBody({ lead, sections }: { lead: string; sections: readonly CaseSection[] }) {
  return (
    <div className="case-body">
      {lead.trim() ? <Paragraphs text={lead} className="case-lead" /> : null}
      {sections.map((s, i) => (
        <section key={i} aria-labelledby={`section-${i}`}>
          <h2 id={`section-${i}`}>
            {sectionLabel(i)}
            {s.heading}
          </h2>
          <Paragraphs text={s.body} />
        </section>
      ))}
    </div>
  );
}
