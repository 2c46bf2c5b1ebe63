import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import { auditLog, caseRevisions, cases } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { contentOf, formValuesOf, withoutUnstated } from '@/lib/admin/case-form';
import { parseCompilation } from '@/lib/import/parse';
import { proofreadCase } from '@/lib/proofread';
import { saveCase, submitForReview } from '@/lib/services/cases';
import { importCompilation } from '@/lib/services/import';
import { compareRevisions } from '@/lib/services/revisions';
import { createActor } from '../support/fixtures';
import { createTestDatabase, testTarget } from '../support/test-db';
import { must } from './helpers';

// A figure the source text lost ("国土面积平方公里") stays an error on the imported case, so it
// cannot reach review with the fact silently dropped, until the editor fills it in or removes it.

const compilation = (issue: number) =>
  [
    `第${issue}期：推进县城城镇化`,
    '典型做法之1：浙江省德清县推进县城公共服务提质扩面',
    '2023年，德清县国土面积平方公里，县域常住人口55.8万人，地区生产总值618亿元。',
    '（一）主要做法。一是新建改建中小学校12所。',
    '（二）主要成效。县城义务教育学位增加6000个。',
  ].join('\n');

describe(`a profile fact stated without its figure (${testTarget})`, () => {
  let database: Database;
  let db: Db;
  let editor: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    editor = await createActor(db, 'editor');
  });
  afterAll(async () => database?.close());

  async function importedCase(issue: number) {
    must(await importCompilation(db, editor, parseCompilation(compilation(issue))));
    const [row] = await db.select().from(cases).where(eq(cases.title, '浙江省德清县推进县城公共服务提质扩面')).orderBy(desc(cases.id)).limit(1);
    const [revision] = await db.select().from(caseRevisions).where(eq(caseRevisions.id, row!.currentRevisionId!));
    return { row: row!, revisionId: revision!.id, content: revision!.content };
  }

  it('is an error on the imported case and refuses submitting; filling the figure lets it through', async () => {
    const { row, content } = await importedCase(901);
    expect(content.profile?.unstated).toEqual(['landAreaKm2']);
    const errors = proofreadCase(content).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.message)).toEqual(['概况原文写了“国土面积”，但缺少数字：请填写数字，或删除此项。']);

    const refused = await submitForReview(db, editor, { caseId: row.id, baseVersion: row.version });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect((refused.details ?? []).join('\n')).toContain('概况原文写了“国土面积”，但缺少数字');

    const values = formValuesOf(content);
    const filled = contentOf({ ...values, profile: { ...values.profile, landAreaKm2: 936 } });
    const saved = must(await saveCase(db, editor, { caseId: row.id, baseVersion: row.version, content: filled }));
    expect(saved.revision?.content.profile).toMatchObject({ landAreaKm2: 936 });
    expect(saved.revision?.content.profile?.unstated).toBeUndefined();
    expect(must(await submitForReview(db, editor, { caseId: row.id, baseVersion: saved.case.version })).case.status).toBe('in_review');
  });

  it('lets the editor remove the fact instead, and the history and audit show the removal', async () => {
    const { row, revisionId: imported, content } = await importedCase(902);
    const values = formValuesOf(content);
    const removed = contentOf({ ...values, profile: { ...values.profile, unstated: withoutUnstated(values.profile.unstated, 'landAreaKm2') } });
    const saved = must(await saveCase(db, editor, { caseId: row.id, baseVersion: row.version, content: removed }));
    expect(saved.revision?.content.profile?.landAreaKm2).toBeNull();
    expect(saved.revision?.content.profile?.unstated).toBeUndefined();

    const { diff } = must(await compareRevisions(db, editor, { caseId: row.id, fromRevisionId: imported, toRevisionId: saved.revision!.id }));
    const profileDiff = diff.fields.find((f) => f.label === '概况');
    expect(profileDiff?.changed).toBe(true);
    expect(profileDiff?.parts.filter((p) => p.removed).map((p) => p.value).join('')).toContain('原文缺数字待补：国土面积');

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'case'), eq(auditLog.targetId, String(row.id)), eq(auditLog.action, 'case.save')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.after).toMatchObject({ fields: ['概况'] });

    expect(must(await submitForReview(db, editor, { caseId: row.id, baseVersion: saved.case.version })).case.status).toBe('in_review');
  });
});
