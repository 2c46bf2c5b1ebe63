import type { Metadata } from 'next';
import { getDb } from '@/db';
import { AccountsTable } from '@/components/admin/accounts/accounts-table';
import { CreateAccountForm } from '@/components/admin/accounts/create-account-form';
import { Notice } from '@/components/ui/notice';
import { requirePagePermission } from '@/lib/admin/session';
import { listUsers } from '@/lib/services/users';

export const metadata: Metadata = { title: '账号管理' };

export default async function AccountsPage() {
  const actor = await requirePagePermission('account.manage', '/admin/accounts');
  const result = await listUsers(await getDb(), actor);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>账号管理</h1>
          <p className="sub">角色变更、停用和重置密码在对方的下一次请求时生效。</p>
        </div>
      </div>
      {result.ok ? (
        <div className="review-grid">
          <AccountsTable
            users={result.users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), signInLockedUntil: u.signInLockedUntil?.toISOString() ?? null }))}
            selfId={actor.id}
          />
          <div className="panel">
            <CreateAccountForm />
          </div>
        </div>
      ) : (
        <Notice tone="error">{result.message}</Notice>
      )}
    </>
  );
}
