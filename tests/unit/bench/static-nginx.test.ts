import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchNginxConfig, fillTemplate, NGINX_TEMPLATE } from '@/scripts/bench/nginx';

// The benchmark runs the project's example nginx server block as it is, filled in and wrapped in
// a main configuration that keeps everything nginx writes inside one private folder.

describe('filling the nginx template', () => {
  it('replaces every occurrence of each placeholder', () => {
    const block = 'server {\n  listen 127.0.0.1:{{PORT}};\n  root {{ROOT}};\n  include {{ROOT}}/_redirects.nginx.conf;\n}';
    expect(fillTemplate(block, { ROOT: '/srv/site/current', PORT: '8080' })).toBe(
      'server {\n  listen 127.0.0.1:8080;\n  root /srv/site/current;\n  include /srv/site/current/_redirects.nginx.conf;\n}',
    );
  });

  it('refuses a template with a placeholder it has no value for, naming each one, instead of writing a broken config', () => {
    expect(() => fillTemplate('listen {{PORT}}; server_name {{SERVER_NAME}}; root {{DOCROOT}};', { PORT: '80' })).toThrow(
      'nginx 配置模板中有没有取值的占位符：{{SERVER_NAME}}、{{DOCROOT}}',
    );
  });

  it('fills the project\'s own template completely with the snapshot root and the port', () => {
    const block = fillTemplate(fs.readFileSync(NGINX_TEMPLATE, 'utf8'), { ROOT: '/srv/snapshot', PORT: '8080' });
    expect(block).toMatch(/^\s*listen 8080;$/mu);
    expect(block).toMatch(/^\s*root \/srv\/snapshot\/current;$/mu);
  });

  it('leaves nginx variables and braces that are not placeholders alone', () => {
    const block = 'location / { try_files $uri $uri/index.html $uri.json =404; }';
    expect(fillTemplate(block, {})).toBe(block);
  });
});

describe('the main configuration around it', () => {
  const conf = benchNginxConfig('server {\n  listen 8080;\n}', '/tmp/bench-nginx');

  it('keeps the pid, the error log and every temporary folder under the private prefix', () => {
    expect(conf).toContain('pid /tmp/bench-nginx/nginx.pid;');
    expect(conf).toContain('error_log /tmp/bench-nginx/error.log warn;');
    for (const kind of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) expect(conf).toContain(`${kind}_temp_path /tmp/bench-nginx/tmp-${kind};`);
  });

  it('turns the access log off and nests the server block inside http', () => {
    expect(conf).toContain('access_log off;');
    expect(conf).toMatch(/http \{[\s\S]*\n {2}server \{\n {4}listen 8080;\n {2}\}\n\}\n$/u);
  });

  it('leaves daemon mode to the command line, where nginx is started in the foreground', () => {
    // `-g 'daemon off;'` and a daemon directive in the file together are a fatal duplicate.
    expect(conf).not.toMatch(/^\s*daemon\b/mu);
  });

  it('gives HTML, CSS and JSON their types without relying on a distribution mime.types file', () => {
    expect(conf).toMatch(/types \{[^}]*text\/html html;[^}]*text\/css css;[^}]*application\/json json;/u);
    expect(conf).not.toContain('mime.types');
  });
});
