import fs from 'node:fs';
import http from 'node:http';

// The benchmark's physical reference: the same bytes as the snapshot's files, read once into
// memory and answered with no work beyond one Map lookup. Run as its own process, so that it does
// not share an event loop with the load generator:
//   node --import tsx scripts/bench/memory-server.ts PORT /path=FILE [/path=FILE …]

const [port, ...pairs] = process.argv.slice(2);
const pages = new Map<string, Buffer>();
for (const pair of pairs) {
  const eq = pair.indexOf('=');
  pages.set(pair.slice(0, eq), fs.readFileSync(pair.slice(eq + 1)));
}

http
  .createServer((req, res) => {
    const body = pages.get(req.url ?? '');
    if (!body) {
      res.writeHead(404, { 'content-length': 0 });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(body);
  })
  .listen(Number(port), '127.0.0.1');
