// A tiny static file server for the search tests and the benchmark: serves a
// folder on 127.0.0.1 (a free port), answers Range requests as a static
// host does, and counts the bytes it sends per path.
//
// Each request opens the file once and reads only the bytes it sends (a
// snippet's Range is 192 bytes of a 30 KB text), with synchronous calls: the
// files are small and in the page cache, one browser is the only client, and
// each asynchronous call is a trip through libuv's thread pool. The first
// version (stat, then read the whole file, asynchronously) answered in about
// 3 ms a request, nginx in 0.9, this one in 1.3-1.7 (bench/README.md).
import { createServer } from 'node:http';
import { openSync, fstatSync, readSync, closeSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

// The file a URL path names under `dir`, or null when it is outside.
function fileFor(dir, prefix, pathname) {
  if (!pathname.startsWith(prefix)) return null;
  let rel = decodeURIComponent(pathname.slice(prefix.length - 1));
  if (rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(dir, rel));
  return file.startsWith(normalize(dir) + sep) ? file : null;
}

// [start, end] (inclusive) of a single `bytes=a-b` / `bytes=a-` range, or
// null (no range, another form: the whole file, as many hosts do).
function parseRange(header) {
  const m = /^bytes=(\d+)-(\d*)$/.exec(header || '');
  return m ? [Number(m[1]), m[2] ? Number(m[2]) : Infinity] : null;
}

function readPart(fd, start, length) {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, start + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

// `prefix` serves the folder under a sub-path ("/portal/"), as a host might.
// `hold(pathname)`, when given, is awaited before a request is answered
// (tests use it to check which requests a client sends without waiting).
export async function serve(dir, { ranges = true, prefix = '/', hold = null } = {}) {
  const sent = [];  // {path, bytes}
  const server = createServer(async (req, res) => {
    let fd = null;
    try {
      const url = new URL(req.url, 'http://localhost');
      const file = fileFor(dir, prefix, url.pathname);
      if (!file) throw new Error('outside');
      if (hold) await hold(url.pathname);
      fd = openSync(file, 'r');
      const info = fstatSync(fd);
      if (!info.isFile()) throw new Error('not a file');
      // As a static host does: a validator and a short max-age.
      const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Accept-Ranges': 'bytes',
        'Last-Modified': info.mtime.toUTCString(), 'Cache-Control': 'max-age=600' };
      const range = ranges ? parseRange(req.headers.range) : null;
      if (range && range[0] >= info.size) {
        res.writeHead(416, { 'Content-Range': `bytes */${info.size}` });
        res.end();
        return;
      }
      const [start, end] = range ? [range[0], Math.min(range[1], info.size - 1)] : [0, info.size - 1];
      const body = readPart(fd, start, end - start + 1);
      sent.push({ path: url.pathname, bytes: body.length });
      if (range) headers['Content-Range'] = `bytes ${start}-${start + body.length - 1}/${info.size}`;
      res.writeHead(range ? 206 : 200, { ...headers, 'Content-Length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    } finally {
      if (fd !== null) closeSync(fd);
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
