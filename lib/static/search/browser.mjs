// The static snapshot's search page script (loaded as a module by search/index.html; no bundler,
// no inline script, no eval). It reads ?q=&issue=&province=&page= as the app does, fills the form,
// answers from the index under /_search/ and shows the results in the page's own markup.
import { parseSearchParams } from '../../search/query.mjs';
import { replaceAfter } from './dom.mjs';
import { createStaticSearch } from './engine.mjs';
import { failureView, loadingView, pageTitle, resultView } from './view.mjs';

function requestFromLocation() {
  const sp = new URL(window.location.href).searchParams;
  return parseSearchParams(Object.fromEntries([...new Set(sp.keys())].map((key) => [key, sp.getAll(key)])));
}

function fillForm(form, { query, filters }) {
  const set = (name, value) => {
    const field = form.elements.namedItem(name);
    if (field && 'value' in field) field.value = value;
  };
  set('q', query);
  set('issue', filters.issueNumber === null ? '' : String(filters.issueNumber));
  set('province', filters.province ?? '');
}

async function main() {
  const form = document.querySelector('form.search-form');
  if (!form) return;
  const request = requestFromLocation();
  fillForm(form, request);
  document.title = pageTitle(document.title, request.query);
  const engine = createStaticSearch((path, { fresh }) => fetch(`/${path}`, { cache: fresh ? 'no-cache' : 'default', credentials: 'same-origin' }));
  if (request.query !== '' || request.filters.issueNumber !== null || request.filters.province !== null) replaceAfter(form, loadingView());
  try {
    replaceAfter(form, resultView(await engine.search(request)));
  } catch (error) {
    replaceAfter(form, failureView());
    console.error(error);
  }
}

main().catch((error) => console.error(error));
