// The client core's memory (themes/default/assets/search-core.js): every
// index file is read once per Searcher, and a failed read is not kept, so the
// next query tries it again. Runs against the built demo portal's index.
// Usage: SITE=<built demo portal> node --test core.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, openIndex } from './site_index.mjs';

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
