import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';

// What must hold in any database a crash left behind, whatever was running when it happened.
// Each query returns the rows that break one rule; every rule is phrased so that both drivers
// return the same thing.

const RULES: { rule: string; query: SQL }[] = [
  {
    rule: 'a case whose current revision is missing or belongs to another case',
    query: sql`select c.id from cases c left join case_revisions r on r.id = c.current_revision_id where r.id is null or r.case_id <> c.id`,
  },
  {
    rule: 'a case whose current revision is not its latest',
    query: sql`select c.id from cases c join case_revisions r on r.id = c.current_revision_id
      where r.number <> (select max(number) from case_revisions x where x.case_id = c.id)`,
  },
  {
    rule: 'a case whose revisions are not numbered 1..n',
    query: sql`select case_id as id from case_revisions group by case_id having max(number) <> count(*) or min(number) <> 1`,
  },
  {
    rule: "a case row whose title is not its current revision's",
    query: sql`select c.id from cases c join case_revisions r on r.id = c.current_revision_id where c.title <> r.content->>'title'`,
  },
  {
    // Every change to a case or an issue records the version it produced, in its own transaction:
    // versions 2..v each have exactly one entry, and none is ahead of the row.
    rule: 'a case or issue whose versions do not match its audit entries',
    query: sql`select t.kind || ' ' || t.id as id from (
        select 'case' as kind, id, version from cases union all select 'issue', id, version from issues
      ) t
      left join audit_log a on a.target_type = t.kind and a.target_id = t.id::text and a.after->>'version' is not null
      group by t.kind, t.id, t.version
      having count(*) filter (where (a.after->>'version')::int between 2 and t.version) <> t.version - 1
        or count(distinct (a.after->>'version')::int) filter (where (a.after->>'version')::int >= 2) <> count(*) filter (where (a.after->>'version')::int >= 2)
        or count(*) filter (where (a.after->>'version')::int > t.version) > 0`,
  },
  {
    rule: 'an issue marked published without its public copy, or the other way round',
    query: sql`select i.id from issues i full join published_issues p on p.issue_id = i.id
      where (i.status = 'published') <> (p.issue_id is not null)`,
  },
  {
    rule: 'a published issue whose public copy does not hold exactly its cases',
    query: sql`select p.issue_id as id from published_issues p
      where (select count(*) from published_cases pc where pc.issue_id = p.issue_id)
        <> (select count(*) from cases c where c.issue_id = p.issue_id)`,
  },
  {
    rule: 'a public case that is not the published revision of its case, in its place',
    query: sql`select pc.case_id as id from published_cases pc
      join cases c on c.id = pc.case_id
      join case_revisions r on r.id = pc.revision_id
      where c.published_revision_id is distinct from pc.revision_id or c.issue_id is distinct from pc.issue_id
        or c.position is distinct from pc.position or pc.title <> r.content->>'title' or pc.sections <> r.content->'sections'`,
  },
  {
    rule: 'a case with a published revision but no public copy',
    query: sql`select c.id from cases c left join published_cases pc on pc.case_id = c.id
      where c.published_revision_id is not null and pc.case_id is null`,
  },
];

/** One line per broken rule, naming the rows that break it; empty when the database is consistent. */
export async function brokenInvariants(db: Db): Promise<string[]> {
  const out: string[] = [];
  for (const { rule, query } of RULES) {
    const rows = rowsOf<{ id: string | number }>(await db.execute(query));
    if (rows.length > 0) out.push(`${rule}: ${rows.slice(0, 10).map((r) => r.id).join(', ')}${rows.length > 10 ? ` … (${rows.length})` : ''}`);
  }
  return out;
}

/** Rows per table that a round may change, to compare before and after it. */
export async function rowCounts(db: Db): Promise<Record<'issues' | 'cases' | 'revisions' | 'audit' | 'publishedIssues' | 'publishedCases', number>> {
  const [row] = rowsOf<Record<string, number | string>>(
    await db.execute(sql`select
      (select count(*) from issues) as issues,
      (select count(*) from cases) as cases,
      (select count(*) from case_revisions) as revisions,
      (select count(*) from audit_log) as audit,
      (select count(*) from published_issues) as "publishedIssues",
      (select count(*) from published_cases) as "publishedCases"`),
  );
  const n = (key: string) => Number(row![key]);
  return {
    issues: n('issues'),
    cases: n('cases'),
    revisions: n('revisions'),
    audit: n('audit'),
    publishedIssues: n('publishedIssues'),
    publishedCases: n('publishedCases'),
  };
}
