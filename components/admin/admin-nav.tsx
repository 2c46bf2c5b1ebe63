'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
  /** A count beside the label (the 待办), with what it counts said in words for screen readers. */
  badge?: { text: string; description: string };
}

/** The admin's main navigation; the current section is marked for sight and for screen readers. */
export function AdminNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = (href: string) => (href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <ul>
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
            {item.label}
            {item.badge ? (
              <>
                {' '}
                <span className="a-badge badge-in_review" aria-hidden="true">
                  {item.badge.text}
                </span>
                <span className="sr-only">（{item.badge.description}）</span>
              </>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
