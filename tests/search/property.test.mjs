// Property: for many random substrings of the pages' indexed text (1 to 6
// characters, Chinese, punctuation, digits and letters mixed; punctuation
// separates, and a query of marks alone finds nothing), the search
// result set is exactly the set of pages that the documented semantics
// match: a run of characters where the text contains it, a word where a word
// of the page begins with it; and the first page of results, read from the
// packs, shows each page's facts and a snippet with the query in it. Runs
// the client's core on the built index.
// Usage: node --test property.test.mjs   (SITE=<built demo portal>)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, openIndex, readDocuments, expectedMatches } from './site_index.mjs';

const site = process.env.SITE;
const CASES = Number(process.env.CASES || 600);

// A small deterministic generator (mulberry32), so a failure repeats.
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('random substrings of the pages find exactly the pages that contain them', { skip: !site && 'SITE not set' }, async () => {
  const docs = await readDocuments(site);
  const { searcher } = await openIndex(site);
  const rand = random(Number(process.env.SEED || 20201));
  let cjk = 0, mixed = 0, marks = 0;
  for (let n = 0; n < CASES; n++) {
    const doc = docs[Math.floor(rand() * docs.length)];
    const chars = Array.from(doc.body);
    const len = 1 + Math.floor(rand() * 6);
    const at = Math.floor(rand() * Math.max(1, chars.length - len));
    const query = chars.slice(at, at + len).join('');
    if (!query.trim()) continue;
    const segments = core.parseQuery(query);
    if (segments.length === 0) {
      assert.equal((await searcher.search(query)).total, 0, `query ${JSON.stringify(query)}`);
      marks++;
      continue;
    }
    if (segments.every((s) => s.kind === 'run') && segments.length === 1) cjk++; else mixed++;
    const result = await searcher.search(query);
    const got = result.hits.map((h) => h.doc).sort((a, b) => a - b);
    const want = expectedMatches(docs, query);
    assert.deepEqual(got, want, `query ${JSON.stringify(query)}`);
    // The first page of results, read from the packs: each one's facts, and
    // a snippet window that shows the query's longest segment.
    if (n % 10 === 0) {
      const longest = segments.reduce((a, s) => (s.text.length > a.text.length ? s : a));
      for (const r of await searcher.results(result.hits.slice(0, 10))) {
        assert.equal(r.path, docs[r.doc].path);
        assert.ok(r.window && core.findMatches(r.window.text, [longest]).length > 0,
          `query ${JSON.stringify(query)}: window ${JSON.stringify(r.window)} of ${r.path}`);
      }
    }
    // The page the substring came from is found, unless the substring
    // starts inside a word (words are found by their beginning).
    const midWord = segments[0].kind === 'word' && at > 0 && core.charClass(chars[at - 1].codePointAt(0)) === 1;
    if (!midWord) assert.ok(got.includes(doc.id), `query ${JSON.stringify(query)} misses its own page ${doc.path}`);
  }
  assert.ok(cjk >= 300, `only ${cjk} single-run queries`);
  assert.ok(mixed >= 50, `only ${mixed} mixed queries`);
  assert.ok(marks >= 5, `only ${marks} queries of punctuation alone`);
});

test('queries that are no substring of any page find nothing', { skip: !site && 'SITE not set' }, async () => {
  const { searcher } = await openIndex(site);
  const docs = await readDocuments(site);
  for (const q of ['段简', '经费三公经', '预算预算预算', '算预决', 'zzzqqq', '三公 zzz']) {
    assert.equal(expectedMatches(docs, q).length, 0, q);
    assert.equal((await searcher.search(q)).total, 0, q);
  }
});
