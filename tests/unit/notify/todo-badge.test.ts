import { describe, expect, it } from 'vitest';
import { todoBadge } from '@/components/admin/todo/todo-badge';

describe('the header’s 待办 badge', () => {
  it('is absent when nothing waits', () => {
    expect(todoBadge({ work: 0, unread: 0 })).toBeUndefined();
  });

  it('counts the work, says what it counts in words, and caps long queues', () => {
    expect(todoBadge({ work: 5, unread: 3 })).toEqual({ text: '5', description: '5 项待处理，3 条未读通知' });
    expect(todoBadge({ work: 100, unread: 0 })).toEqual({ text: '99+', description: '99+ 项待处理' });
  });

  it('says 新 when only unread notifications wait', () => {
    expect(todoBadge({ work: 0, unread: 2 })).toEqual({ text: '新', description: '2 条未读通知' });
  });
});
