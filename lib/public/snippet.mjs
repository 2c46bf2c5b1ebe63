// Highlighted snippets for search results, as plain/matched runs of text. Pure: no database, no React.
// Plain JavaScript so that the app (through snippet.ts) and the static snapshot's search script in
// the browser mark matches with one implementation.

/**
 * Lower case that keeps every index in place: a character whose lower case has another length
 * (İ → i̇) is left as it is, so offsets found in the folded text are offsets in the original.
 */
export function foldCase(text) {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const c of text) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

/** Splits text into runs, marking every occurrence of any term (case-insensitive, longest term first). */
export function highlight(text, terms) {
  const lower = foldCase(text);
  const usable = [...new Set(terms.map(foldCase).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const parts = [];
  let plainStart = 0;
  let i = 0;
  while (i < text.length && usable.length > 0) {
    const term = usable.find((t) => lower.startsWith(t, i));
    if (!term) {
      i++;
      continue;
    }
    if (i > plainStart) parts.push({ text: text.slice(plainStart, i), hit: false });
    parts.push({ text: text.slice(i, i + term.length), hit: true });
    i += term.length;
    plainStart = i;
  }
  if (plainStart < text.length) parts.push({ text: text.slice(plainStart), hit: false });
  return parts;
}

/** Code points, so a cut never splits a surrogate pair. */
function cut(text, from, to) {
  return Array.from(text).slice(from, to).join('');
}

/**
 * A window of about `width` characters around the first match of any term in the body, with the
 * matches marked; the opening of the body when nothing matches (the match was in the title).
 */
export function snippetOf(body, terms, width = 110) {
  const flat = body.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(flat);
  const joined = foldCase(flat);
  let firstUnit = -1;
  for (const term of terms) {
    const at = joined.indexOf(foldCase(term));
    if (at >= 0 && (firstUnit < 0 || at < firstUnit)) firstUnit = at;
  }
  // Convert the UTF-16 offset to a code-point offset.
  const firstChar = firstUnit < 0 ? 0 : Array.from(joined.slice(0, firstUnit)).length;
  const start = Math.max(0, Math.min(firstChar - Math.floor(width / 4), chars.length - width));
  const end = Math.min(chars.length, start + width);
  const window = `${start > 0 ? '…' : ''}${cut(flat, start, end)}${end < chars.length ? '…' : ''}`;
  return highlight(window, terms);
}

/** The text a result's snippet is cut from: the lead and the section bodies, not the headings. */
export function snippetSource(content) {
  return [content.lead, ...content.sections.map((s) => s.body)].filter(Boolean).join(' ');
}
