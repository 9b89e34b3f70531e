// A tiny static file server for the search tests and the benchmark: serves a
// folder on 127.0.0.1 (a free port), answers Range requests as a static
// host does, and counts the bytes it sends per path.
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

// `prefix` serves the folder under a sub-path ("/portal/"), as a host might.
export async function serve(dir, { ranges = true, prefix = '/' } = {}) {
  const sent = [];  // {path, bytes}
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(prefix)) throw new Error('outside the prefix');
      let rel = decodeURIComponent(url.pathname.slice(prefix.length - 1));
      if (rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(dir, rel));
      if (!file.startsWith(normalize(dir) + sep) && file !== normalize(dir)) throw new Error('outside');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      // As a static host does: a validator and a short max-age.
      const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Accept-Ranges': 'bytes',
        'Last-Modified': info.mtime.toUTCString(), 'Cache-Control': 'max-age=600' };
      const m = ranges && /^bytes=(\d+)-(\d*)$/.exec(req.headers.range || '');
      if (m) {
        const start = Number(m[1]);
        const end = Math.min(m[2] ? Number(m[2]) : body.length - 1, body.length - 1);
        if (start >= body.length) {
          res.writeHead(416, { 'Content-Range': `bytes */${body.length}` });
          res.end();
          return;
        }
        const part = body.subarray(start, end + 1);
        sent.push({ path: url.pathname, bytes: part.length });
        res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Length': part.length });
        res.end(part);
        return;
      }
      sent.push({ path: url.pathname, bytes: body.length });
      res.writeHead(200, { ...headers, 'Content-Length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    sent,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
