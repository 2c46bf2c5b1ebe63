// The search tokenizer lives in tokens.mjs so that the static snapshot's browser script runs the
// very same code; this module keeps the import path the app has always used.
export * from './tokens.mjs';
