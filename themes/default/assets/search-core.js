// The pure core of the portal's search: query parsing, reading the index
// files, exact matching, ranking and snippets. No DOM and no network: the
// caller passes functions that load files, so Node tests run this module
// against a built site on disk. The format is docs/search-format.md; the
// generator side is generator/index/ (its C++ reference lookup follows the
// same algorithm).

const SPACE = 0, WORD = 1, CHAR = 2, PUNCT = 3;

// The generator's classes (generator/index/search_tokenize.cpp): space is
// JavaScript's \s (and NUL); punctuation separates like a space.
export function charClass(cp) {
  if (cp === 0 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0x85 || cp === 0xa0 || cp === 0x1680 ||
      (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f ||
      cp === 0x205f || cp === 0x3000 || cp === 0xfeff) return SPACE;
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return WORD;
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return WORD;
  if (cp < 0x80 || (cp >= 0xa1 && cp <= 0xbf) || cp === 0xd7 || cp === 0xf7 ||
      (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205e) || (cp >= 0x3001 && cp <= 0x3003) ||
      (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301f) || cp === 0x30fb ||
      (cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe6b) || (cp >= 0xff01 && cp <= 0xff0f) ||
      (cp >= 0xff1a && cp <= 0xff20) || (cp >= 0xff3b && cp <= 0xff40) || (cp >= 0xff5b && cp <= 0xff65) ||
      (cp >= 0xffe0 && cp <= 0xffe6)) return PUNCT;
  return CHAR;
}

// Quotation marks (“ ” ‘ ’ 「 」 『 』, ASCII and full-width " and '): between
// two characters they do not end a run, on the pages as in the query
// (generator/index/search_tokenize.h), so 三公经费 finds “三公”经费.
export function isQuotationMark(cp) {
  return cp === 0x22 || cp === 0x27 || cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d ||
    (cp >= 0x300c && cp <= 0x300f) || cp === 0xff02 || cp === 0xff07;
}

// Whether the quotation marks from `i` on in the code points `cps` are
// followed by a character (so that, after a character, they join a run).
function quotesJoin(cps, i) {
  while (i < cps.length && isQuotationMark(cps[i])) i++;
  return i < cps.length && charClass(cps[i]) === CHAR;
}

export function foldWordChar(cp) {
  if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
  if (cp >= 0x41 && cp <= 0x5a) cp += 0x20;
  return cp;
}

// A query: terms separated by whitespace and punctuation, each cut into
// segments, all of which a page must match: a word (letters and digits) matches any word it
// begins; a run of other characters matches exactly where the page text
// contains it.
export function parseQuery(query) {
  const segments = [];
  let kind = SPACE, text = '';
  const flush = () => {
    if (text) segments.push({ kind: kind === WORD ? 'word' : 'run', text });
    text = '';
  };
  const cps = Array.from(String(query), (ch) => ch.codePointAt(0));
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i], ch = String.fromCodePoint(cp);
    const c = charClass(cp);
    if (kind === CHAR && isQuotationMark(cp) && quotesJoin(cps, i)) continue;
    if (c !== kind) flush();
    kind = c;
    if (c === WORD) text += String.fromCodePoint(foldWordChar(cp));
    else if (c === CHAR) text += ch;
  }
  flush();
  // The same segment twice adds nothing.
  const seen = new Set();
  return segments.filter((s) => !seen.has(s.kind + s.text) && seen.add(s.kind + s.text));
}

// Keys compare by code point (the generator sorts UTF-8 bytes, which is the
// same order); UTF-16 code units alone would misplace astral characters.
export function compareKeys(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

// The shard whose range holds `key`: the last separator <= key.
export function shardFor(separators, key) {
  let lo = 0, hi = separators.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (compareKeys(separators[mid], key) <= 0) lo = mid; else hi = mid - 1;
  }
  return lo;
}

// Every shard that may hold a key beginning with `prefix`.
export function shardsForPrefix(separators, prefix) {
  const out = [shardFor(separators, prefix)];
  for (let i = out[0] + 1; i < separators.length && separators[i].startsWith(prefix); i++) out.push(i);
  return out;
}

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

// The records of a shard whose keys begin with `prefix` (a string), in key
// order, as {length (of the key, in bytes), record (bytes)}; at most `limit`. The shard is
// scanned, not turned into a Map: a query wants one to three of its
// thousands of keys, and a Map cost two typed arrays and a string per key,
// most of a cold first query's time and garbage.
export function shardEntries(bytes, prefix, limit = Infinity) {
  const want = utf8Encoder.encode(prefix);
  const c = { i: 0 };
  const out = [];
  // match: how many leading bytes the current key shares with `want`. A key
  // is the previous key's first `shared` bytes, then `len` bytes of its own.
  let match = 0;
  for (let n = varintAt(bytes, c); n > 0; n--) {
    const shared = varintAt(bytes, c), len = varintAt(bytes, c);
    const rest = c.i;
    c.i += len;
    const size = varintAt(bytes, c);
    const record = c.i;
    c.i += size;
    if (c.i > bytes.length) throw new Error('search index: truncated file');
    // Past the previous key's mismatch the key still differs from `want` there.
    if (shared <= match) {
      let p = shared;
      while (p < want.length && p < shared + len && bytes[rest + p - shared] === want[p]) p++;
      match = p;
      // Keys are sorted: once one is greater than `want` where they differ, so is every later one.
      if (match < want.length && match < shared + len && bytes[rest + match - shared] > want[match]) break;
    }
    if (match === want.length) {
      out.push({ length: shared + len, record: bytes.subarray(record, c.i) });
      if (out.length === limit) break;
    } else if (out.length) {
      break;  // past the keys that begin with `want`
    }
  }
  return out;
}

// The record of `key` in a shard, or null.
export function shardRecord(bytes, key) {
  const first = shardEntries(bytes, key, 1)[0];  // the shortest key with this prefix comes first
  return first && first.length === utf8Encoder.encode(key).length ? first.record : null;
}

// A posting list: the pages of a token or a segment, in id order, as typed
// arrays (no object per page: a common token is on every page):
// { docs: Uint32Array ascending, weight: Float64Array, snippet: Float64Array }.
function postings(n) {
  return { docs: new Uint32Array(n), weight: new Float64Array(n), snippet: new Float64Array(n) };
}

function truncate(list, n) {
  return n === list.docs.length ? list
    : { docs: list.docs.subarray(0, n), weight: list.weight.subarray(0, n), snippet: list.snippet.subarray(0, n) };
}

export const EMPTY = postings(0);

// Reads the varint at b[i]; returns it and leaves the index after it in
// `cursor.i`. Written out flat (no method call, small integers by shifts)
// because it runs for every posting of a query, often before the JIT warms up.
function varintAt(b, cursor) {
  let i = cursor.i;
  if (i >= b.length) throw new Error('search index: truncated file');
  let byte = b[i++];
  let v = byte & 0x7f;
  if (byte & 0x80) {
    let shift = 7;
    do {
      if (i >= b.length) throw new Error('search index: truncated file');
      byte = b[i++];
      v = shift < 28 ? v | ((byte & 0x7f) << shift) : v + (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    if (v < 0) v += 2 ** 32;  // bit 31 set by the shifts
  }
  cursor.i = i;
  return v;
}

// Every varint of a record, in one pass. One tight loop is compiled by the
// JIT early; a cold first query spent most of its decoding time calling a
// varint reader once per number. Values of this format fit in 32 bits.
export function decodeVarints(bytes) {
  const out = new Uint32Array(bytes.length);
  let n = 0, v = 0, scale = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    v += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 128;
    } else {
      if (v > 0xffffffff) throw new Error('search index: number out of range');
      out[n++] = v;
      v = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new Error('search index: truncated file');
  return out.subarray(0, n);
}

function truncated() { return new Error('search index: truncated file'); }

// A document record as a posting list.
export function decodeDocs(record) {
  const v = decodeVarints(record);
  if (v.length === 0) throw truncated();
  const n = v[0];
  if (v.length < 1 + 3 * n) throw truncated();
  const out = postings(n);
  let doc = 0;
  for (let k = 0, i = 1; k < n; k++, i += 3) {
    doc += v[i];
    out.docs[k] = doc;
    out.weight[k] = v[i + 1];
    out.snippet[k] = v[i + 2];
  }
  return out;
}

// A position record, flat: page k's field group g (0 title, 1 heading,
// 2 body) is pos[bounds[3k + g] .. bounds[3k + g + 1]), ascending.
// { docs: Uint32Array, bounds: Uint32Array, pos: Uint32Array }
export function decodePositions(record) {
  const v = decodeVarints(record);
  if (v.length === 0) throw truncated();
  const n = v[0];
  const docs = new Uint32Array(n);
  const bounds = new Uint32Array(3 * n + 1);
  const pos = new Uint32Array(v.length);  // every position is one of the varints
  let doc = 0, at = 0, i = 1;
  for (let k = 0; k < n; k++) {
    if (i + 2 > v.length) throw truncated();
    doc += v[i++];
    docs[k] = doc;
    const head = v[i++];
    const total = Math.floor(head / 4);
    const title = head & 1 ? v[i++] : 0;
    const heading = head & 2 ? v[i++] : 0;
    if (title + heading > total || at + total > pos.length) throw new Error('search index: bad position record');
    if (i + total > v.length) throw truncated();
    bounds[3 * k] = at;
    bounds[3 * k + 1] = at + title;
    bounds[3 * k + 2] = at + title + heading;
    // Each group is delta-coded from 0.
    for (let g = 0; g < 3; g++) {
      let p = 0;
      for (const end = bounds[3 * k + g] + (g === 0 ? title : g === 1 ? heading : total - title - heading); at < end; ) {
        p += v[i++];
        pos[at++] = p;
      }
    }
  }
  bounds[3 * n] = at;
  return { docs, bounds, pos: pos.subarray(0, at) };
}

// Trigram offsets that cover every character of a run of n >= 3: 0, 3, 6 …
// and n − 3. Matching each at its offset means the run itself is there.
export function coverOffsets(n) {
  const out = [];
  for (let o = 0; o + 3 <= n; o += 3) out.push(o);
  if (out[out.length - 1] !== n - 3) out.push(n - 3);
  return out;
}

function codePoints(text) { return Array.from(text); }

// Whether position x is among page k's positions (any field) of a position record.
function hasPosition(rec, k, x) {
  const { bounds, pos } = rec;
  for (let g = 0; g < 3; g++) {
    let lo = bounds[3 * k + g], hi = bounds[3 * k + g + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pos[mid] < x) lo = mid + 1; else hi = mid;
    }
    if (lo < bounds[3 * k + g + 1] && pos[lo] === x) return true;
  }
  return false;
}

// The first index >= from of `docs` whose value is >= doc (galloping).
function seek(docs, from, doc) {
  let step = 1, hi = from;
  while (hi < docs.length && docs[hi] < doc) { from = hi + 1; hi += step; step *= 2; }
  if (hi > docs.length) hi = docs.length;
  while (from < hi) {
    const mid = (from + hi) >> 1;
    if (docs[mid] < doc) from = mid + 1; else hi = mid;
  }
  return from;
}

// Pages in both lists or in either: weights added, the lower snippet position kept.
function union(a, b) {
  const out = postings(a.docs.length + b.docs.length);
  let i = 0, j = 0, n = 0;
  while (i < a.docs.length || j < b.docs.length) {
    if (j >= b.docs.length || (i < a.docs.length && a.docs[i] < b.docs[j])) {
      out.docs[n] = a.docs[i]; out.weight[n] = a.weight[i]; out.snippet[n++] = a.snippet[i++];
    } else if (i >= a.docs.length || b.docs[j] < a.docs[i]) {
      out.docs[n] = b.docs[j]; out.weight[n] = b.weight[j]; out.snippet[n++] = b.snippet[j++];
    } else {
      out.docs[n] = a.docs[i]; out.weight[n] = a.weight[i] + b.weight[j];
      out.snippet[n++] = Math.min(a.snippet[i++], b.snippet[j++]);
    }
  }
  return truncate(out, n);
}

// Hits {doc, score, snippet} by score, then page order. The sort is the
// typed array's own (no comparator called per pair, which cost a cold page
// tens of milliseconds for a few thousand hits): each hit is one number,
// score × scale + (scale − 1 − its index), exact while below 2^53; the index
// is in page order, so the lower page wins a tie.
function rank(list) {
  const n = list.docs.length;
  const scale = 2 ** Math.ceil(Math.log2(n + 1));
  const keys = new Float64Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const w = list.weight[i];
    if (w > top) top = w;
    keys[i] = w * scale + (scale - 1 - i);
  }
  const hits = new Array(n);
  if ((top + 1) * scale <= Number.MAX_SAFE_INTEGER) {
    keys.sort();
    for (let k = 0; k < n; k++) {
      const i = scale - 1 - (keys[n - 1 - k] % scale);
      hits[k] = { doc: list.docs[i], score: list.weight[i], snippet: list.snippet[i] };
    }
  } else {
    const index = Array.from({ length: n }, (_, i) => i);
    index.sort((a, b) => list.weight[b] - list.weight[a] || a - b);
    for (let k = 0; k < n; k++) {
      const i = index[k];
      hits[k] = { doc: list.docs[i], score: list.weight[i], snippet: list.snippet[i] };
    }
  }
  return hits;
}

// Unit offsets of each character of a run (UTF-16).
function unitOffsets(chars) {
  const out = [];
  let u = 0;
  for (const c of chars) { out.push(u); u += c.length; }
  return out;
}

export class Searcher {
  // load(path) -> Promise<Uint8Array>, paths relative to the index folder
  // (search/). manifest: the parsed manifest.json. Everything read stays in
  // memory for the searcher's life (shards, decoded records, document
  // blocks, facts and snippet windows), so a query asked again, or one sharing tokens with an earlier
  // one, reads nothing twice.
  //
  // request(path, ranges) -> Promise<{status, type, range, bytes}> asks for
  // byte ranges [start, end) of a file with one Range header (rangeHeader):
  // type and range are the response's Content-Type and Content-Range, bytes
  // its body when the status is 206 (a 200, the whole file, is not read).
  // Without it, results come without snippets.
  constructor(manifest, load, request = null) {
    if (manifest.format !== 'gongkai-search' || manifest.version !== 3) throw new Error('search index: unknown format');
    this.m = manifest;
    this.load = load;
    this.request = request;
    this.shards = new Map();
    this.json = new Map();
    this.records = new Map();
    this.pagesIdx = null;
    this.facts = new Map();    // doc -> [path, title, department, year_label]
    this.windows = new Map();  // `${doc}:${start}:${end}` -> text of the window
    // How the server answers Range, learnt for the page's life: 'multi' (a
    // request per pack), 'single' (a request per range), 'none' (facts from
    // docs/<n>.json, no snippets).
    this.rangeMode = request ? 'multi' : 'none';
  }

  url(path) { return path + '?v=' + this.m.v; }

  shard(kind, i) {
    const path = `${kind}/${i}.bin`;
    if (!this.shards.has(path)) {
      const p = this.load(this.url(path));
      p.catch(() => this.shards.delete(path));  // a failed download is tried again by the next query
      this.shards.set(path, p);
    }
    return this.shards.get(path);
  }

  loadJson(path) {
    if (!this.json.has(path)) {
      const p = this.load(this.url(path)).then((b) => JSON.parse(utf8.decode(b)));
      p.catch(() => this.json.delete(path));
      this.json.set(path, p);
    }
    return this.json.get(path);
  }

  // Decoded records, kept: a query typed again costs no decoding.
  record(kind, key) {
    const id = kind + key;
    if (!this.records.has(id)) {
      const separators = kind === 'd' ? this.m.d : this.m.p;
      const p = this.shard(kind, shardFor(separators, key)).then((shard) => {
        const rec = shardRecord(shard, key);
        if (!rec) return kind === 'd' ? EMPTY : decodePositions(new Uint8Array([0]));
        return kind === 'd' ? decodeDocs(rec) : decodePositions(rec);
      });
      p.catch(() => this.records.delete(id));
      this.records.set(id, p);
    }
    return this.records.get(id);
  }

  docRecord(key) { return this.record('d', key); }
  positionRecord(key) { return this.record('p', key); }

  // The posting list of one segment.
  async matchSegment(seg) {
    const w = this.m.weights;
    if (seg.kind === 'word') {
      let out = EMPTY;
      const shards = await Promise.all(shardsForPrefix(this.m.d, seg.text).map((i) => this.shard('d', i)));
      for (const shard of shards) {
        for (const { record } of shardEntries(shard, seg.text)) out = union(out, decodeDocs(record));
      }
      return out;
    }
    const chars = codePoints(seg.text);
    // One or two characters: their document record says it all.
    if (chars.length <= 2) return this.docRecord(seg.text);
    const offsets = coverOffsets(chars.length);
    const keys = offsets.map((o) => chars[o] + chars[o + 1] + chars[o + 2]);
    const lists = await Promise.all(keys.map((k) => this.positionRecord(k)));
    const units = offsets.map((o) => unitOffsets(chars)[o]);
    const fieldWeight = [w.title, w.heading, w.body];
    const first = lists[0];
    const out = postings(first.docs.length);
    const at = lists.map(() => 0);  // per list, the index of the current page
    let n = 0;
    for (let k0 = 0; k0 < first.docs.length; k0++) {
      const doc = first.docs[k0];
      let all = true;
      for (let l = 1; l < lists.length && all; l++) {
        at[l] = seek(lists[l].docs, at[l], doc);
        all = at[l] < lists[l].docs.length && lists[l].docs[at[l]] === doc;
      }
      if (!all) continue;
      let weight = 0, snippet = -1, best = -1;
      for (let g = 0; g < 3; g++) {
        for (let i = first.bounds[3 * k0 + g]; i < first.bounds[3 * k0 + g + 1]; i++) {
          const p = first.pos[i];
          let ok = true;
          for (let l = 1; l < lists.length && ok; l++) ok = hasPosition(lists[l], at[l], p + units[l]);
          if (!ok) continue;
          weight += fieldWeight[g];
          // The first match in the body, else in a heading, else in the title.
          if (g > best) { best = g; snippet = p; }
        }
      }
      if (weight > 0) {
        out.docs[n] = doc; out.weight[n] = weight; out.snippet[n++] = snippet;
      }
    }
    return truncate(out, n);
  }

  // { total, hits: [{doc, score, snippet}], segments } ranked by score, then page order.
  async search(query, filters = {}) {
    const segments = parseQuery(query);
    if (segments.length === 0) return { total: 0, hits: [], segments };
    const facets = filters.year || filters.department ? this.loadJson('facets.json') : null;
    const matches = await Promise.all(segments.map((s) => this.matchSegment(s)));
    // The snippet shows the longest segment, the most telling one.
    let longest = 0;
    segments.forEach((s, k) => { if (s.text.length > segments[longest].text.length) longest = k; });
    const f = facets ? await facets : null;
    const y = filters.year && f ? f.years.indexOf(String(filters.year)) : -2;
    const d = filters.department && f ? f.departments.indexOf(filters.department) : -2;
    // One segment, no filter (most queries): its list is the result.
    if (matches.length === 1 && !f) return { total: matches[0].docs.length, hits: rank(matches[0]), segments };
    // Pages in every segment's list: walk the shortest, seek in the others.
    const order = matches.map((m, k) => k).sort((a, b) => matches[a].docs.length - matches[b].docs.length);
    const base = matches[order[0]];
    const at = matches.map(() => 0);
    const found = postings(base.docs.length);
    let n = 0;
    for (let i = 0; i < base.docs.length; i++) {
      const doc = base.docs[i];
      if (f && ((y !== -2 && f.doc_year[doc] !== y) || (d !== -2 && f.doc_department[doc] !== d))) continue;
      let score = 0, all = true;
      for (let k = 0; k < matches.length && all; k++) {
        const m = matches[k];
        at[k] = seek(m.docs, at[k], doc);
        all = at[k] < m.docs.length && m.docs[at[k]] === doc;
        if (all) score += m.weight[at[k]];
      }
      if (!all) continue;
      found.docs[n] = doc; found.weight[n] = score; found.snippet[n++] = matches[longest].snippet[at[longest]];
    }
    return { total: n, hits: rank(truncate(found, n)), segments };
  }

  // pages.idx, parsed (parsePagesIndex); read once.
  pagesIndex() {
    if (!this.pagesIdx) {
      this.pagesIdx = this.load(this.url('pages.idx')).then((b) => {
        const pages = parsePagesIndex(b, this.m.pack_docs);
        if (pages.count !== this.m.docs) throw new Error('search index: pages.idx does not match the manifest');
        return pages;
      });
      this.pagesIdx.catch(() => { this.pagesIdx = null; });
    }
    return this.pagesIdx;
  }

  // {path, title, department, yearLabel} of a document, from its docs/<n>.json block.
  async document(doc) {
    const block = Math.floor(doc / this.m.doc_block);
    const rows = await this.loadJson(`docs/${block}.json`);
    return factsOf(rows[doc - block * this.m.doc_block]);
  }

  // What a page of results shows: per hit {doc, path, title, department,
  // yearLabel, window}, window being {text, start, end, total} (units
  // [start, end) of the page's text, total its length) or null when the
  // snippet could not be read. Facts and snippet windows come from the
  // packs, one request per pack touched, all at once, and are kept for the
  // page's life; facts that could not be read come from docs/<n>.json.
  async results(hits) {
    const pages = await this.pagesIndex();
    const wanted = new Map();  // key -> {doc, kind: 'facts' | 'text', pack, start, end}
    const plans = hits.map((hit) => {
      const r = pageRanges(pages, hit.doc, hit.snippet);
      const key = `${hit.doc}:${r.window.start}:${r.window.end}`;
      if (!this.facts.has(hit.doc)) {
        wanted.set(hit.doc, { key: hit.doc, doc: hit.doc, kind: 'facts', pack: r.pack, start: r.facts[0], end: r.facts[1] });
      }
      if (r.window.end === r.window.start) this.windows.set(key, '');
      else if (!this.windows.has(key)) wanted.set(key, { key, doc: hit.doc, kind: 'text', pack: r.pack, start: r.text[0], end: r.text[1] });
      return { hit, key, window: r.window };
    });
    if (wanted.size && this.rangeMode !== 'none') {
      const packs = new Map();
      for (const w of wanted.values()) {
        if (!packs.has(w.pack)) packs.set(w.pack, []);
        packs.get(w.pack).push(w);
      }
      await Promise.all([...packs].map(([k, items]) => this.readPack(k, items)));
    }
    return Promise.all(plans.map(async ({ hit, key, window }) => {
      const facts = this.facts.has(hit.doc) ? factsOf(this.facts.get(hit.doc)) : await this.document(hit.doc);
      const text = this.windows.get(key);
      return { doc: hit.doc, ...facts, window: text === undefined ? null : { text, ...window } };
    }));
  }

  // Keeps what `parts` hold of `items`; returns the items they do not hold.
  keep(items, parts) {
    const missing = [];
    for (const w of items) {
      const bytes = bytesFromParts(parts, w.start, w.end);
      if (!bytes) {
        missing.push(w);
      } else if (w.kind === 'text') {
        // A window may cut a surrogate pair: the lone halves are dropped.
        this.windows.set(w.key, decodeUtf16(bytes).replace(/^[\udc00-\udfff]/, '').replace(/[\ud800-\udbff]$/, ''));
      } else {
        try {
          const row = JSON.parse(utf8.decode(bytes));
          if (Array.isArray(row) && row.length === 4) this.facts.set(w.doc, row);
        } catch {
          // Not a row: the document block gives the facts.
        }
      }
    }
    return missing;
  }

  // Reads items of pack k: one request with all their ranges while the
  // server answers multi-range requests, then the ranges it left out, one
  // request each. A server that sends the whole file instead (200) is not
  // read: from then on the page asks one range per request, and, when the
  // server ignores Range altogether, goes without (facts from the document
  // blocks, no snippets).
  async readPack(k, items) {
    const path = this.url(packPath(k));
    if (this.rangeMode !== 'multi') return this.readSingly(path, items);
    // A part costs about 80 bytes of headers: ranges closer than that go as one.
    const ranges = mergeRanges(items.map((w) => [w.start, w.end]), 80);
    let response;
    try {
      response = await this.request(path, ranges);
    } catch {
      return;  // a network error: the facts come from the document blocks, if they can
    }
    if (response.status === 200) {
      if (ranges.length === 1) this.rangeMode = 'none';
      else if (this.rangeMode === 'multi') this.rangeMode = 'single';
      return this.readSingly(path, items);
    }
    if (response.status !== 206) return;  // 416, an error: without snippets
    const missing = this.keep(items, responseParts(response));
    if (!missing.length) return;
    // A server that leaves ranges out is asked one range at a time from now on.
    if (this.rangeMode === 'multi') this.rangeMode = 'single';
    return this.readSingly(path, missing, 0);
  }

  async readSingly(path, items, gap = 4096) {
    if (this.rangeMode === 'none') return;
    // A page's facts and its window are often close: one request.
    const ranges = mergeRanges(items.map((w) => [w.start, w.end]), gap);
    await Promise.all(ranges.map(async (range) => {
      let response;
      try {
        response = await this.request(path, [range]);
      } catch {
        return;
      }
      if (response.status === 200) this.rangeMode = 'none';
      if (response.status !== 206) return;
      this.keep(items.filter((w) => w.start >= range[0] && w.end <= range[1]), responseParts(response));
    }));
  }
}

function factsOf(row) {
  const [path, title, department, yearLabel] = row;
  return { path: String(path), title: String(title), department: department ? String(department) : '',
    yearLabel: yearLabel ? String(yearLabel) : '' };
}

// Pages: each page's facts and normalised text, packed (format version 3).
// pages.idx gives each page's facts_bytes and text_units, so the client
// knows where, in pages/<k>.bin, a page's facts and any window of its text
// are, and asks for the bytes a page of results needs with one multi-range
// request per pack.

// {count, packDocs, facts: Uint32Array, units: Uint32Array, start: Float64Array}:
// page d's facts are bytes [start[d], start[d] + facts[d]) of pack
// floor(d / packDocs), its text the next 2 × units[d] bytes.
export function parsePagesIndex(bytes, packDocs) {
  const v = decodeVarints(bytes);
  if (v.length === 0) throw truncated();
  const n = v[0];
  if (v.length < 1 + 2 * n) throw truncated();
  if (!(packDocs >= 1)) throw new Error('search index: bad pack_docs');
  const facts = new Uint32Array(n), units = new Uint32Array(n), start = new Float64Array(n);
  let at = 0;
  for (let d = 0; d < n; d++) {
    if (d % packDocs === 0) at = 0;
    facts[d] = v[1 + 2 * d];
    units[d] = v[2 + 2 * d];
    start[d] = at;
    at += facts[d] + 2 * units[d];
  }
  return { count: n, packDocs, facts, units, start };
}

export function packPath(k) {
  return `pages/${k}.bin`;
}

// What a result needs from its pack: its facts, and the bytes of its
// snippet window (units [start, end), clamped to the text). Byte ranges are
// [start, end) within the pack.
export function pageRanges(pages, doc, pos) {
  const units = pages.units[doc];
  const win = snippetWindow(pos);
  const start = Math.min(win.start, units), end = Math.min(win.end, units);
  const facts = pages.start[doc], text = facts + pages.facts[doc];
  return {
    pack: Math.floor(doc / pages.packDocs),
    facts: [facts, text],
    window: { start, end, total: units },
    text: [text + 2 * start, text + 2 * end],
  };
}

// Byte ranges [start, end) sorted, overlapping or adjacent ones merged (and
// those less than `gap` bytes apart), empty ones dropped.
export function mergeRanges(ranges, gap = 0) {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + gap) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

// The Range header of byte ranges [start, end).
export function rangeHeader(ranges) {
  return 'bytes=' + ranges.map(([s, e]) => `${s}-${e - 1}`).join(',');
}

// [first, last + 1) of a Content-Range header `bytes first-last/size`, or null.
export function parseContentRange(value) {
  const m = /^\s*bytes\s+(\d+)-(\d+)\s*\/\s*(\d+|\*)\s*$/i.exec(value || '');
  if (!m || Number(m[2]) < Number(m[1])) return null;
  return [Number(m[1]), Number(m[2]) + 1];
}

function indexOfBytes(hay, needle, from) {
  const first = needle[0];
  for (let i = hay.indexOf(first, from); i >= 0 && i + needle.length <= hay.length; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

// The parts of a multipart/byteranges body, [{start, end, bytes}], each
// part's length taken from its Content-Range (its bytes may hold anything,
// the boundary too). A malformed or cut part ends the list.
export function parseMultipart(body, boundary) {
  const delimiter = utf8Encoder.encode('--' + boundary);
  const parts = [];
  let i = indexOfBytes(body, delimiter, 0);
  while (i >= 0) {
    i += delimiter.length;
    if (body[i] === 0x2d && body[i + 1] === 0x2d) break;  // the closing delimiter
    // The part's headers end with an empty line.
    let end = -1;
    for (let j = i; j + 1 < body.length; j++) {
      if (body[j] === 0x0a && (body[j + 1] === 0x0a || (body[j + 1] === 0x0d && body[j + 2] === 0x0a))) {
        end = j + (body[j + 1] === 0x0a ? 2 : 3);
        break;
      }
    }
    if (end < 0) break;
    let headers = '';
    for (let j = i; j < end; j++) headers += String.fromCharCode(body[j]);
    const m = /(?:^|\n)\s*content-range\s*:([^\r\n]*)/i.exec(headers);
    const range = m && parseContentRange(m[1]);
    if (!range || end + range[1] - range[0] > body.length) break;
    parts.push({ start: range[0], end: range[1], bytes: body.subarray(end, end + range[1] - range[0]) });
    i = indexOfBytes(body, delimiter, end + range[1] - range[0]);
  }
  return parts;
}

// The byte ranges a 206 response holds, [{start, end, bytes}]: the parts of
// a multipart/byteranges body, or the one range of its Content-Range.
// response: {status, type (Content-Type), range (Content-Range), bytes}.
export function responseParts(response) {
  if (response.status !== 206 || !response.bytes) return [];
  const boundary = /^\s*multipart\/byteranges\s*;.*?boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(response.type || '');
  if (boundary) return parseMultipart(response.bytes, boundary[1] || boundary[2]);
  const range = parseContentRange(response.range);
  if (!range) return [];
  const bytes = response.bytes.subarray(0, range[1] - range[0]);
  return [{ start: range[0], end: range[0] + bytes.length, bytes }];
}

// The bytes [start, end) from the parts that hold them all, or null.
export function bytesFromParts(parts, start, end) {
  for (const p of parts) {
    if (p.start <= start && end <= p.end) return p.bytes.subarray(start - p.start, end - p.start);
  }
  return null;
}

// Decodes UTF-16LE bytes into a string.
export function decodeUtf16(bytes) {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
  return s;
}

function isWordCharAt(text, i) {
  return i >= 0 && i < text.length && charClass(text.codePointAt(i)) === WORD;
}

// `text` with words folded and the quotation marks that join a run left
// out, and where each of its UTF-16 units was in `text` (one more at the end).
function searchableText(text) {
  const cps = Array.from(text, (ch) => ch.codePointAt(0));
  let out = '', at = 0, prevChar = false;
  const from = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i], c = charClass(cp), units = cp > 0xffff ? 2 : 1;
    if (prevChar && isQuotationMark(cp) && quotesJoin(cps, i)) {
      at += units;
      continue;
    }
    const ch = String.fromCodePoint(c === WORD ? foldWordChar(cp) : cp);
    for (let u = 0; u < ch.length; u++) from.push(at + u);
    out += ch;
    at += units;
    prevChar = c === CHAR;
  }
  from.push(at);
  return { text: out, from };
}

// Where the segments occur in `text`: sorted, non-overlapping [start, end).
export function findMatches(text, segments) {
  const { text: folded, from } = searchableText(text);
  const ranges = [];
  for (const seg of segments) {
    for (let i = folded.indexOf(seg.text); i >= 0; i = folded.indexOf(seg.text, i + 1)) {
      if (seg.kind === 'word' && isWordCharAt(folded, i - 1)) continue;
      ranges.push([from[i], from[i + seg.text.length - 1] + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out = [];
  for (const r of ranges) {
    if (out.length && r[0] < out[out.length - 1][1]) out[out.length - 1][1] = Math.max(out[out.length - 1][1], r[1]);
    else out.push(r);
  }
  return out;
}

// A snippet as pieces of plain text, the matches marked: [{text, mark}].
// `text` is the window, `before`/`after` whether the page goes on.
export function buildSnippet(text, segments, before, after) {
  const pieces = [];
  let at = 0;
  for (const [s, e] of findMatches(text, segments)) {
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  if (before) pieces.unshift({ text: '…', mark: false });
  if (after) pieces.push({ text: '…', mark: false });
  return pieces;
}

// The window of text a snippet shows around position `pos`.
export function snippetWindow(pos, before = 24, length = 96) {
  const start = Math.max(0, pos - before);
  return { start, end: start + length };
}

// A multipart/byteranges body holding byte ranges [start, end) of `file`,
// as a static server sends it (the warm-up's server, and the tests').
export function multipartBody(file, ranges, boundary, type = 'application/octet-stream') {
  const chunks = [];
  for (const [s, e] of ranges) {
    chunks.push(utf8Encoder.encode(`\r\n--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${s}-${e - 1}/${file.length}\r\n\r\n`));
    chunks.push(file.subarray(s, e));
  }
  chunks.push(utf8Encoder.encode(`\r\n--${boundary}--\r\n`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

// Varints into a byte array (the warm-up's index).
function writer(size) {
  const bytes = new Uint8Array(size);
  let n = 0;
  return {
    put(v) {
      while (v >= 128) { bytes[n++] = (v & 127) | 128; v >>>= 7; }
      bytes[n++] = v;
    },
    raw(b) { bytes.set(b, n); n += b.length; },
    done: () => bytes.slice(0, n),
  };
}

// A shard from [key, record] pairs in key order.
function syntheticShard(entries) {
  const w = writer(entries.reduce((sum, [, r]) => sum + r.length + 40, 8));
  w.put(entries.length);
  let prev = new Uint8Array(0);
  for (const [key, record] of entries) {
    const k = utf8Encoder.encode(key);
    let shared = 0;
    while (shared < k.length && shared < prev.length && k[shared] === prev[shared]) shared++;
    w.put(shared); w.put(k.length - shared); w.raw(k.subarray(shared));
    w.put(record.length); w.raw(record);
    prev = k;
  }
  return w.done();
}

// A small index made in memory, in this format, with its pages: the
// warm-up searches it before the first real query. Quick to make on a cold
// page (typed arrays, no generic code): pages share their facts and text.
export function syntheticIndex(n = 300) {
  // Document records: every page; pages 0, 2, 4 …; pages 0, 3, 6 ….
  const docs = (step, weight, snippet) => {
    const w = writer(16 * n);
    w.put(Math.ceil(n / step));
    for (let doc = 0; doc < n; doc += step) { w.put(doc ? step : 0); w.put(weight(doc)); w.put(snippet); }
    return w.done();
  };
  const all = docs(1, (doc) => (doc % 5 ? 2 : 1001), 8);
  // Position records of 公务接 and 务接待 (one unit later): body positions, some in the title and a heading.
  const positions = (shift, skip) => {
    const w = writer(24 * n);
    w.put(n - (skip ? Math.ceil(n / skip) : 0));
    let prev = 0;
    for (let doc = 0; doc < n; doc++) {
      if (skip && doc % skip === 0) continue;
      const title = doc % 7 === 0, heading = !shift && doc % 4 === 0;
      w.put(doc - prev); prev = doc;
      w.put((3 + title + heading) * 4 + title + 2 * heading);
      if (title) w.put(1);
      if (heading) w.put(1);
      if (title) w.put(2 + shift);
      if (heading) w.put(6);
      w.put(20 + shift); w.put(20 + (doc % 9)); w.put(30 - (doc % 9));
    }
    return w.done();
  };
  const d = syntheticShard([['2020', all], ['budget', docs(2, () => 1, 30)], ['budgets', docs(3, () => 21, 30)], ['预', all], ['预算', all]]);
  const p = syntheticShard([['公务接', positions(0, 0)], ['务接待', positions(1, 6)]]);
  const manifest = { format: 'gongkai-search', version: 3, v: 'warm-up', docs: n, doc_block: 16, pack_docs: n,
    weights: { title: 1000, heading: 20, body: 1 }, d: [''], p: [''] };
  const text = '2020年部门预算公务接待费（支出）预算 budget 公务接待费公务接待费 Budgets 2020年预算，公务接待费较上年减少。'.repeat(2);
  const facts = utf8Encoder.encode(JSON.stringify(['departments/example/2020/index.html', '示例部门2020年部门预算', '示例部门', '2020年部门预算']));
  const page = new Uint8Array(facts.length + 2 * text.length);
  page.set(facts);
  for (let i = 0; i < text.length; i++) {
    page[facts.length + 2 * i] = text.charCodeAt(i) & 0xff;
    page[facts.length + 2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  const pack = new Uint8Array(n * page.length);
  const idx = writer(8 * n + 8);
  idx.put(n);
  for (let doc = 0; doc < n; doc++) {
    pack.set(page, doc * page.length);
    idx.put(facts.length);
    idx.put(text.length);
  }
  const files = new Map([['d/0.bin', d], ['p/0.bin', p], ['pages.idx', idx.done()], ['pages/0.bin', pack]]);
  const file = (path) => files.get(path.replace(/\?.*$/, ''));
  return {
    manifest, files,
    load: (path) => Promise.resolve(file(path)),
    // As nginx answers: one range, 206 with its Content-Range; several, 206 multipart/byteranges.
    request: (path, ranges) => {
      const bytes = file(path);
      if (ranges.length === 1) {
        const [s, e] = ranges[0];
        return Promise.resolve({ status: 206, type: 'application/octet-stream', range: `bytes ${s}-${e - 1}/${bytes.length}`, bytes: bytes.subarray(s, e) });
      }
      return Promise.resolve({ status: 206, type: 'multipart/byteranges; boundary=00000000000000000001', range: null,
        bytes: multipartBody(bytes, ranges, '00000000000000000001') });
    },
  };
}

// The warm-up: the search's code paths run a few times on the small index
// above, one query per step (the first step makes the index), so that the
// page's first real query runs compiled code, not the interpreter (a cold
// first query took 35-75 ms for 3,000-4,000 hits, a warm one 5-20). Each
// step takes a few milliseconds; the caller runs them when the page is idle.
export function warmUpSteps(rounds = 6) {
  let index = null;
  const steps = [() => { index = syntheticIndex(); return Promise.resolve(); }];
  for (let r = 0; r < rounds; r++) {
    for (const q of ['预算', '公务接待', 'budg 公务接待', '2020 预算']) {
      steps.push(async () => {
        const s = new Searcher(index.manifest, index.load, index.request);
        const { hits, segments } = await s.search(q);
        const start = (r * 40) % (hits.length - 10);
        for (const res of await s.results(hits.slice(start, start + 10))) {
          const w = res.window;
          buildSnippet(w.text, segments, w.start > 0, w.end < w.total);
        }
      });
    }
  }
  return steps;
}
