import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The public site reads only the published read model. This test makes that checkable: it reads
// every source file of the public site and fails if one imports a working table, a module that
// can reach one, or names one in raw SQL. A draft leak then needs a change this test refuses.

const ROOT = path.resolve(__dirname, '../../..');
const PUBLIC_SOURCES = ['lib/public', 'lib/pdf', 'app/(site)', 'components/site', 'app/api/public', 'app/feed.xml', 'app/sitemap.ts', 'app/robots.ts', 'app/not-found.tsx'];
const READ_MODEL_EXPORTS = new Set([
  'publishedIssues',
  'publishedCases',
  'publishedCaseCorrections',
  'issueNumberRedirects',
  'PublishedIssue',
  'PublishedCase',
  'PublishedCaseCorrection',
  'PublishedColophon',
  // The PDF editions, made from the tables above after each publish.
  'publishedPdfs',
  'PublishedPdf',
  // How issues are named (期号格式): a setting, no content of any issue or case.
  'siteSettings',
]);
/** Modules that touch working data or sessions; the public site has no business with them. */
const FORBIDDEN_MODULES = [/^@\/lib\/(services|workflow|admin|auth|publication|import|proofread|validations)(\/|$)/u, /^@\/app\/\(admin\)/u, /^@\/db\/(migrate|seed)/u];
const WORKING_TABLES = ['cases', 'case_revisions', 'case_corrections', 'issues', 'users', 'review_comments', 'audit_log', 'sign_in_throttle'];

function filesUnder(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [abs];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => filesUnder(path.join(rel, e.name)));
}

const sources = PUBLIC_SOURCES.flatMap(filesUnder).filter((f) => /\.(ts|tsx|mjs)$/u.test(f));
const rel = (f: string) => path.relative(ROOT, f);

function imports(text: string): { names: string[]; from: string }[] {
  const out: { names: string[]; from: string }[] = [];
  for (const m of text.matchAll(/import\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/gu)) {
    const names = (m[2] ?? '').replace(/[{}]/gu, '').split(',').map((n) => n.trim().replace(/^type\s+/u, '').split(/\s+as\s+/u)[0]!).filter(Boolean);
    out.push({ names, from: m[3]! });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/gu)) out.push({ names: ['*'], from: m[1]! });
  return out;
}

/** Code that reads or writes working drafts; nothing the public site loads may load it, however indirectly. */
const UNREACHABLE = /^(lib\/services|lib\/import|lib\/proofread)\//u;
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** Runtime imports of a module, resolved to files; type-only imports are erased and do not count. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gmu)].map((m) => m[1]!),
    ...[...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gmu)].map((m) => m[1]!),
    ...[...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/gu)].map((m) => m[1]!),
  ];
  return specifiers.flatMap((spec) => {
    const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
    if (base === null) return [];
    const found = EXTENSIONS.map((ext) => base + ext).find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
    return found ? [found] : [];
  });
}

/** The import chain from file to a module it must not reach, or null when there is none. */
function chainToForbidden(file: string): string[] | null {
  const parent = new Map<string, string | null>([[file, null]]);
  const queue = [file];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    if (UNREACHABLE.test(rel(current))) {
      const chain: string[] = [];
      for (let at: string | null = current; at !== null; at = parent.get(at) ?? null) chain.unshift(rel(at));
      return chain;
    }
    for (const next of runtimeImports(current)) {
      if (!parent.has(next)) {
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

describe('the public site can reach only the published read model', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources.map((f) => [rel(f), f]))('%s imports no working table and no module that can reach one', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    for (const { names, from } of imports(text)) {
      if (from === '@/db/schema' || from.endsWith('/db/schema')) {
        for (const n of names) expect(READ_MODEL_EXPORTS.has(n), `${rel(file)} imports ${n} from db/schema`).toBe(true);
      }
      for (const pattern of FORBIDDEN_MODULES) expect(pattern.test(from), `${rel(file)} imports ${from}`).toBe(false);
    }
  });

  it.each(sources.map((f) => [rel(f), f]))('%s names no working table in SQL', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    for (const table of WORKING_TABLES) {
      expect(new RegExp(`\\b(from|join|into|update)\\s+"?${table}"?\\b`, 'iu').test(text), `${rel(file)} names ${table}`).toBe(false);
    }
  });

  it('gets the database only through lib/public (pages never open it themselves)', () => {
    for (const file of sources.filter((f) => !rel(f).startsWith('lib/public'))) {
      for (const { from } of imports(fs.readFileSync(file, 'utf8'))) expect(from.startsWith('@/db'), `${rel(file)} imports ${from}`).toBe(false);
    }
  });

  it('cannot reach the working-data services through any chain of imports', () => {
    for (const file of sources) {
      const chain = chainToForbidden(file);
      expect(chain, `${chain?.join(' → ')}`).toBeNull();
    }
  });

  it('ships no client component of its own in the reading pages', () => {
    for (const file of sources.filter((f) => /^(app\/\(site\)|components\/site)/u.test(rel(f)))) {
      expect(/^\s*['"]use client['"]/mu.test(fs.readFileSync(file, 'utf8')), rel(file)).toBe(false);
    }
  });
});
