// The files a stylesheet loads (fonts, images, imported sheets), so the snapshot carries them too.
// A linear scan for url(…) and @import "…"; comments are skipped so a commented-out rule costs nothing.

function unquote(raw: string): string {
  const value = raw.trim();
  const quote = value[0];
  return (quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2 ? value.slice(1, -1) : value;
}

/** URLs as written in the stylesheet, data: URIs and fragment-only references left out. */
export function cssUrls(css: string): string[] {
  const lower = css.toLowerCase();
  const urls: string[] = [];
  // The next occurrence of each marker is looked up again only once the scan has passed it, so
  // every character is searched a bounded number of times.
  const next = { comment: -2, url: -2, imported: -2 };
  const find = (key: keyof typeof next, needle: string, from: number) => {
    if (next[key] !== -1 && next[key] < from) next[key] = lower.indexOf(needle, from);
    return next[key];
  };
  let i = 0;
  while (i < css.length) {
    const comment = find('comment', '/*', i);
    const url = find('url', 'url(', i);
    const imported = find('imported', '@import', i);
    const found = [comment, url, imported].filter((n) => n !== -1);
    if (found.length === 0) break;
    const at = Math.min(...found);
    if (at === comment) {
      const close = css.indexOf('*/', at + 2);
      i = close === -1 ? css.length : close + 2;
    } else if (at === url) {
      const close = css.indexOf(')', at + 4);
      const stop = close === -1 ? css.length : close;
      urls.push(unquote(css.slice(at + 4, stop)));
      i = stop + 1;
    } else {
      let j = at + 7;
      while (css[j] === ' ' || css[j] === '\t' || css[j] === '\n' || css[j] === '\r') j++;
      const quote = css[j];
      if (quote === '"' || quote === "'") {
        const close = css.indexOf(quote, j + 1);
        const stop = close === -1 ? css.length : close;
        urls.push(css.slice(j + 1, stop));
        i = stop + 1;
      } else {
        i = j;
      }
    }
  }
  return urls.filter((u) => u !== '' && !u.startsWith('#') && !u.toLowerCase().startsWith('data:'));
}
