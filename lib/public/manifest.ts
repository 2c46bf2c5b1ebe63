import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { issueNumberRedirects, publishedCaseCorrections, publishedCases, publishedIssues } from '@/db/schema';
import { THEMES } from '@/lib/content/themes';
import { listProvinces } from '@/lib/regions';
import { RELATED_SEPARATOR, type PublicationState, type SiteManifest } from '@/lib/static/site-manifest';
import { iso, issueLabels, queryLabelFormat, queryPublicationFingerprint, THEME_PAGE_SIZE, THEME_PREVIEW, themePageCount } from './queries';
import { editionPaths, queryServedPdfs } from './editions';
import { relatedByCase } from './related';
import { paths, siteUrl } from './urls';

// The static snapshot's list of pages (GET /api/public/manifest, read by lib/static/generate.ts):
// every public URL with a fingerprint of exactly what that page shows, so a run after a publish
// fetches only the pages that changed. Built from the published read model alone, in a few queries
// and in memory: at 10,000 published cases that is one pass over the rows plus an inverted index
// for 相关案例, instead of a query per page.

/** A path the app has no route for: it answers with the site's 404 page. */
export const NOT_FOUND_PROBE = '/static-snapshot-not-found';

let buildIdCache: string | undefined;

/**
 * The deployment's build id (Next writes it to <distDir>/BUILD_ID). Part of every fingerprint, so a
 * new deployment regenerates every page. Without one (`next dev`), a per-process id does the same
 * on every restart: never reusing a page is the safe side.
 */
function buildId(): string {
  if (buildIdCache) return buildIdCache;
  const standalone = process.env.__NEXT_PRIVATE_STANDALONE_CONFIG;
  let standaloneDist: string | undefined;
  try {
    standaloneDist = standalone ? (JSON.parse(standalone) as { distDir?: string }).distDir : undefined;
  } catch {
    standaloneDist = undefined;
  }
  for (const dir of [process.env.NEXT_DIST_DIR, standaloneDist, '.next']) {
    if (!dir) continue;
    try {
      const id = fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), dir, 'BUILD_ID'), 'utf8').trim();
      if (id) return (buildIdCache = id);
    } catch {
      // Not this folder; try the next.
    }
  }
  return (buildIdCache = `process-${randomUUID()}`);
}

interface IssueRow {
  issueId: number;
  number: number;
  title: string;
  foreword: string;
  publishedAt: string;
  /** The serial label in the site's format (its year and number within it change as others come and go). */
  label: string;
  /** The 版权页 as published, in the text form the database gives. */
  colophon: string;
}

export interface CaseRow {
  caseId: number;
  issueId: number;
  issueNumber: number;
  issueLabel: string;
  issueTitle: string;
  revisionId: number;
  position: number;
  sectionTitle: string | null;
  provinces: string[];
  tags: string[];
  publishedAt: string;
  corrections: string[];
}

/**
 * The read model in as few rows and columns as the fingerprints need: a case's revision id stands
 * for its title, regions and text, and its issue's number and title come from the issue rows.
 */
async function readModel(db: Db) {
  const [issueRows, caseRows, correctionRows, redirectRows, format] = await Promise.all([
    db
      .select({
        issueId: publishedIssues.issueId,
        number: publishedIssues.number,
        title: publishedIssues.title,
        foreword: publishedIssues.foreword,
        publishedAt: publishedIssues.publishedAt,
        year: publishedIssues.year,
        yearNumber: publishedIssues.yearNumber,
        colophon: publishedIssues.colophon,
      })
      .from(publishedIssues)
      .orderBy(desc(publishedIssues.number)),
    db
      .select({
        caseId: publishedCases.caseId,
        issueId: publishedCases.issueId,
        revisionId: publishedCases.revisionId,
        position: publishedCases.position,
        sectionTitle: publishedCases.sectionTitle,
        provinces: publishedCases.provinces,
        tags: publishedCases.tags,
        publishedAt: publishedCases.publishedAt,
      })
      .from(publishedCases),
    db
      .select({ caseId: publishedCaseCorrections.caseId, correctionId: publishedCaseCorrections.correctionId, note: publishedCaseCorrections.note, correctedAt: publishedCaseCorrections.correctedAt })
      .from(publishedCaseCorrections)
      .orderBy(asc(publishedCaseCorrections.correctionId)),
    db
      .select({ oldNumber: issueNumberRedirects.oldNumber, number: publishedIssues.number })
      .from(issueNumberRedirects)
      .innerJoin(publishedIssues, eq(publishedIssues.issueId, issueNumberRedirects.issueId)),
    queryLabelFormat(db),
  ]);
  const issues: IssueRow[] = issueRows.map(({ year, yearNumber, colophon, ...r }) => ({
    ...r,
    publishedAt: iso(r.publishedAt),
    label: issueLabels({ year, yearNumber, number: r.number }, format).label,
    colophon: JSON.stringify(colophon),
  }));
  const issueById = new Map(issues.map((i) => [i.issueId, i]));
  // A case's 更正说明 are shown on its page and in its API entry: part of what identifies its text.
  const corrections = new Map<number, string[]>();
  for (const r of correctionRows) corrections.set(r.caseId, [...(corrections.get(r.caseId) ?? []), `${r.correctionId}:${iso(r.correctedAt)}:${r.note}`]);
  const cases: CaseRow[] = caseRows.map((r) => {
    const issue = issueById.get(r.issueId)!;
    return { ...r, issueNumber: issue.number, issueLabel: issue.label, issueTitle: issue.title, publishedAt: iso(r.publishedAt), corrections: corrections.get(r.caseId) ?? [] };
  });
  // Newest issue first, then position: the order every list of the site (and 相关案例) uses.
  cases.sort((a, b) => b.issueNumber - a.issueNumber || a.position - b.position);
  // Each issue's serial address (/issues/2025/3) redirects to its overall number, as in the app.
  const serials = issueRows.map(({ year, yearNumber, number }) => ({ year, yearNumber, number })).sort((a, b) => a.number - b.number);
  return { issues, cases, redirects: redirectRows, serials };
}

/** What identifies a case's public text: its revision fixes title, regions, themes, profile and body; then its 更正说明. */
const caseKey = (c: CaseRow) => [c.caseId, c.revisionId, c.issueId, c.issueNumber, c.issueLabel, c.issueTitle, c.position, c.sectionTitle, c.publishedAt, c.corrections];
const issueKey = (i: IssueRow) => [i.issueId, i.number, i.label, i.title, i.foreword, i.publishedAt, i.colophon];

/** Whether anything public changed since a manifest was made: its build and publication fingerprint alone. */
export async function publicationState(db: Db): Promise<PublicationState> {
  return { buildId: buildId(), publication: await queryPublicationFingerprint(db) };
}

/**
 * The last manifest this process built, by the state it describes (see buildSiteManifest). On
 * globalThis: the server's route handlers and its pages and actions are separate module copies,
 * and the manifest one of them computes (the publish's own warm-up) serves the other.
 */
const built = globalThis as typeof globalThis & { __casebookSiteManifest?: { key: string; manifest: SiteManifest } };

/**
 * The manifest of the public site as it is in the database now. Read in one snapshot of the
 * database, so the fingerprint and the rows agree. A second request for the same state (the
 * route is public) costs one small query: the manifest is kept per process under the
 * publication's fingerprint, which the database gives afresh every time.
 */
export async function buildSiteManifest(db: Db): Promise<SiteManifest> {
  return db.transaction(
    async (tx) => {
      const publication = await queryPublicationFingerprint(tx);
      const key = `${buildId()}|${siteUrl()}|${publication}`;
      if (built.__casebookSiteManifest?.key === key) return built.__casebookSiteManifest.manifest;
      const manifest = computeManifest(await readModel(tx), publication, await queryServedPdfs(tx));
      built.__casebookSiteManifest = { key, manifest };
      return manifest;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function computeManifest(
  { issues, cases, redirects, serials }: Awaited<ReturnType<typeof readModel>>,
  publication: string,
  pdfs: Awaited<ReturnType<typeof queryServedPdfs>>,
): SiteManifest {
  const build = buildId();
  const origin = siteUrl();
  const fingerprint = (...parts: unknown[]) => createHash('sha256').update(JSON.stringify([build, origin, ...parts])).digest('base64url').slice(0, 22);

  const casesByIssue = new Map<number, CaseRow[]>();
  const casesByProvince = new Map<string, CaseRow[]>();
  const casesByTheme = new Map<string, CaseRow[]>();
  const push = <K,>(map: Map<K, CaseRow[]>, key: K, c: CaseRow) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of cases) {
    push(casesByIssue, c.issueId, c);
    for (const p of c.provinces) push(casesByProvince, p, c);
    for (const t of c.tags) push(casesByTheme, t, c);
  }
  const provinceCounts = [...casesByProvince.entries()].map(([code, list]) => [code, list.length]).sort();
  const issueNumbers = issues.map((i) => i.number);
  const everything = fingerprint('all', issues.map(issueKey), cases.map(caseKey));
  const related = relatedByCase(cases);
  const servedPdfs = new Map(pdfs.map((p) => [`${p.issueId}:${p.caseId ?? '-'}`, p.key]));
  const pdfKey = (issueId: number, caseId: number | null) => servedPdfs.get(`${issueId}:${caseId ?? '-'}`) ?? null;

  const pages: Record<string, string> = {};
  // Lists of everything: the home page, the archive, feed and sitemap.
  for (const url of [paths.home(), paths.issues(), paths.feed(), '/sitemap.xml']) pages[url] = everything;
  // The themes index shows each theme's count and newest few; a theme page shows one slice of the
  // theme's list with its total and number of pages, so a case of one theme changes no other's pages.
  const themed = THEMES.map(({ name }) => ({ name, list: casesByTheme.get(name) ?? [] }));
  pages[paths.themes()] = fingerprint('themes', themed.map(({ name, list }) => [name, list.length, list.slice(0, THEME_PREVIEW).map(caseKey)]));
  for (const { name, list } of themed) {
    for (let page = 1; page <= themePageCount(list.length); page++) {
      const slice = list.slice((page - 1) * THEME_PAGE_SIZE, page * THEME_PAGE_SIZE);
      pages[paths.theme(name, page)] = fingerprint('theme', name, page, list.length, slice.map(caseKey));
    }
  }
  pages[paths.regions()] = fingerprint('regions', provinceCounts);
  pages[paths.search()] = fingerprint('search', issueNumbers, provinceCounts);
  pages['/about'] = fingerprint('about');
  pages['/robots.txt'] = fingerprint('robots');
  pages['/api/public/issues'] = fingerprint('api-issues', issues.map(issueKey), issues.map((i) => casesByIssue.get(i.issueId)?.length ?? 0));
  for (const p of listProvinces()) pages[paths.province(p.code)] = fingerprint('province', p.code, (casesByProvince.get(p.code) ?? []).map(caseKey));

  issues.forEach((issue, at) => {
    const own = (casesByIssue.get(issue.issueId) ?? []).map(caseKey);
    const newer = issues[at - 1];
    const older = issues[at + 1];
    // The PDF editions are files of the snapshot, and the page and the API entry name their size.
    const pdf = pdfKey(issue.issueId, null);
    pages[paths.issue(issue.number)] = fingerprint('issue', issueKey(issue), own, newer && issueKey(newer), older && issueKey(older), pdf);
    pages[`/api/public/issues/${issue.number}`] = fingerprint('api-issue', issueKey(issue), own, pdf);
    if (pdf) pages[editionPaths.issue(issue.number)] = fingerprint('pdf', pdf);
  });
  for (const c of cases) {
    const siblings = (casesByIssue.get(c.issueId) ?? []).map(caseKey);
    // Two parts: the page's own content, then its 相关案例, which a publish elsewhere can change on
    // thousands of pages at once; the generator may bring those up to date just after the rest.
    const pdf = pdfKey(c.issueId, c.caseId);
    pages[paths.case(c.caseId)] = `${fingerprint('case', caseKey(c), siblings, pdf)}${RELATED_SEPARATOR}${fingerprint('related', (related.get(c.caseId) ?? []).map(caseKey))}`;
    pages[`/api/public/cases/${c.caseId}`] = fingerprint('api-case', caseKey(c), pdf);
    if (pdf) pages[editionPaths.case(c.caseId)] = fingerprint('pdf', pdf);
  }

  // An old number that is now another published issue's number is that issue, not a redirect.
  const current = new Set(issueNumbers);
  const moved = redirects.filter((r) => r.oldNumber !== r.number && !current.has(r.oldNumber)).sort((a, b) => a.oldNumber - b.oldNumber);
  return {
    version: 1,
    buildId: build,
    siteUrl: origin,
    publication,
    notFound: NOT_FOUND_PROBE,
    pages,
    redirects: [
      ...moved.flatMap((r) => [
        { from: paths.issue(r.oldNumber), to: paths.issue(r.number) },
        { from: `/api/public/issues/${r.oldNumber}`, to: `/api/public/issues/${r.number}` },
      ]),
      ...serials.map((s) => ({ from: paths.issueBySerial(s.year, s.yearNumber), to: paths.issue(s.number) })),
    ],
  };
}

/** For the route: the manifest, or only the publication state (`?only=publication`), from the app's database. */
export async function readSiteManifest(only: 'publication' | null): Promise<SiteManifest | PublicationState> {
  const db = await getDb();
  return only === 'publication' ? publicationState(db) : buildSiteManifest(db);
}
