import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseRevisions, cases, type Case } from '@/db/schema';
import type { CaseContent } from '@/lib/content/model';
import { documentTokens, searchableText } from '@/lib/search/tokens';

/** GB/T 2260: the first two digits name the province. */
export function provinceOfCode(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

export function searchVectorOf(text: string): SQL {
  return sql`to_tsvector('simple', ${documentTokens(text)})`;
}

/** The columns of a case row that are copies of its current revision's content. */
export function denormalizedColumns(content: CaseContent) {
  return {
    title: content.title,
    regions: content.regions,
    provinces: Array.from(new Set(content.regions.map(provinceOfCode))),
    tags: content.tags,
    searchVector: searchVectorOf(searchableText(content)),
  };
}

export interface NewCaseInput {
  content: CaseContent;
  authorId: number;
  issueId?: number | null;
  position?: number | null;
  importKey?: string | null;
  note?: string;
}

/** Creates a case and its first revision. Call inside a transaction. */
export async function insertCaseWithRevision(tx: Db, input: NewCaseInput): Promise<Case> {
  const [row] = await tx
    .insert(cases)
    .values({
      issueId: input.issueId ?? null,
      position: input.position ?? null,
      createdById: input.authorId,
      updatedById: input.authorId,
      importKey: input.importKey ?? null,
      ...denormalizedColumns(input.content),
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  const revision = await appendRevision(tx, row.id, 1, input.authorId, input.content, input.note ?? '');
  const [updated] = await tx
    .update(cases)
    .set({ currentRevisionId: revision.id })
    .where(sql`${cases.id} = ${row.id}`)
    .returning();
  return updated!;
}

/** Adds a revision. contributorIds: whose unreviewed text it carries (lib/workflow/contributors.ts);
 *  left out, the text is the author's alone, as for a first revision. */
export async function appendRevision(
  tx: Db,
  caseId: number,
  number: number,
  authorId: number,
  content: CaseContent,
  note: string,
  contributorIds: readonly number[] = [authorId],
) {
  const [revision] = await tx
    .insert(caseRevisions)
    .values({ caseId, number, authorId, content, note, contributorIds: [...contributorIds] })
    .returning();
  if (!revision) throw new Error('insert returned no revision');
  return revision;
}
