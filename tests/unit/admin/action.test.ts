import { redirect } from 'next/navigation';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';

// The admin actions' wrapper, with the session, the database handle and Next's cache replaced: who
// is asking comes only from the session, the service parses the input once and its every field
// error reaches the form, nothing is revalidated unless the write succeeded, and nothing throws.

const session = vi.hoisted(() => ({ actor: null as Actor | null, fails: false }));
const fakeDb = vi.hoisted(() => ({ fake: 'db' }));
vi.mock('@/lib/auth/current', () => ({
  getActor: async () => {
    if (session.fails) throw new Error('session store unreachable');
    return session.actor;
  },
}));
vi.mock('@/db', () => ({ getDb: async () => fakeDb }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath, revalidateTag: vi.fn() }));

const { adminAction, SERVER_FAILED, SESSION_EXPIRED } = await import('@/lib/admin/action');
const { createUserAction } = await import('@/lib/actions/accounts');
const { createUserSchema, caseStatusChangeSchema } = await import('@/lib/validations');
const { searchRegionsAction } = await import('@/lib/actions/cases');
const { previewImportAction } = await import('@/lib/actions/import');

const admin: Actor = { id: 1, name: '管理员', email: 'admin@example.gov.cn', role: 'admin' };
const editor: Actor = { id: 2, name: '编辑', email: 'editor@example.gov.cn', role: 'editor' };
const badAccount = { email: 'not-an-email', name: '   ', role: 'editor' as const, password: 'short' };

beforeEach(() => {
  session.actor = admin;
  session.fails = false;
  revalidatePath.mockClear();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('an admin action', () => {
  it('refuses without a session, in Chinese, and the service never runs', async () => {
    session.actor = null;
    const run = vi.fn(async () => ({ ok: true as const }));
    const action = adminAction(caseStatusChangeSchema, { run, reply: () => ({ message: '已提交审核。' }), revalidate: () => revalidatePath('/admin') });
    await expect(action({ caseId: 3, baseVersion: 1 })).resolves.toEqual({ ok: false, message: SESSION_EXPIRED });
    expect(run).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('hands the service the session’s user and the input exactly as sent: the wrapper does not parse it', async () => {
    const run = vi.fn(async () => ({ ok: true as const, case: { id: 3 } }));
    const action = adminAction(caseStatusChangeSchema, { run, reply: (r) => ({ caseId: r.case.id, message: '已提交审核。' }) });
    const input = { caseId: 3, baseVersion: 1 };
    await expect(action(input)).resolves.toEqual({ ok: true, caseId: 3, message: '已提交审核。' });
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]).toEqual([fakeDb, admin, input]);
    expect((run.mock.calls[0] as unknown[])[2]).toBe(input);
  });

  it('returns every field error of the form, from one parse by the service', async () => {
    const parse = vi.spyOn(createUserSchema, 'safeParse');
    const result = await createUserAction(badAccount);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('输入有误，请检查标出的字段。');
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password']);
    expect(result.fieldErrors?.name).toEqual(['请填写姓名']);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('says “no permission” before judging the input of someone who may not act', async () => {
    session.actor = editor;
    const result = await createUserAction(badAccount);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? null : result.fieldErrors).toBeUndefined();
    expect(result.ok ? '' : result.message).toMatch(/权限/u);
  });

  it('revalidates after a success, from what the service returned, and never after a refusal', async () => {
    const revalidate = vi.fn();
    const outcomes = [{ ok: true as const, case: { id: 7 } }, { ok: false as const, message: '案例已被他人修改。' }];
    const action = adminAction(caseStatusChangeSchema, { run: async () => outcomes.shift()!, reply: () => ({ message: '已提交审核。' }), revalidate });
    await action({ caseId: 7, baseVersion: 1 });
    expect(revalidate).toHaveBeenCalledWith({ ok: true, case: { id: 7 } });
    await expect(action({ caseId: 7, baseVersion: 1 })).resolves.toEqual({ ok: false, message: '案例已被他人修改。' });
    expect(revalidate).toHaveBeenCalledTimes(1);
  });

  it('never throws: a crash in the service or the session becomes a refusal that says nothing changed', async () => {
    const revalidate = vi.fn();
    const action = adminAction(caseStatusChangeSchema, {
      run: async () => {
        throw new Error('connection reset');
      },
      reply: () => ({ message: '已提交审核。' }),
      revalidate,
    });
    await expect(action({ caseId: 1, baseVersion: 1 })).resolves.toEqual({ ok: false, message: SERVER_FAILED });
    session.fails = true;
    await expect(action({ caseId: 1, baseVersion: 1 })).resolves.toEqual({ ok: false, message: SERVER_FAILED });
    expect(revalidate).not.toHaveBeenCalled();
    expect(SERVER_FAILED).toMatch(/内容没有被改动/u);
  });

  it('lets Next.js redirects through instead of reporting them as crashes', async () => {
    const action = adminAction(caseStatusChangeSchema, { run: async () => redirect('/sign-in'), reply: () => ({}) });
    await expect(action({ caseId: 1, baseVersion: 1 })).rejects.toThrow('NEXT_REDIRECT');
  });

  it('is typed by its schema at the call site, and its result by the reply', () => {
    expectTypeOf(createUserAction).parameter(0).toEqualTypeOf<z.input<typeof createUserSchema>>();
    type Reply = Extract<Awaited<ReturnType<typeof createUserAction>>, { ok: true }>;
    expectTypeOf<Reply['generatedPassword']>().toEqualTypeOf<string | null>();
    expectTypeOf<Reply['message']>().toEqualTypeOf<string>();
    // Never called: a form sending the wrong shape must not compile.
    const wrongShape = () => {
      // @ts-expect-error the role must be one of the roles
      void createUserAction({ email: 'a@example.gov.cn', name: '张三', role: 'owner' });
      // @ts-expect-error a password is text
      void createUserAction({ email: 'a@example.gov.cn', name: '张三', role: 'editor', password: 1234567890 });
    };
    void wrongShape;
  });
});

describe('the actions that used to check the session by hand', () => {
  it('refuse without a session, like every other action', async () => {
    session.actor = null;
    await expect(searchRegionsAction({ query: '义乌' })).resolves.toEqual({ ok: false, message: SESSION_EXPIRED });
    await expect(previewImportAction(null, new FormData())).resolves.toEqual({ ok: false, message: SESSION_EXPIRED });
  });

  it('answer a signed-in user: the region search with options, the preview with what is missing', async () => {
    const found = await searchRegionsAction({ query: '义乌' });
    expect(found.ok && found.options.map((o) => o.fullName)).toContain('浙江省金华市义乌市');
    const preview = await previewImportAction(null, new FormData());
    expect(preview).toMatchObject({ ok: false, message: '请选择文件或粘贴文本。', fieldErrors: { file: [expect.stringContaining('.docx')] } });
  });
});
