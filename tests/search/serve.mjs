// A tiny static file server for the search tests and the benchmark: serves a
// folder on 127.0.0.1 (a free port), answers Range requests (multi-range
// ones too) as a static host does, and counts the bytes it sends per path.
//
// Each request opens the file once and reads only the bytes it sends (a
// page of results asks for a few KB of a multi-MB pack), with synchronous calls: the
// files are small and in the page cache, one browser is the only client, and
// each asynchronous call is a trip through libuv's thread pool. The first
// version (stat, then read the whole file, asynchronously) answered in about
// 3 ms a request, nginx in 0.9, this one in 1.3-1.7 (bench/README.md).
import { createServer } from 'node:http';
import { openSync, fstatSync, closeSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { parseRanges, partialContent, readPart } from '../browser/lib/byte_ranges.mjs';

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

// `prefix` serves the folder under a sub-path ("/portal/"), as a host might.
// `hold(pathname)`, when given, is awaited before a request is answered
// (tests use it to check which requests a client sends without waiting).
// Range requests are answered as nginx does: one range with a 206 and its
// Content-Range, several with a 206 multipart/byteranges (in the order
// asked, not coalesced), none satisfiable with a 416. `multiRange: false`
// answers a request of several ranges with the whole file (200), as some
// hosts do; `ranges: false` ignores Range altogether. `cacheControl`: the
// Cache-Control header (a browser may answer a Range request from a whole
// file it keeps: "no-store" keeps it from doing so).
export async function serve(dir, { ranges = true, multiRange = true, prefix = '/', hold = null, cacheControl = 'max-age=600' } = {}) {
  const sent = [];  // {path, bytes, range: the Range header or null}
  let parts = 0;
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
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const headers = { 'Content-Type': type, 'Accept-Ranges': 'bytes',
        'Last-Modified': info.mtime.toUTCString(), 'Cache-Control': cacheControl };
      const header = req.headers.range || null;
      let asked = ranges ? parseRanges(header, info.size) : null;
      if (asked && asked.length > 1 && !multiRange) asked = null;
      if (asked && asked.length === 0) {
        sent.push({ path: url.pathname, bytes: 0, range: header, status: 416 });
        res.writeHead(416, { 'Content-Range': `bytes */${info.size}` });
        res.end();
        return;
      }
      let body, status = 200;
      if (!asked) {
        body = readPart(fd, 0, info.size);
      } else {
        const partial = partialContent(fd, asked, info.size, type, String(++parts).padStart(20, '0'));
        Object.assign(headers, partial.headers);
        body = partial.body;
        status = 206;
      }
      sent.push({ path: url.pathname, bytes: body.length, range: header, status });
      res.writeHead(status, { ...headers, 'Content-Length': body.length });
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
