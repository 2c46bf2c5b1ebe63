import { describe, expect, it } from 'vitest';
import { assetUrls, injectBeforeBodyEnd, isExecutableScript, redirectPage, referencedUrls, scanTags, stripRuntime } from '@/lib/static/html';

// What the snapshot keeps of the app's HTML: everything a reader sees, without the framework's
// client runtime (its script chunks and the inline RSC flight data that doubles a page's size).

const head =
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/17rifjmrldhpc.css" data-precedence="next"/>' +
  '<link rel="preload" href="/_next/static/media/font.woff2" as="font" type="font/woff2" crossorigin=""/>';
const runtimeInHead =
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/310vm2bl3xxpt.js"/>' +
  '<script src="/_next/static/chunks/3hjps5ydht181.js" async=""></script>' +
  '<link rel="modulepreload" href="/_next/static/chunks/x.mjs"/>' +
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>';
const title = '<title>广东省深圳市将大部分义务教育学位提供给随迁子女 · 案例期刊</title><link rel="canonical" href="https://cases.example.gov.cn/cases/1"/><link rel="icon" href="/favicon.svg"/></head>';
const jsonLd = '<script type="application/ld+json">{"@type":"Article","headline":"深圳 </p> 义务教育"}</script>';
const body =
  '<body><div hidden=""><!--$--><!--/$--></div><div class="site"><main id="main"><article>' +
  jsonLd +
  '<h1>广东省深圳市将大部分义务教育学位提供给随迁子女</h1><p class="kicker"><a href="/issues/1">第一期<!-- -->：<!-- -->加快城镇基本公共服务均等化</a></p>' +
  '<!-- <script>not a script: inside a comment</script> -->' +
  '<p title="a > b">1 &lt; 2</p></article></main></div>';
const runtimeInBody =
  '<script id="_R_">requestAnimationFrame(function(){$RT=performance.now()});</script>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n<\\/script><div>not markup</div>"])</script>' +
  '<SCRIPT type="text/javascript">self.__next_f.push([1,"x"])</SCRIPT >';

describe('stripRuntime', () => {
  const page = head + runtimeInHead + title + body + runtimeInBody + '</body></html>';

  it('removes every runtime script, the flight data and script preloads, and changes nothing else', () => {
    expect(stripRuntime(page)).toBe(head + title + body + '</body></html>');
  });

  it('leaves no self.__next_f and no executable script', () => {
    const out = stripRuntime(page);
    expect(out).not.toContain('__next_f');
    expect([...scanTags(out)].filter(isExecutableScript)).toEqual([]);
  });

  it('keeps stylesheets, font preloads, JSON-LD and text that merely looks like a tag', () => {
    const out = stripRuntime(page);
    expect(out).toContain('/_next/static/chunks/17rifjmrldhpc.css');
    expect(out).toContain('as="font"');
    expect(out).toContain(jsonLd);
    expect(out).toContain('<p title="a > b">1 &lt; 2</p>');
  });

  it('returns a page without scripts unchanged', () => {
    const plain = head + title + body + '</body></html>';
    expect(stripRuntime(plain)).toBe(plain);
  });

  it('drops an unterminated script to the end rather than keeping half of it', () => {
    expect(stripRuntime('<p>a</p><script>self.__next_f.push(')).toBe('<p>a</p>');
  });
});

describe('what a page refers to', () => {
  it('lists the files a page loads, not the pages it links to', () => {
    const html = stripRuntime(head + title + body + '<img src="/chart.png" srcset="/chart@2x.png 2x, /chart@3x.png 3x"/>');
    expect(assetUrls(html)).toEqual(['/_next/static/chunks/17rifjmrldhpc.css', '/_next/static/media/font.woff2', '/favicon.svg', '/chart.png', '/chart@2x.png', '/chart@3x.png']);
  });

  it('lists every link, form target and refresh target for the link checker', () => {
    const html = '<a href="/issues/1?x=1&amp;y=2#top">1</a><form action="/search"></form><meta http-equiv="refresh" content="0; url=/issues/2"/>';
    expect(referencedUrls(html)).toEqual(['/issues/1?x=1&y=2#top', '/search', '/issues/2']);
  });
});

describe('pages the generator writes itself', () => {
  it('adds markup just before </body>', () => {
    expect(injectBeforeBodyEnd('<body><p>x</p></body></html>', '<script type="module" src="/_static/search.mjs"></script>')).toBe(
      '<body><p>x</p><script type="module" src="/_static/search.mjs"></script></body></html>',
    );
  });

  it('forwards an old address to the new one, with its canonical link', () => {
    const page = redirectPage('/issues/1', 'https://cases.example.gov.cn/issues/1');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/issues/1"/>');
    expect(page).toContain('<link rel="canonical" href="https://cases.example.gov.cn/issues/1"/>');
    expect(referencedUrls(page)).toContain('/issues/1');
  });

  it('escapes what it writes into attributes', () => {
    expect(redirectPage('/a"><script>x</script>', 'https://x/"')).not.toContain('"><script>');
  });
});
