// An issue's table of contents: cases listed under no 栏目 come first, then each 栏目 in its order
// with its cases in theirs. 典型做法之N follows this order, so it is the one order of the cases. Pure.

export interface TocCase {
  id: number;
  /** The 栏目 it is listed under, or null. */
  sectionId: number | null;
}

/** A case's group in the contents: 0 for none, else 1 + its 栏目's index. Unknown 栏目 count as none. */
function groupOf(sectionIds: readonly number[], sectionId: number | null): number {
  const at = sectionId === null ? -1 : sectionIds.indexOf(sectionId);
  return at + 1;
}

/**
 * The case ids in contents order. `cases` come in their current order, which each group keeps;
 * `last` (a case just moved into a 栏目, or just added) goes to the end of its group.
 */
export function tocOrder(sectionIds: readonly number[], cases: readonly TocCase[], last: number | null = null): number[] {
  const groups: number[][] = Array.from({ length: sectionIds.length + 1 }, () => []);
  let moved: TocCase | undefined;
  for (const c of cases) {
    if (c.id === last) moved = c;
    else groups[groupOf(sectionIds, c.sectionId)]!.push(c.id);
  }
  if (moved) groups[groupOf(sectionIds, moved.sectionId)]!.push(moved.id);
  return groups.flat();
}

/** Whether an order of the cases keeps every group together and the groups in contents order. */
export function followsToc(sectionIds: readonly number[], ordered: readonly TocCase[]): boolean {
  let previous = 0;
  for (const c of ordered) {
    const group = groupOf(sectionIds, c.sectionId);
    if (group < previous) return false;
    previous = group;
  }
  return true;
}

/** The contents as the pages show them: runs of consecutive cases under the same 栏目 title (null: none). */
export function tocGroups<T extends { sectionTitle: string | null }>(cases: readonly T[]): { title: string | null; cases: T[] }[] {
  const groups: { title: string | null; cases: T[] }[] = [];
  for (const c of cases) {
    const open = groups.at(-1);
    if (open && open.title === c.sectionTitle) open.cases.push(c);
    else groups.push({ title: c.sectionTitle, cases: [c] });
  }
  return groups;
}
