// The markers of the public leak test's states (./leak-states.ts), apart from the services that
// make them, so the Playwright spec can import them (it cannot load server-only modules).

export const PUBLISHED = ['mkpubone', 'mkpubtwo', 'mkpubthree', 'mkpubissue'];
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
];
