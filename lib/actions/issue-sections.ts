'use server';
import { adminAction } from '@/lib/admin/action';
import { assignCaseSection, createIssueSection, deleteIssueSection, renameIssueSection, reorderIssueSections } from '@/lib/services/issue-sections';
import { assignSectionSchema, createSectionSchema, renameSectionSchema, reorderSectionsSchema, sectionRefSchema } from '@/lib/validations/issue';
import { caseLabel } from '@/lib/content/numerals';
import { revalidateAdmin } from './revalidate';

// 栏目 of an issue. The public site changes only when the issue is published (again).

export const createSectionAction = adminAction(createSectionSchema, {
  run: createIssueSection,
  reply: (r) => ({ message: `已添加栏目“${r.sections.at(-1)?.title ?? ''}”。` }),
  revalidate: revalidateAdmin,
});

export const renameSectionAction = adminAction(renameSectionSchema, {
  run: renameIssueSection,
  reply: () => ({ message: '栏目名称已保存。' }),
  revalidate: revalidateAdmin,
});

export const reorderSectionsAction = adminAction(reorderSectionsSchema, {
  run: reorderIssueSections,
  reply: () => ({ message: '栏目顺序已保存，案例已按新顺序重新编号。' }),
  revalidate: revalidateAdmin,
});

export const deleteSectionAction = adminAction(sectionRefSchema, {
  run: deleteIssueSection,
  reply: () => ({ message: '栏目已删除，其中的案例移到“未归入栏目”。' }),
  revalidate: revalidateAdmin,
});

export const assignSectionAction = adminAction(assignSectionSchema, {
  run: assignCaseSection,
  reply: (r) => ({ message: `已调整栏目，该案例现为${caseLabel(r.position)}。` }),
  revalidate: revalidateAdmin,
});
