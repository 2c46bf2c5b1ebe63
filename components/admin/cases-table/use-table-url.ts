'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { serializeCaseTableState, updateCaseTableState, type CaseTableState } from '@/lib/admin/case-table-state';

/** Moves the table to a new state by changing the URL; the server renders the new page. */
export function useTableUrl(state: CaseTableState) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const navigate = (patch: Partial<CaseTableState>) => {
    const query = serializeCaseTableState(updateCaseTableState(state, patch));
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };
  return { navigate, pending };
}
