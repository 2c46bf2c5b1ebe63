import fs from 'node:fs';
import path from 'node:path';
import { spawnGroup } from '../load/process-group';
import { waitForOk } from './http-probe';

// nginx serving a snapshot for the benchmark: the example server block of
// lib/static/nginx.conf.template, filled in and wrapped in the smallest main configuration nginx
// needs, with its pid, logs and temporary files under one private prefix, so that it runs as an
// ordinary foreground process beside anything else on the machine.

export const NGINX_BIN = '/usr/sbin/nginx';
export const NGINX_TEMPLATE = path.join(process.cwd(), 'lib', 'static', 'nginx.conf.template');

const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/gu;

/** Replaces every {{NAME}}; a placeholder without a value is an error, never left in the config. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) missing.add(name);
    return value ?? whole;
  });
  if (missing.size > 0) throw new Error(`nginx 配置模板中有没有取值的占位符：${[...missing].map((n) => `{{${n}}}`).join('、')}`);
  return filled;
}

// The file types a snapshot holds; inline, so the config does not depend on where a distribution
// keeps mime.types.
const TYPES = [
  ['text/html', 'html'],
  ['text/css', 'css'],
  ['text/xml', 'xml'],
  ['text/plain', 'txt'],
  ['application/json', 'json'],
  ['text/javascript', 'js mjs'],
  ['application/pdf', 'pdf'],
  ['font/woff2', 'woff2'],
  ['font/woff', 'woff'],
  ['image/svg+xml', 'svg'],
  ['image/png', 'png'],
  ['image/x-icon', 'ico'],
] as const;

/** The main configuration around a filled server block, everything nginx writes kept under prefix. */
export function benchNginxConfig(serverBlock: string, prefix: string): string {
  const under = (name: string) => path.join(prefix, name);
  return [
    '# Written by npm run bench:static; the server block comes from lib/static/nginx.conf.template.',
    'worker_processes auto;',
    `pid ${under('nginx.pid')};`,
    `error_log ${under('error.log')} warn;`,
    'events { worker_connections 4096; }',
    'http {',
    `  types { ${TYPES.map(([type, ext]) => `${type} ${ext};`).join(' ')} }`,
    '  default_type application/octet-stream;',
    // Measuring the serving path: a log line per request would measure the disk.
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${under(`tmp-${kind}`)};`),
    serverBlock.replace(/^/gmu, '  '),
    '}',
    '',
  ].join('\n');
}

export interface RunningNginx {
  origin: URL;
  stop: () => Promise<void>;
}

/** Fails early, before anything is built or started, when nginx or the config template is missing. */
export function assertNginx(): void {
  if (!fs.existsSync(NGINX_BIN)) {
    throw new Error(`没有找到 ${NGINX_BIN}。请安装 Debian 的 nginx 软件包：sudo apt-get install nginx（只用到程序本身，基准测试不会启用系统服务）。`);
  }
  if (!fs.existsSync(NGINX_TEMPLATE)) throw new Error(`没有找到 nginx 配置模板 ${path.relative(process.cwd(), NGINX_TEMPLATE)}。`);
}

/** Starts nginx in the foreground on port, serving the snapshot whose root (ROOT/current, ROOT/releases) is `root`. */
export async function startNginx(options: { root: string; port: number; prefix: string }): Promise<RunningNginx> {
  assertNginx();
  fs.mkdirSync(options.prefix, { recursive: true });
  const serverBlock = fillTemplate(fs.readFileSync(NGINX_TEMPLATE, 'utf8'), { ROOT: options.root, PORT: String(options.port) });
  const conf = path.join(options.prefix, 'nginx.conf');
  fs.writeFileSync(conf, benchNginxConfig(serverBlock, options.prefix));
  const errorLog = path.join(options.prefix, 'error.log');
  const group = spawnGroup(NGINX_BIN, ['-p', options.prefix, '-c', conf, '-e', errorLog, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const origin = new URL(`http://127.0.0.1:${options.port}`);
  try {
    await waitForOk(origin, () => group.exitCode() !== null);
  } catch (error) {
    await group.stop('SIGKILL');
    const log = fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8').trim().split('\n').slice(-5).join('\n  ') : '';
    throw new Error(`nginx 没有启动（配置 ${conf}）：${error instanceof Error ? error.message : String(error)}${log ? `\n  ${log}` : ''}`);
  }
  // SIGQUIT: nginx's graceful stop, workers finish what they are sending.
  return { origin, stop: () => group.stop('SIGQUIT', 5_000) };
}
