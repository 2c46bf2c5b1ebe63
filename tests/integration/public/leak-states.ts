// Content in every state a case, an issue or a 更正说明 can reach through the newsroom's own services,
// each state with its own marker (./leak-markers.ts). The public site is searched for leaks against
// it (./leak.test.ts), and so is the static snapshot (tests/e2e/static/leak-content.ts seeds it in
// its own process).
import type { Db } from '@/db/client';
import {
  addCase,
  correctCase,
  createIssue,
  createStaff,
  markedContent,
  publishIssue,
  refusedCorrection,
  reviseCase,
  reviseIssue,
  scheduleIssueAt,
  unpublishIssue,
} from './content';
import { PUBLISHED_NOTE } from './leak-markers';

/** Puts content in every state; returns each marked case's id by its marker. */
export async function seedLeakStates(db: Db): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  const staff = await createStaff(db);

  // Published as 第九期, then renumbered and published again: 9 stays as a redirect to 1.
  const published = await createIssue(db, staff, 9, '公开的一期 mkpubissue', '编者按 mkpubissue');
  ids.mkpubone = await addCase(db, staff, markedContent('mkpubone'), published, 'approved');
  ids.mkpubtwo = await addCase(db, staff, markedContent('mkpubtwo', { regions: ['320614'] }), published, 'approved');
  ids.mkpubthree = await addCase(db, staff, markedContent('mkpubthree'), published, 'approved');
  await publishIssue(db, staff, published);
  await reviseIssue(db, staff, published, { number: 1 });
  await publishIssue(db, staff, published);
  // A correction published with its 更正说明: the note is public with the corrected text.
  await correctCase(db, staff, ids.mkpubone, markedContent('mkpubone', { lead: '更正后补充的导语。' }), PUBLISHED_NOTE);
  // After publication, not published again: a working draft of one case, an approved new revision
  // of another, and a new theme and foreword for the issue.
  await reviseCase(db, staff, ids.mkpubtwo, markedContent('mknewrevision'));
  await reviseCase(db, staff, ids.mkpubthree, markedContent('mkapprovedrevision'), 'approved');
  // Notes for those two that are refused: a draft cannot be published, nor a note with a control
  // character or past the length limit. None of them may be kept anywhere the public can see.
  await refusedCorrection(db, staff, ids.mkpubtwo, '更正说明 mknotedraft');
  await refusedCorrection(db, staff, ids.mkpubthree, '更正说明 mknoterefused\u0007');
  await refusedCorrection(db, staff, ids.mkpubthree, `更正说明 mknoterefused ${'很长'.repeat(120)}`);
  await reviseIssue(db, staff, published, { title: '改过的主题 mkissueedit', foreword: '改过的编者按 mkissueedit' });

  const draftIssue = await createIssue(db, staff, 2, '未发布的一期 mkissuedraft', '编者按 mkissuedraft');
  ids.mkdraft = await addCase(db, staff, markedContent('mkdraft', { regions: ['440300'] }), draftIssue, 'draft');
  ids.mkreview = await addCase(db, staff, markedContent('mkreview', { regions: ['440300'] }), draftIssue, 'in_review');
  ids.mkchanges = await addCase(db, staff, markedContent('mkchanges', { regions: ['440300'] }), draftIssue, 'changes_requested');
  ids.mkapproved = await addCase(db, staff, markedContent('mkapproved', { regions: ['440300'] }), draftIssue, 'approved');
  ids.mkloose = await addCase(db, staff, markedContent('mkloose', { regions: ['440300'] }), null, 'approved');

  // Published as 第八期, renumbered to 第三期 and published again, then withdrawn: the old number's
  // redirect still exists but leads to nothing public.
  const withdrawn = await createIssue(db, staff, 8, '撤回的一期 mkwithdrawn');
  ids.mkwithdrawn = await addCase(db, staff, markedContent('mkwithdrawn', { regions: ['440300'] }), withdrawn, 'approved');
  await publishIssue(db, staff, withdrawn);
  // Its correction was public while it was; withdrawn with the issue, it must go with it.
  await correctCase(db, staff, ids.mkwithdrawn, markedContent('mkwithdrawn', { regions: ['440300'], lead: '更正后的导语。' }), '更正说明 mknotewithdrawn');
  await reviseIssue(db, staff, withdrawn, { number: 3 });
  await publishIssue(db, staff, withdrawn);
  await unpublishIssue(db, staff, withdrawn);

  const scheduled = await createIssue(db, staff, 4, '定时发布的一期 mkscheduled');
  ids.mkscheduled = await addCase(db, staff, markedContent('mkscheduled', { regions: ['440300'] }), scheduled, 'approved');
  await scheduleIssueAt(db, staff, scheduled, new Date(Date.now() + 24 * 3600_000));
  return ids;
}
