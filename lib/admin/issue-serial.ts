import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { publishedIssues, type Issue } from '@/db/schema';
import { PROVISIONAL_NOTE, provisionalSerial, serialLabel, type SerialNumbers } from '@/lib/content/serial';
import { readSiteSettings } from '@/lib/services/site-settings';

export interface AdminSerial {
  numbers: SerialNumbers;
  /** 2025年第3期（总第27期）, with 发布后确定 when the year and number within it are only expected. */
  label: string;
  provisional: boolean;
}

/**
 * How the admin names an issue: as published (the year and number within it are fixed by the
 * publish), or, for an issue not out yet, as it is expected to come out (lib/content/serial.ts).
 */
export async function adminIssueSerial(db: Db, issue: Pick<Issue, 'id' | 'number' | 'scheduledAt'>, now: Date = new Date()): Promise<AdminSerial> {
  const [{ issueLabelFormat: format }, [published]] = await Promise.all([
    readSiteSettings(db),
    db.select({ year: publishedIssues.year, yearNumber: publishedIssues.yearNumber, number: publishedIssues.number }).from(publishedIssues).where(eq(publishedIssues.issueId, issue.id)),
  ]);
  if (published) return { numbers: published, label: serialLabel(published, format), provisional: false };
  const others = await db.select({ year: publishedIssues.year, number: publishedIssues.number }).from(publishedIssues);
  const numbers = provisionalSerial(issue, (year) => others.filter((o) => o.year === year).map((o) => o.number), now);
  return { numbers, label: `${serialLabel(numbers, format)}${PROVISIONAL_NOTE}`, provisional: true };
}
