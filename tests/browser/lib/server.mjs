// A static file server for a generated site on 127.0.0.1, on a free port.
// Like a plain web host: a folder address serves its index.html, an unknown
// address serves 404.html with status 404, Range requests (several ranges
// too) get a 206.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseRanges, partialContent } from "./byte_ranges.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

function resolveFile(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.resolve(root, "." + path.posix.normalize(rel));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    const stat = fs.statSync(full);
    if (stat.isFile()) return full;
    if (stat.isDirectory() && fs.statSync(path.join(full, "index.html")).isFile()) return path.join(full, "index.html");
  } catch {}
  return null;
}

// Resolves to { url, close() }; url ends with "/". Range requests are
// answered as a static host does. `extra` maps an address
// path to a file outside the site (test tools the page loads, such as axe):
// served cacheable, so Chromium compiles them once.
export function serveSite(root, extra = {}) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url, "http://localhost").pathname;
    if (Object.hasOwn(extra, urlPath)) {
      res.writeHead(200, { "content-type": TYPES[path.extname(extra[urlPath])], "cache-control": "max-age=3600" });
      fs.createReadStream(extra[urlPath]).pipe(res);
      return;
    }
    let file = resolveFile(root, urlPath);
    let status = 200;
    if (!file) {
      status = 404;
      file = resolveFile(root, "/404.html");
    }
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const size = fs.statSync(file).size;
    const ranges = status === 200 ? parseRanges(req.headers.range, size) : null;
    if (ranges && ranges.length === 0) {
      res.writeHead(416, { "content-range": `bytes */${size}`, "cache-control": "no-store" }).end();
      return;
    }
    if (ranges) {
      // As nginx does (the search page reads its packs so): one range, a
      // 206 with its Content-Range; several, a 206 multipart/byteranges.
      const fd = fs.openSync(file, "r");
      const { headers, body } = partialContent(fd, ranges, size, type, "00000000000000000001");
      fs.closeSync(fd);
      res.writeHead(206, { ...headers, "Content-Length": body.length, "Cache-Control": "no-store" }).end(body);
      return;
    }
    res.writeHead(status, { "content-type": type, "accept-ranges": "bytes", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
      });
    });
  });
}
