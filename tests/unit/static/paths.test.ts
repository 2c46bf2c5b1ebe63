import { describe, expect, it } from 'vitest';
import { fileCandidates, fileForUrl, internalPath } from '@/lib/static/paths';

// One mapping between public URLs and snapshot files, used to write the release and to find files
// in it again (nginx's try_files, the link checker, the tests' static server).

describe('fileForUrl', () => {
  it.each([
    ['/', 'index.html'],
    ['/issues', 'issues/index.html'],
    ['/issues/3', 'issues/3/index.html'],
    ['/cases/12', 'cases/12/index.html'],
    ['/regions/440000', 'regions/440000/index.html'],
    ['/search', 'search/index.html'],
    ['/feed.xml', 'feed.xml'],
    ['/sitemap.xml', 'sitemap.xml'],
    ['/robots.txt', 'robots.txt'],
    ['/favicon.svg', 'favicon.svg'],
    ['/_next/static/chunks/17rifjmrldhpc.css', '_next/static/chunks/17rifjmrldhpc.css'],
    ['/api/public/issues', 'api/public/issues.json'],
    ['/api/public/issues/3', 'api/public/issues/3.json'],
    ['/api/public/cases/12', 'api/public/cases/12.json'],
  ])('%s → %s', (url, file) => {
    expect(fileForUrl(url)).toBe(file);
  });

  it.each(['/../etc/passwd', '/issues/%2e%2e/x', '/a/%2F/b', '//evil.example/x', 'issues/3', '/a\\b', '/a/%00'])('refuses %s, which could leave the release', (url) => {
    expect(() => fileForUrl(url)).toThrow();
    expect(fileCandidates(url)).toEqual([]);
  });

  it('finds every written file again in try_files order', () => {
    for (const url of ['/', '/issues/3', '/feed.xml', '/api/public/issues', '/api/public/cases/12', '/_next/static/chunks/a.css']) {
      expect(fileCandidates(url)).toContain(fileForUrl(url));
    }
    expect(fileCandidates('/issues/3/')).toEqual(['issues/3', 'issues/3/index.html', 'issues/3.json']);
  });
});

describe('internalPath', () => {
  const site = 'https://cases.example.gov.cn';
  it.each([
    ['/issues/1', '/issues/1'],
    ['/search?q=教育&issue=1', '/search'],
    ['/themes#%E4%B9%89%E5%8A%A1%E6%95%99%E8%82%B2', '/themes'],
    ['https://cases.example.gov.cn/cases/1', '/cases/1'],
    ['https://cases.example.gov.cn', '/'],
    ['chart.png', '/cases/chart.png'],
  ])('%s is the site path %s', (href, path) => {
    expect(internalPath(href, site, '/cases/1')).toBe(path);
  });

  it.each(['https://www.gov.cn/', '//cdn.example/x.css', 'mailto:editor@example.gov.cn', 'data:image/png;base64,AAAA', 'https://cases.example.gov.cn.evil.example/x'])('%s is not on the site', (href) => {
    expect(internalPath(href, site)).toBeNull();
  });
});
