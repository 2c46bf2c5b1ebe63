'use client';
import { useState, useTransition } from 'react';
import { formatDate, formatDateTime } from '@/components/admin/format';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Notice } from '@/components/ui/notice';
import { changeRoleAction, deactivateUserAction, reactivateUserAction, resetPasswordAction, unlockSignInAction } from '@/lib/actions/accounts';
import { ROLES, ROLE_LABELS, type Role } from '@/lib/content/model';

interface Account {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  /** Until when sign-in is refused for this account somewhere, or null. */
  signInLockedUntil: string | null;
}

type Outcome = { ok: true; message?: string; generatedPassword?: string | null } | { ok: false; message: string };

export function AccountsTable({ users, selfId }: { users: Account[]; selfId: number }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirm, setConfirm] = useState<{ title: string; body: string; run: () => Promise<Outcome> } | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<Outcome>) =>
    startTransition(async () => {
      setOutcome(await work());
      setConfirm(null);
    });
  return (
    <div>
      {outcome ? (
        <Notice tone={outcome.ok ? 'success' : 'error'}>
          {outcome.message}
          {outcome.ok && outcome.generatedPassword ? (
            <>
              {' '}新密码（只显示这一次，请安全地转交）：<code>{outcome.generatedPassword}</code>
            </>
          ) : null}
        </Notice>
      ) : null}
      <div className="table-wrap">
        <table className="data-table">
          <caption className="sr-only">账号列表</caption>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">邮箱</th>
              <th scope="col">角色</th>
              <th scope="col">状态</th>
              <th scope="col">创建于</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}{u.id === selfId ? <span className="muted small">（我）</span> : null}</td>
                <td>{u.email}</td>
                <td>
                  <select
                    aria-label={`${u.name}的角色`}
                    value={u.role}
                    disabled={pending}
                    onChange={(e) => run(() => changeRoleAction({ userId: u.id, role: e.target.value as Role }))}
                    style={{ width: 'auto' }}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>{ROLE_LABELS[r]}</option>
                    ))}
                  </select>
                </td>
                <td>
                  {u.active ? <span className="a-badge badge-approved">正常</span> : <span className="a-badge badge-draft">已停用</span>}
                  {u.signInLockedUntil ? (
                    <>
                      {' '}
                      <span className="a-badge badge-changes_requested" title="登录失败过多，暂时拒绝登录">登录受限至 {formatDateTime(u.signInLockedUntil)}</span>
                    </>
                  ) : null}
                </td>
                <td className="nowrap small">{formatDate(u.createdAt)}</td>
                <td className="nowrap">
                  <span className="actions">
                    <Button size="sm" onClick={() => setConfirm({ title: `重置${u.name}的密码`, body: '将生成一个新密码并只显示一次；对方现有的登录全部失效。', run: () => resetPasswordAction({ userId: u.id }) })}>
                      重置密码
                    </Button>
                    {u.signInLockedUntil ? (
                      <Button size="sm" pending={pending} onClick={() => run(() => unlockSignInAction({ userId: u.id }))}>解除登录限制</Button>
                    ) : null}
                    {u.id === selfId ? null : u.active ? (
                      <Button size="sm" variant="danger" onClick={() => setConfirm({ title: `停用${u.name}`, body: '对方将立即无法登录和操作，内容和记录全部保留，可随时重新启用。', run: () => deactivateUserAction({ userId: u.id }) })}>
                        停用
                      </Button>
                    ) : (
                      <Button size="sm" onClick={() => run(() => reactivateUserAction({ userId: u.id }))}>启用</Button>
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Dialog
        open={confirm !== null}
        title={confirm?.title ?? ''}
        onClose={() => setConfirm(null)}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>取消</Button>
            <Button variant="primary" pending={pending} onClick={() => confirm && run(confirm.run)}>确认</Button>
          </>
        }
      >
        <p>{confirm?.body}</p>
      </Dialog>
    </div>
  );
}
