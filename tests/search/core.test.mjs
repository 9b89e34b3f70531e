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
