import { CaseList } from '@/components/site/case-list';
import { tocGroups } from '@/lib/content/toc';
import type { PublicCaseSummary } from '@/lib/public/types';

/**
 * An issue's table of contents: its cases under their 栏目 headings, those listed under none first
 * and without a heading. An issue without 栏目 is one plain list, as before 栏目 existed.
 */
export function IssueToc({ cases }: { cases: PublicCaseSummary[] }) {
  const groups = tocGroups(cases);
  if (groups.every((g) => g.title === null)) return <CaseList cases={cases} />;
  return (
    <>
      {groups.map((g) =>
        g.title === null ? (
          <CaseList key={`none-${g.cases[0]!.caseId}`} cases={g.cases} />
        ) : (
          <section key={`${g.title}-${g.cases[0]!.caseId}`} className="toc-section" aria-label={`栏目：${g.title}`}>
            <h3 className="toc-section__title">{g.title}</h3>
            <CaseList cases={g.cases} />
          </section>
        ),
      )}
    </>
  );
}
