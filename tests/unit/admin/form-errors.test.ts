import { describe, expect, it } from 'vitest';
import { applyFieldErrors } from '@/components/admin/form-errors';
import type { Failure } from '@/lib/services/result';

// A refusal from the server lands on the fields the person typed in: every field, every message.

type Values = { title: string; sections: { body: string }[]; number: number };

function recorder() {
  const set: Record<string, { type?: string; message?: string }> = {};
  return { set, form: { setError: (name: string, error: { type?: string; message?: string }) => void (set[name] = error) } };
}

describe('applyFieldErrors', () => {
  it('puts every field’s messages on that field, joined', () => {
    const { set, form } = recorder();
    const failure: Failure = {
      ok: false,
      message: '输入有误，请检查标出的字段。',
      fieldErrors: { title: ['请填写标题'], number: ['期号必须是整数', '期号必须大于0'], 'sections.1.body': ['段落内容不能为空'] },
    };
    applyFieldErrors<Values>(form, failure);
    expect(set).toEqual({
      title: { type: 'server', message: '请填写标题' },
      number: { type: 'server', message: '期号必须是整数；期号必须大于0' },
      'sections.1.body': { type: 'server', message: '段落内容不能为空' },
    });
  });

  it('drops the prefix of an action that nests the form’s values, and skips empty entries', () => {
    const { set, form } = recorder();
    applyFieldErrors<Values>(form, { ok: false, message: '输入有误', fieldErrors: { 'content.title': ['请填写标题'], 'content.sections': [], baseVersion: ['缺少版本号'] } }, 'content.');
    expect(set).toEqual({ title: { type: 'server', message: '请填写标题' }, baseVersion: { type: 'server', message: '缺少版本号' } });
  });

  it('does nothing for a refusal without field errors', () => {
    const { set, form } = recorder();
    applyFieldErrors<Values>(form, { ok: false, message: '案例已被他人修改。' });
    expect(set).toEqual({});
  });
});
