// Range requests as a static host answers them, for the test servers
// (tests/browser/lib/server.mjs, tests/search/serve.mjs): one range, a 206
// with its Content-Range; several, a 206 multipart/byteranges in the order
// asked, not coalesced (as nginx does).
import { readSync } from "node:fs";

// The ranges of a `bytes=a-b,c-,-n` header as [start, end] (inclusive),
// clamped to the file, those that start past its end (and `-0`) dropped;
// null when there is no header or it is not of this form (the whole file,
// as many hosts do).
export function parseRanges(header, size) {
  const m = /^bytes=\s*(.+)$/.exec(header || "");
  if (!m) return null;
  const out = [];
  for (const spec of m[1].split(",")) {
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

// `length` bytes of the open file `fd` from `start` (fewer at its end).
export function readPart(fd, start, length) {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, start + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

// The 206 answer to `ranges` (at least one, from parseRanges) of the open
// file `fd` of `size` bytes and type `type`: { headers, body }; `boundary`
// separates the parts of several.
export function partialContent(fd, ranges, size, type, boundary) {
  if (ranges.length === 1) {
    const [start, end] = ranges[0];
    const body = readPart(fd, start, end - start + 1);
    return { headers: { "Content-Type": type, "Content-Range": `bytes ${start}-${start + body.length - 1}/${size}` }, body };
  }
  const chunks = [];
  for (const [start, end] of ranges) {
    chunks.push(Buffer.from(`\r\n--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${start}-${end}/${size}\r\n\r\n`));
    chunks.push(readPart(fd, start, end - start + 1));
  }
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { headers: { "Content-Type": `multipart/byteranges; boundary=${boundary}` }, body: Buffer.concat(chunks) };
}
