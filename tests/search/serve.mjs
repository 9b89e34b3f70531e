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

// The ranges of a `bytes=a-b,c-,-n` header as [start, end] (inclusive),
// clamped to the file, those that start past its end dropped; null when
// there is no header or it is not of this form (the whole file, as many
// hosts do).
function parseRanges(header, size) {
  const m = /^bytes=\s*(.+)$/.exec(header || '');
  if (!m) return null;
  const out = [];
  for (const spec of m[1].split(',')) {
    const r = /^\s*(\d*)-(\d*)\s*$/.exec(spec);
    if (!r || (!r[1] && !r[2])) return null;
    let start, end;
    if (!r[1]) {  // the last n bytes
      start = Math.max(0, size - Number(r[2]));
      end = size - 1;
      if (Number(r[2]) === 0) continue;
    } else {
      start = Number(r[1]);
      end = r[2] ? Number(r[2]) : Infinity;
      if (end < start) return null;
    }
    if (start < size) out.push([start, Math.min(end, size - 1)]);
  }
  return out;
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
      } else if (asked.length === 1) {
        const [start, end] = asked[0];
        body = readPart(fd, start, end - start + 1);
        headers['Content-Range'] = `bytes ${start}-${start + body.length - 1}/${info.size}`;
        status = 206;
      } else {
        const boundary = String(++parts).padStart(20, '0');
        const chunks = [];
        for (const [start, end] of asked) {
          chunks.push(Buffer.from(`\r\n--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${start}-${end}/${info.size}\r\n\r\n`));
          chunks.push(readPart(fd, start, end - start + 1));
        }
        chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
        body = Buffer.concat(chunks);
        headers['Content-Type'] = `multipart/byteranges; boundary=${boundary}`;
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
