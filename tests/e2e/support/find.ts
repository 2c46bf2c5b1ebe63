import { expect, type Page } from '@playwright/test';

// Pages are found the way a person finds them, by what they are called; database ids depend on
// what ran before and are never written into a test.

/** The admin address of the published (demo) case with this title, found through the case list's
 *  search; an import of the seed may add drafts of the same title, which the status filter leaves out. */
export async function adminCaseUrl(page: Page, title: string): Promise<string> {
  await page.goto(`/admin/cases?q=${encodeURIComponent(title)}&status=published`);
  const link = page.getByRole('link', { name: title, exact: true });
  await expect(link).toHaveCount(1);
  return (await link.getAttribute('href'))!;
}

/** The admin address of the issue with this label (第一期), found in the issue list. */
export async function adminIssueUrl(page: Page, label: string): Promise<string> {
  await page.goto('/admin/issues');
  const link = page.getByRole('link', { name: label, exact: true });
  await expect(link).toHaveCount(1);
  return (await link.getAttribute('href'))!;
}
