// The markers of the public leak states (./leak-states.ts), one word per state found nowhere else.
// Kept apart from the services that make the states, and importing nothing, so that the Playwright
// specs can use them too (they cannot load server-only modules).

/** The cases of the published issue: each has a public page and is found by the public search. */
export const PUBLISHED_CASES = ['mkpubone', 'mkpubtwo', 'mkpubthree'];

/** What readers must see: those cases, the issue's theme and foreword, a published 更正说明. */
export const PUBLISHED = [...PUBLISHED_CASES, 'mkpubissue', 'mkpubnote'];

/** The 更正说明 published with the correction of mkpubone. */
export const PUBLISHED_NOTE = '更正说明 mkpubnote：补充了导语。';

/** Cases that never reached readers, or left them with their issue: no page, no API document. */
export const UNPUBLISHED_CASES = ['mkdraft', 'mkreview', 'mkchanges', 'mkapproved', 'mkloose', 'mkwithdrawn', 'mkscheduled'];

/** Issue numbers with nothing public: the draft issue, the withdrawn one's old and new numbers, the scheduled one. */
export const UNPUBLISHED_ISSUE_NUMBERS = [2, 3, 4, 8];

/** What readers must never see, anywhere. */
export const UNPUBLISHED = [
  'mkdraft',
  'mkreview',
  'mkchanges',
  'mkapproved',
  'mkloose',
  'mkissuedraft',
  'mkwithdrawn',
  'mkscheduled',
  'mknewrevision',
  'mkapprovedrevision',
  'mkissueedit',
  // 更正说明 that must never reach readers: refused (bad note, or a revision not approved) and withdrawn.
  'mknoterefused',
  'mknotedraft',
  'mknotewithdrawn',
];
