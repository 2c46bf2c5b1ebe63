import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '@/lib/notify/kinds';
import { emailMessage, inAppMessage, workPath } from '@/lib/notify/messages';

// The in-app message is for staff and names the case; the email names only the kind of work and
// links to it (its builder is never handed the title, so it cannot print it).

const han = /[\u4e00-\u9fff]/u;

describe('notification messages', () => {
  it('in the app name the case, the stage, the reason and who acted', () => {
    expect(inAppMessage({ kind: 'case.at_stage', caseTitle: '甲案例', actorName: '王编辑', stageName: '初审', submitted: true })).toBe('王编辑提交了《甲案例》，等待初审');
    expect(inAppMessage({ kind: 'case.at_stage', caseTitle: '甲案例', actorName: '李审核', stageName: '复审' })).toBe('《甲案例》经李审核审核通过，进入复审');
    expect(inAppMessage({ kind: 'case.returned', caseTitle: '甲案例', actorName: '李审核', reason: '数据缺失' })).toBe('《甲案例》被李审核退回修改：数据缺失');
    expect(inAppMessage({ kind: 'comment.addressed', caseTitle: '甲案例', actorName: '李审核' })).toBe('李审核对《甲案例》提出了审核意见');
    expect(inAppMessage({ kind: 'comment.addressed', caseTitle: '甲案例', actorName: '王编辑', reply: true })).toBe('王编辑回复了关于《甲案例》的意见');
  });

  for (const kind of NOTIFICATION_KINDS) {
    it(`by email (${kind}) are Chinese, address the recipient and link to the work, the 待办 and the opt-out`, () => {
      const { subject, body } = emailMessage({ kind, caseId: 42, recipientName: '张三', actorName: '李审核', stageName: '终审' }, 'https://cases.example.gov.cn/');
      expect(subject).toMatch(han);
      expect(subject.startsWith('【案例期刊】')).toBe(true);
      expect(body.startsWith('张三，你好：')).toBe(true);
      expect(body).toContain(`https://cases.example.gov.cn${workPath(kind, 42)}`);
      expect(body).toContain('https://cases.example.gov.cn/admin/todo');
      expect(body).toContain('https://cases.example.gov.cn/admin/account');
      expect(body).toContain('不包含案例的标题、正文和审核意见');
      expect(body).not.toContain('//admin');
    });
  }

  it('send a returned case to the editor, everything else to the review page', () => {
    expect(workPath('case.returned', 7)).toBe('/admin/cases/7');
    expect(workPath('case.at_stage', 7)).toBe('/admin/cases/7/review');
    expect(workPath('comment.addressed', 7)).toBe('/admin/cases/7/review');
  });
});
