// Snippets live in snippet.mjs so that the static snapshot's browser script marks matches with the
// very same code; this module keeps the import path the app has always used.
export * from './snippet.mjs';
