import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETAIL_KEYS, DETAIL_LABELS } from '@/lib/admin/audit-summary';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_TARGET_LABELS, AUDIT_TARGET_TYPES, auditActionLabel, EDITORIAL_ACTIONS } from '@/lib/audit/actions';
import { SIGN_IN_REFUSAL_LABELS } from '@/lib/audit/reasons';

const root = process.cwd();
const chinese = /^[\u4e00-\u9fff“”（）、]+$/u;

function filesUnder(rel: string): string[] {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const child = path.join(rel, e.name);
    if (e.isDirectory()) return filesUnder(child);
    return /\.(ts|tsx|mts)$/u.test(e.name) ? [child] : [];
  });
}

/**
 * The action names the code writes: string literals given as an `action:` property (writeAudit and
 * the helpers that pass it on) or to changeStatus / changeAccount, across lib/ and scripts/. The
 * vocabulary itself and the permission table (whose names are permissions, not audit actions) are
 * not writers.
 */
function writtenActionNames(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const note = (name: string, where: string) => found.set(name, [...(found.get(name) ?? []), where]);
  const files = [...filesUnder('lib'), ...filesUnder('scripts')].filter((f) => !f.startsWith(path.join('lib', 'audit')) && !f.startsWith(path.join('lib', 'workflow')));
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const spans = [...text.matchAll(/\baction:\s*([^,\n}]+)/gu), ...text.matchAll(/\b(?:changeStatus|changeAccount)\(([^\n]*)/gu)].map((m) => m[1]!);
    for (const span of spans) for (const [, name] of span.matchAll(/'([a-z]+\.[a-z_]+)'/gu)) note(name!, file);
  }
  return found;
}

describe('the audit vocabulary', () => {
  it('gives every action one distinct, non-empty Chinese label', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const action of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABELS[action], action).toMatch(chinese);
    // Two actions with one label could not be told apart in the log or its filter.
    expect(new Set(Object.values(AUDIT_ACTION_LABELS)).size).toBe(AUDIT_ACTIONS.length);
  });

  it('labels every target type, every sign-in refusal reason and every detail key it shows', () => {
    for (const t of AUDIT_TARGET_TYPES) expect(AUDIT_TARGET_LABELS[t]).toMatch(chinese);
    for (const [reason, label] of Object.entries(SIGN_IN_REFUSAL_LABELS)) expect(label, reason).toMatch(chinese);
    expect(new Set(DETAIL_KEYS).size).toBe(DETAIL_KEYS.length);
    for (const key of DETAIL_KEYS) {
      const label = DETAIL_LABELS[key];
      if (label !== null) expect(label, key).toMatch(chinese);
    }
  });

  it('is exactly the set of names the code writes: none written without a label, no label for a name never written', () => {
    const written = writtenActionNames();
    const unlisted = [...written].filter(([name]) => !(AUDIT_ACTIONS as readonly string[]).includes(name));
    expect(unlisted, 'names written but missing from lib/audit/actions.ts').toEqual([]);
    const neverWritten = AUDIT_ACTIONS.filter((a) => !written.has(a));
    expect(neverWritten, 'names in lib/audit/actions.ts that nothing writes').toEqual([]);
  });

  it('keeps sign-ins and account changes out of the editorial activity', () => {
    expect(EDITORIAL_ACTIONS.filter((a) => a.startsWith('auth.') || a.startsWith('user.'))).toEqual([]);
    expect(EDITORIAL_ACTIONS).toEqual(expect.arrayContaining(['case.submit', 'comment.reply', 'issue.publish', 'import.compilation']));
  });

  it('shows a name from an older database as written rather than hiding it', () => {
    expect(auditActionLabel('case.request_changes')).toBe('退回修改');
    expect(auditActionLabel('legacy.thing')).toBe('legacy.thing');
  });
});
