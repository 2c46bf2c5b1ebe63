import 'server-only';
import { revalidatePath } from 'next/cache';

// Which admin pages show what an action changed, named once for every action in this folder.

/** Every page under /admin: lists, dashboard counts, and the pages of the issues and cases touched. */
export function revalidateAdmin(): void {
  revalidatePath('/admin', 'layout');
}

/** One case's editor and review pages, the cases list and the dashboard. */
export function revalidateCase(caseId: number): void {
  revalidatePath(`/admin/cases/${caseId}`, 'layout');
  revalidatePath('/admin/cases');
  revalidatePath('/admin');
}

export function revalidateAccounts(): void {
  revalidatePath('/admin/accounts');
}
