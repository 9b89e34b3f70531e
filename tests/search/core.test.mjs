// The client core's memory (themes/default/assets/search-core.js): every
// index file is read once per Searcher, and a failed read is not kept, so the
// next query tries it again. Runs against the built demo portal's index.
// Usage: SITE=<built demo portal> node --test core.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { core, openIndex, readDocuments } from './site_index.mjs';

const site = process.env.SITE;

test('a Searcher reads each index file once', { skip: !site && 'SITE not set' }, async () => {
  const { searcher, read } = await openIndex(site);
  const first = await searcher.search('人员经费 2020');
  const count = read.length;
  assert.ok(count > 0);
  const again = await searcher.search('人员经费 2020');
  assert.deepEqual(again.hits, first.hits);
  assert.equal(read.length, count, 'nothing read again');
  await searcher.search('人员经');  // shares its trigram with the first query
  assert.equal(read.length, count);
});

test('a failed read is tried again by the next query', { skip: !site && 'SITE not set' }, async () => {
  const { searcher: good, manifest } = await openIndex(site);
  let fail = true;
  const searcher = new core.Searcher(manifest, (path) => {
    if (fail) return Promise.reject(new Error('offline'));
    return good.load(path);
  });
  await assert.rejects(searcher.search('三公经费'), /offline/);
  fail = false;
  const result = await searcher.search('三公经费');
  assert.deepEqual(result.hits, (await good.search('三公经费')).hits);
  assert.ok(result.total > 0);
});

test('position records decode to flat arrays, each field group ascending', { skip: !site && 'SITE not set' }, async () => {
  // 经费 is on many pages, so its trigram 三公经 has several pages and fields.
  const { searcher } = await openIndex(site);
  const rec = await searcher.positionRecord('三公经');
  assert.ok(rec.docs.length > 1);
  assert.equal(rec.bounds.length, 3 * rec.docs.length + 1);
  for (let k = 0; k < rec.docs.length; k++) {
    if (k) assert.ok(rec.docs[k] > rec.docs[k - 1]);
    for (let g = 0; g < 3; g++) {
      for (let i = rec.bounds[3 * k + g] + 1; i < rec.bounds[3 * k + g + 1]; i++) assert.ok(rec.pos[i] > rec.pos[i - 1]);
    }
  }
  assert.equal(rec.bounds[3 * rec.docs.length], rec.pos.length);
  // A key no shard holds: no pages.
  assert.equal((await searcher.positionRecord('\u{10FFFF}\u{10FFFF}\u{10FFFF}')).docs.length, 0);
});

// Every key of a shard and its record, decoded the plain way.
function naiveShard(bytes) {
  let i = 0;
  const varint = () => {
    let v = 0, scale = 1, b;
    do { b = bytes[i++]; v += (b & 0x7f) * scale; scale *= 128; } while (b & 0x80);
    return v;
  };
  const out = [];
  let prev = new Uint8Array(0);
  for (let n = varint(); n > 0; n--) {
    const shared = varint(), len = varint();
    const key = new Uint8Array(shared + len);
    key.set(prev.subarray(0, shared));
    key.set(bytes.subarray(i, i + len), shared);
    i += len;
    const size = varint();
    out.push({ key: new TextDecoder().decode(key), record: [...bytes.subarray(i, i + size)] });
    i += size;
    prev = key;
  }
  return out;
}

test('a shard scanned for a key or a prefix gives what decoding it all gives', { skip: !site && 'SITE not set' }, async () => {
  const { searcher, manifest } = await openIndex(site);
  for (const [kind, separators] of [['d', manifest.d], ['p', manifest.p]]) {
    for (let s = 0; s < separators.length; s++) {
      const bytes = await searcher.shard(kind, s);
      const all = naiveShard(bytes);
      for (const { key, record } of all) assert.deepEqual([...core.shardRecord(bytes, key)], record, `${kind}/${s} ${key}`);
      // Prefixes: each key's first character, and a key cut by one byte's worth of text.
      const prefixes = new Set(all.flatMap(({ key }) => [Array.from(key)[0], key.slice(0, -1)].filter(Boolean)));
      for (const prefix of prefixes) {
        const want = all.filter(({ key }) => key.startsWith(prefix)).map((e) => e.record);
        const got = core.shardEntries(bytes, prefix).map((e) => [...e.record]);
        assert.deepEqual(got, want, `${kind}/${s} prefix ${prefix}`);
      }
      assert.equal(core.shardRecord(bytes, '\u{10FFFF}'), null);
    }
  }
});

test('hits come by score, then page order', { skip: !site && 'SITE not set' }, async () => {
  const { searcher } = await openIndex(site);
  for (const q of ['预算', '经费 2020', '公', '人员经费', '部门']) {
    const { hits, total } = await searcher.search(q);
    assert.ok(total > 1, q);
    assert.equal(hits.length, total);
    const sorted = [...hits].sort((a, b) => b.score - a.score || a.doc - b.doc);
    assert.deepEqual(hits, sorted, q);
    assert.ok(hits.some((h, k) => k && h.score === hits[k - 1].score), `${q}: no tie to break`);
  }
});

// ---- Pages (format 3): pages.idx, packs, and the Range requests of a page
// of results, on the warm-up's synthetic index and on the built site.

const enc = new TextEncoder();
const pushVarint = (out, v) => {
  while (v >= 128) { out.push((v % 128) | 128); v = Math.floor(v / 128); }
  out.push(v);
  return out;
};

test('pages.idx gives each page its place in its pack', () => {
  // Five pages, two per pack: facts 10, 20, 30, 5, 7 bytes; texts 3, 0, 200, 1, 2 units.
  const idx = new Uint8Array(pushVarint([], 5).concat(...[[10, 3], [20, 0], [30, 200], [5, 1], [7, 2]].map(([f, u]) => [...pushVarint([], f), ...pushVarint([], u)])));
  const pages = core.parsePagesIndex(idx, 2);
  assert.equal(pages.count, 5);
  assert.deepEqual([...pages.start], [0, 16, 0, 430, 0]);
  assert.deepEqual([...pages.facts], [10, 20, 30, 5, 7]);
  assert.deepEqual([...pages.units], [3, 0, 200, 1, 2]);
  // Page 2: pack 1, facts [0, 30), window around position 100: units [76, 172).
  assert.deepEqual(core.pageRanges(pages, 2, 100), { pack: 1, facts: [0, 30], window: { start: 76, end: 172, total: 200 }, text: [30 + 152, 30 + 344] });
  // Clamped to the text: page 0 has 3 units.
  assert.deepEqual(core.pageRanges(pages, 0, 1).window, { start: 0, end: 3, total: 3 });
  assert.deepEqual(core.pageRanges(pages, 1, 0).text, [36, 36]);
  assert.throws(() => core.parsePagesIndex(idx.subarray(0, 6), 2), /truncated/);
});

test('byte ranges are sorted and merged, and make one Range header', () => {
  assert.deepEqual(core.mergeRanges([[50, 60], [0, 10], [10, 20], [5, 8], [70, 70], [65, 66]]), [[0, 20], [50, 60], [65, 66]]);
  assert.deepEqual(core.mergeRanges([[50, 60], [0, 10], [65, 66]], 5), [[0, 10], [50, 66]]);
  assert.equal(core.rangeHeader([[0, 20], [50, 60]]), 'bytes=0-19,50-59');
  assert.deepEqual(core.parseContentRange('bytes 10-19/100'), [10, 20]);
  assert.deepEqual(core.parseContentRange('bytes 10-19/*'), [10, 20]);
  assert.equal(core.parseContentRange('bytes */100'), null);
});

test('multipart/byteranges bodies are cut by their parts\' Content-Range', () => {
  const file = new Uint8Array(300).map((_, i) => i % 256);
  // A part's bytes may hold the boundary itself.
  file.set(enc.encode('\r\n--B--\r\n'), 100);
  const body = core.multipartBody(file, [[0, 10], [95, 120], [290, 300]], 'B');
  const parts = core.responseParts({ status: 206, type: 'multipart/byteranges; boundary=B', bytes: body });
  assert.deepEqual(parts.map((p) => [p.start, p.end]), [[0, 10], [95, 120], [290, 300]]);
  for (const p of parts) assert.deepEqual([...p.bytes], [...file.subarray(p.start, p.end)]);
  assert.deepEqual([...core.bytesFromParts(parts, 100, 110)], [...file.subarray(100, 110)]);
  assert.equal(core.bytesFromParts(parts, 5, 20), null);
  // A quoted boundary, LF line ends, and no preamble CRLF.
  const lf = enc.encode('--"x"\nContent-Range: bytes 3-5/300\n\nabc\n--"x"--\n'.replace(/"x"/g, 'q y'));
  assert.deepEqual(core.responseParts({ status: 206, type: 'multipart/byteranges; boundary="q y"', bytes: lf }).map((p) => [p.start, p.end, new TextDecoder().decode(p.bytes)]), [[3, 6, 'abc']]);
  // Cut short: the parts before the cut.
  assert.deepEqual(core.responseParts({ status: 206, type: 'multipart/byteranges; boundary=B', bytes: body.subarray(0, body.length - 20) }).map((p) => p.start), [0, 95]);
  // One range: its Content-Range. Not a 206: nothing.
  assert.deepEqual(core.responseParts({ status: 206, type: 'application/octet-stream', range: 'bytes 5-9/300', bytes: file.subarray(5, 10) }).map((p) => [p.start, p.end]), [[5, 10]]);
  assert.deepEqual(core.responseParts({ status: 200, bytes: file }), []);
});

// A server for the synthetic index, answering as told, and what it was asked.
function fakeServer(index, answer) {
  const asked = [];
  return {
    asked,
    request: async (path, ranges) => {
      asked.push({ path: path.replace(/\?.*$/, ''), ranges });
      const file = index.files.get(path.replace(/\?.*$/, ''));
      return answer(file, ranges, () => index.request(path, ranges));
    },
  };
}

async function syntheticResults(answer, { queries = ['公务接待'], packDocs = 100 } = {}) {
  const index = core.syntheticIndex(400);
  // Its pages' text, with facts of their own, in packs of `packDocs` pages.
  const one = core.parsePagesIndex(index.files.get('pages.idx'), 400);
  const text = index.files.get('pages/0.bin').subarray(one.facts[0], one.facts[0] + 2 * one.units[0]);
  const rows = [], idx = pushVarint([], 400), packs = [];
  for (let d = 0; d < 400; d++) {
    rows.push([`departments/d${d}/2020/index.html`, `部门${d}2020年部门预算`, d % 3 ? `部门${d}` : '', '2020年部门预算']);
    const facts = enc.encode(JSON.stringify(rows[d]));
    pushVarint(idx, facts.length);
    pushVarint(idx, text.length / 2);
    if (d % packDocs === 0) packs.push([]);
    packs[packs.length - 1].push(...facts, ...text);
  }
  const manifest = { ...index.manifest, pack_docs: packDocs };
  const files = new Map(index.files);
  files.set('pages.idx', new Uint8Array(idx));
  packs.forEach((bytes, k) => files.set(core.packPath(k), new Uint8Array(bytes)));
  for (let b = 0; b * 16 < 400; b++) files.set(`docs/${b}.json`, enc.encode(JSON.stringify(rows.slice(16 * b, 16 * b + 16))));
  const view = { files, request: (path, ranges) => {
    const file = files.get(path.replace(/\?.*$/, ''));
    if (ranges.length === 1) return { status: 206, type: 'application/octet-stream', range: `bytes ${ranges[0][0]}-${ranges[0][1] - 1}/${file.length}`, bytes: file.subarray(...ranges[0]) };
    return { status: 206, type: 'multipart/byteranges; boundary=zz', bytes: core.multipartBody(file, ranges, 'zz') };
  } };
  const server = fakeServer(view, answer);
  const loaded = [];
  const searcher = new core.Searcher(manifest, async (p) => { loaded.push(p.replace(/\?.*$/, '')); return files.get(p.replace(/\?.*$/, '')); }, server.request);
  const out = [], marks = [];  // marks: requests made until the end of each query
  for (const q of queries) {
    const { hits } = await searcher.search(q);
    // Ten results across packs: every 31st hit.
    out.push(await searcher.results(hits.filter((h, i) => i % 31 === 0).slice(0, 10)));
    marks.push(server.asked.length);
  }
  return { out, asked: server.asked, marks, loaded, searcher, rows };
}

const expectFacts = (results, rows) => {
  for (const r of results) assert.deepEqual([r.path, r.title, r.department, r.yearLabel], rows[r.doc]);
};

test('a page of results is one multi-range request per pack touched', async () => {
  const { out, asked, loaded, rows } = await syntheticResults((file, ranges, ok) => ok());
  const packs = new Set(asked.map((a) => a.path));
  assert.equal(asked.length, packs.size, 'one request per pack');
  assert.ok(packs.size >= 3);
  assert.ok(asked.some((a) => a.ranges.length > 1));
  assert.ok(!loaded.some((p) => p.startsWith('docs/')), 'no document block read');
  assert.equal(out[0].length, 10);
  expectFacts(out[0], rows);
  for (const r of out[0]) assert.match(r.window.text, /公务接待/);
});

test('ranges a server leaves out or coalesces are asked for again, one per request', async () => {
  // Coalesced: one part from the first range's start to the last's end.
  const coalesced = await syntheticResults((file, ranges) => {
    const [s, e] = [ranges[0][0], ranges[ranges.length - 1][1]];
    return { status: 206, type: 'multipart/byteranges; boundary=c', bytes: core.multipartBody(file, [[s, e]], 'c') };
  });
  expectFacts(coalesced.out[0], coalesced.rows);
  assert.ok(coalesced.out[0].every((r) => r.window));
  assert.equal(coalesced.asked.length, new Set(coalesced.asked.map((a) => a.path)).size, 'nothing asked twice');
  // Only the first range sent back (as a single 206): the rest asked for again, singly.
  const firstOnly = await syntheticResults((file, ranges) => ({ status: 206, type: 'text/plain', range: `bytes ${ranges[0][0]}-${ranges[0][1] - 1}/${file.length}`, bytes: file.subarray(...ranges[0]) }), { queries: ['公务接待', '预算'] });
  for (const results of firstOnly.out) {
    expectFacts(results, firstOnly.rows);
    assert.ok(results.every((r) => r.window), 'every snippet read');
  }
  assert.equal(firstOnly.searcher.rangeMode, 'single', 'from then on one range per request');
  assert.ok(firstOnly.asked.filter((a) => a.ranges.length > 1).length <= new Set(firstOnly.asked.map((a) => a.path)).size);
});

test('a server that ignores multi-range, then Range, still gives results', async () => {
  // Multi-range answered with the whole file: one range per request from then on.
  const single = await syntheticResults((file, ranges, ok) => (ranges.length > 1 ? { status: 200 } : ok()), { queries: ['公务接待', '预算'] });
  assert.equal(single.searcher.rangeMode, 'single');
  for (const results of single.out) {
    expectFacts(results, single.rows);
    assert.ok(results.every((r) => r.window));
  }
  const multiAsked = single.asked.filter((a) => a.ranges.length > 1);
  assert.ok(multiAsked.length >= 1 && multiAsked.every((a) => single.asked.indexOf(a) < single.marks[0]), 'multi-range not tried again');
  // Range ignored: facts from the document blocks, no snippets, and no more Range requests.
  const none = await syntheticResults(() => ({ status: 200 }), { queries: ['公务接待', '预算'] });
  assert.equal(none.searcher.rangeMode, 'none');
  for (const results of none.out) {
    assert.equal(results.length, 10);
    expectFacts(results, none.rows);
    assert.ok(results.every((r) => r.window === null));
  }
  assert.ok(none.loaded.some((p) => p.startsWith('docs/')));
  assert.equal(none.marks[1], none.marks[0], 'no Range request after the server was found to ignore them');
});

test('a 416, a failed request or a bad part leaves a result without snippet, never without facts', async () => {
  for (const answer of [() => ({ status: 416 }), () => { throw new Error('offline'); }, () => ({ status: 500 }),
    (file, ranges) => ({ status: 206, type: 'multipart/byteranges; boundary=b', bytes: enc.encode('--b\r\nContent-Range: bytes 0-3/9\r\n\r\nnot json--b--') })]) {
    const { out, rows } = await syntheticResults(answer);
    assert.equal(out[0].length, 10);
    expectFacts(out[0], rows);
  }
});

test('results read once are not asked for again', async () => {
  const { asked } = await syntheticResults((file, ranges, ok) => ok(), { queries: ['公务接待', '公务接待'] });
  assert.equal(asked.length, new Set(asked.map((a) => a.path)).size);
});

test('results from the built site\'s packs match its document blocks and texts', { skip: !site && 'SITE not set' }, async () => {
  const { searcher, read } = await openIndex(site);
  const docs = await readDocuments(site);
  for (const q of ['人员经费', '2020', '工会', 'budget']) {
    const { hits, segments } = await searcher.search(q);
    read.length = 0;
    const results = await searcher.results(hits.slice(0, 10));
    assert.ok(!read.some((r) => r.path.startsWith('docs/')), q);
    assert.equal(read.length, new Set(read.map((r) => r.path)).size, `${q}: one request per pack`);
    for (const r of results) {
      const doc = docs[r.doc];
      assert.deepEqual([r.path, r.title, r.department, r.yearLabel], [doc.path, doc.title, doc.department, doc.yearLabel]);
      const hit = hits.find((h) => h.doc === r.doc);
      const win = core.snippetWindow(hit.snippet);
      assert.equal(r.window.text, doc.body.slice(win.start, win.end).replace(/^[\udc00-\udfff]/, '').replace(/[\ud800-\udbff]$/, ''));
      assert.equal(r.window.total, doc.body.length);
      assert.ok(core.findMatches(r.window.text, segments).length > 0, `${q}: ${r.window.text}`);
    }
  }
});

test('the warm-up runs the search and the results on its own index', async () => {
  const steps = core.warmUpSteps(1);
  assert.ok(steps.length >= 3);
  for (const step of steps) await step();
});

// The theme marks text that repeats other pages with data-search-skip
// (docs/search-format.md): a disclosure's 名词解释 section shows the site
// glossary's definitions, which are searched on the term pages only.
test('a glossary definition is page text of its term page, not of the disclosures that show it', { skip: !site && 'SITE not set' }, async () => {
  const docs = await readDocuments(site);
  // As the extractor reads it: inline elements join their text, others are boundaries.
  const normal = (html) => html.replace(/<\/?(a|abbr|b|code|em|i|mark|small|span|strong|sub|sup)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
  let checked = 0;
  for (const doc of docs.filter((d) => /^departments\/[^/]+\/\d{4}[^/]*\/index\.html$/.test(d.path))) {
    const html = await readFile(join(site, doc.path), 'utf8');
    const section = html.match(/<section id="glossary"[^>]*data-search-skip[^>]*>([\s\S]*?)<\/section>/);
    assert.ok(section, `${doc.path}: a glossary section marked data-search-skip`);
    for (const [, href, definition] of section[1].matchAll(/<dt><a href="([^"]+)">[^<]*<\/a><\/dt><dd>([\s\S]*?)<\/dd>/g)) {
      const text = normal(definition);
      const term = docs.find((d) => d.path === normalize(join(dirname(doc.path), href)));
      assert.ok(term, `${doc.path}: ${href} is indexed`);
      assert.ok(term.body.includes(text), `${term.path}: its definition is its text`);
      assert.ok(!doc.body.includes(text), `${doc.path}: the definition of ${href} is not its text`);
      checked++;
    }
  }
  assert.ok(checked > 5, `${checked} definitions checked`);
});

test('the overview and the year pages list every department, but only its own pages find it', { skip: !site && 'SITE not set' }, async () => {
  const docs = await readDocuments(site);
  const { searcher } = await openIndex(site);
  const listing = docs.filter((d) => d.path === 'index.html' || /^\d{4}[^/]*\/index\.html$/.test(d.path));
  assert.ok(listing.length >= 2, `${listing.length} overview and year pages`);
  let checked = 0;
  for (const page of listing) {
    const html = await readFile(join(site, page.path), 'utf8');
    // Each department's name in the page's table of departments …
    const table = html.match(/<div data-search-skip><div class="table-block"[\s\S]*?<\/table>/);
    assert.ok(table, `${page.path}: its table of departments is marked data-search-skip`);
    for (const [, name] of table[0].matchAll(/<th scope="row"[^>]*><a [^>]*>([^<]+)<\/a>/g)) {
      // … is not the page's text, and a search for it does not list the page.
      assert.ok(!page.body.includes(name), `${page.path}: ${name} is not its text`);
      const hits = (await searcher.search(name)).hits.map((h) => docs[h.doc].path);
      assert.ok(hits.length > 0 && !hits.includes(page.path), `${name}: ${hits.join(', ')}`);
      checked++;
    }
  }
  assert.ok(checked >= 4, `${checked} department names checked`);
});

test('quotation marks between two characters join a run, in the query and in a snippet', () => {
  const run = (text) => ({ kind: 'run', text });
  assert.deepEqual(core.parseQuery('“三公”经费'), [run('三公经费')]);
  assert.deepEqual(core.parseQuery('甲「乙」』丙 丁'), [run('甲乙丙'), run('丁')]);
  // Not between two characters: before other punctuation, a space, a word; after a word.
  assert.deepEqual(core.parseQuery('三公”，经费'), [run('三公'), run('经费')]);
  assert.deepEqual(core.parseQuery('三公” 经费'), [run('三公'), run('经费')]);
  assert.deepEqual(core.parseQuery('费”2020年'), [run('费'), { kind: 'word', text: '2020' }, run('年')]);
  assert.deepEqual(core.parseQuery('《预算法》'), [run('预算法')]);
  assert.deepEqual(core.parseQuery('甲《乙'), [run('甲'), run('乙')]);
  // The snippet marks the run with the marks inside it, in the text's own units.
  assert.deepEqual(core.findMatches('压减“三公”经费支出', core.parseQuery('三公经费')), [[3, 8]]);
  assert.deepEqual(core.findMatches('𠮷”野 “三公”', core.parseQuery('𠮷野 三公')), [[0, 4], [6, 8]]);
  assert.deepEqual(core.findMatches('三公”，经费', core.parseQuery('三公经费')), []);
  assert.deepEqual(core.buildSnippet('压减“三公”经费', core.parseQuery('三公经费'), false, false),
    [{ text: '压减“', mark: false }, { text: '三公”经费', mark: true }]);
});
