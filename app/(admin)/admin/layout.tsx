import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getDb } from '@/db';
import { AdminNav, type NavItem } from '@/components/admin/admin-nav';
import { todoBadge } from '@/components/admin/todo/todo-badge';
import { SignOutButton } from '@/components/admin/sign-out-button';
import { requirePageActor } from '@/lib/admin/session';
import { ROLE_LABELS } from '@/lib/content/model';
import { todoCounts } from '@/lib/services/todo';
import { can } from '@/lib/workflow';
import './admin.css';

export const metadata: Metadata = { title: { default: '编辑后台', template: '%s · 编辑后台' }, robots: { index: false } };

// Every admin page is per-user and must never be cached or prerendered.
export const dynamic = 'force-dynamic';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // The session check for the whole area; every page and action checks again for itself.
  const actor = await requirePageActor();
  const items: NavItem[] = [
    { href: '/admin', label: '工作台' },
    { href: '/admin/todo', label: '待办', badge: todoBadge(await todoCounts(await getDb(), actor)) },
    { href: '/admin/cases', label: '案例' },
    { href: '/admin/issues', label: '期刊' },
    ...(can(actor.role, 'case.create') ? [{ href: '/admin/import', label: '导入' }] : []),
    { href: '/admin/audit', label: '操作日志' },
    ...(can(actor.role, 'account.manage') ? [{ href: '/admin/accounts', label: '账号管理' }] : []),
    ...(can(actor.role, 'settings.manage') ? [{ href: '/admin/settings', label: '设置' }] : []),
  ];
  return (
    <div className="admin">
      <a className="skip-link" href="#admin-main">
        跳到正文
      </a>
      {/* The nav's background runs the full height of the page; its inner column stays in view while scrolling. */}
      <nav className="admin-nav" aria-label="后台导航">
        <div className="admin-nav-inner">
          <div className="admin-brand">案例期刊 · 后台</div>
          <AdminNav items={items} />
          <div className="admin-user">
            <div>
              <Link href="/admin/account" title="我的账号：修改密码和通知设置">
                {actor.name}
              </Link>
            </div>
            <div className="role">{ROLE_LABELS[actor.role]}</div>
            <SignOutButton />
          </div>
        </div>
      </nav>
      <main id="admin-main" className="admin-main">
        {children}
      </main>
    </div>
  );
}
