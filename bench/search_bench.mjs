// Search benchmark: gongkai's search against Pagefind on the same built
// site, in headless Chromium on 127.0.0.1. For each query: the bytes the
// browser downloads (cold cache, client code counted apart; a multi-range
// answer counted whole, its part headers too), the requests made after the
// submit (shards, then one per pack of pages touched), the time until
// the first ten results with snippets are there, and the recall of Chinese
// substring queries (expected: the pages whose text contains the substring).
// Prints figures; not a test. Usage: node bench/search_bench.mjs SITE
// (SITE built by gongkai, with Pagefind's index in SITE/pagefind).
// SERVER=nginx|nginx-h2|node picks the static server (default: nginx, over
// HTTP/1.1, when Debian's nginx is installed, else the Node server of the
// search tests; nginx-h2: HTTPS and HTTP/2, self-signed).
import { createRequire } from 'node:module';
import { serve } from '../tests/search/serve.mjs';
import { serveNginx, nginxVersion } from './nginx_server.mjs';
import { readDocuments, expectedMatches } from '../tests/search/site_index.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const site = process.argv[2];
const QUERIES = [
  ['预算', 'zh'], ['绩效', 'zh'], ['差旅费', 'zh'], ['公务接待', 'zh'], ['预算绩效管理', 'zh'],
  ['务接待标', 'zh-substring'], ['算绩效管', 'zh-substring'], ['理制度', 'zh-substring'], ['排资金', 'zh-substring'],
  ['东城教育局', 'department'], ['河西民政局', 'department'], ['2020', 'year'], ['performance', 'english'],
];
const RUNS = Number(process.env.RUNS || 3);
// QUERIES=预算,公务接待: only these of the list (a quicker run).
const ONLY = process.env.QUERIES ? new Set(process.env.QUERIES.split(',')) : null;
// SKIP_PAGEFIND=1: gongkai's figures only (for a site without Pagefind's index).
const SKIP_PAGEFIND = process.env.SKIP_PAGEFIND === '1';

const docs = await readDocuments(site);
const byPath = new Map(docs.map((d) => [d.path, d.id]));
const nginx = nginxVersion();
const SERVER = process.env.SERVER || (nginx ? 'nginx' : 'node');
if (SERVER.startsWith('nginx') && !nginx) throw new Error(`SERVER=${SERVER}, but nginx is not installed`);
const http2 = SERVER === 'nginx-h2';
const server = SERVER.startsWith('nginx') ? await serveNginx(site, { http2 }) : await serve(site);
const serverName = SERVER.startsWith('nginx') ? `${nginx}${http2 ? ', HTTPS and HTTP/2' : ', HTTP/1.1'}`
  : `tests/search/serve.mjs (Node.js ${process.version}, HTTP/1.1)`;
console.error(`server: ${serverName}`);
// The bytes sent so far (nginx writes them to its log a moment later).
async function sentSoFar() {
  await server.flush?.();
  return server.sent;
}
const browser = await chromium.launch({
  executablePath: process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium',
  args: [...(http2 ? ['--ignore-certificate-errors'] : []), '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const sum = (list) => list.reduce((a, s) => a + s.bytes, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Runs in the page before its scripts: notes when the results are first shown.
function watchResults() {
  const check = () => {
    const status = document.querySelector('#search-status');
    if (!status || window.__resultsShownAt !== undefined) return;
    const n = Number((/(\d+)/.exec(status.textContent) || [])[1]);
    const list = document.querySelector('#search-results');
    if (status.textContent.startsWith('没有') || (n > 0 && list.children.length === Math.min(10, n))) {
      window.__resultsShownAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

// A fresh page (empty cache) on the search page, loaded: its scripts ran and
// the index manifest (preloaded with the page) is read.
async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + 'search/index.html');
  // (READY_CLASS=search--ready measures a client that reads its index only with the first query.)
  await page.waitForFunction((ready) => document.querySelector('#search').classList.contains(ready),
    process.env.READY_CLASS || 'search--index-ready');
  return { context, page };
}

async function gongkai(q) {
  const times = [], warm = [], compute = [], computeFirst = [], load = [];
  let bytes = 0, code = 0, total = 0, requests = 0;
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await freshPage();
    code = sum((await sentSoFar()).filter((s) => s.path.endsWith('.js')));
    // The manifest and pages.idx come with the page, before the query: counted in the query's bytes.
    const manifest = sum(server.sent.filter((s) => /\/(manifest\.json|pages\.idx)$/.test(s.path)));
    server.sent.length = 0;
    // Query time: the query typed in the loaded search page and submitted,
    // until its first page of results, with their snippets, is in the page.
    const ask = () => page.evaluate(async (query) => {
      const root = document.querySelector('#search');
      const status = root.querySelector('#search-status');
      const list = root.querySelector('#search-results');
      root.querySelector('#search-q').value = query;
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        const check = () => {
          const n = Number((/(\d+)/.exec(status.textContent) || [])[1]);
          if (status.textContent.startsWith('没有') || (n > 0 && list.children.length === Math.min(10, n))) {
            observer.disconnect();
            resolve({ ms: performance.now() - t0, total: n || 0 });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      });
      root.querySelector('form').requestSubmit();
      return done;
    }, q);
    const result = await ask();
    times.push(result.ms);
    total = result.total;
    const sent = await sentSoFar();
    bytes = sum(sent) + manifest;
    requests = sent.length;
    // Asked again on the same page: everything it needs is in memory.
    warm.push((await ask()).ms);
    // The search alone (matching and ranking), without the page around it:
    // the index files it reads already downloaded, the first time (records
    // decoded) and again (decoded records kept).
    const alone = await page.evaluate(async (query) => {
      const m = await import('../assets/search-core.js');
      const manifest = await (await fetch('manifest.json')).json();
      const files = new Map();
      const load = (p) => {
        if (!files.has(p)) files.set(p, fetch(p).then(async (r) => new Uint8Array(await r.arrayBuffer())));
        return files.get(p);
      };
      await new m.Searcher(manifest, load).search(query);
      const s = new m.Searcher(manifest, load);
      let t0 = performance.now();
      await s.search(query);
      const first = performance.now() - t0;
      t0 = performance.now();
      await s.search(query);
      return { first, again: performance.now() - t0 };
    }, q);
    computeFirst.push(alone.first);
    compute.push(alone.again);
    await context.close();
    await sentSoFar();
    server.sent.length = 0;
    // Cold page load: a fresh browser context opens search/index.html?q=…;
    // from the start of navigation until the results, with snippets, are
    // in the page (seen by a MutationObserver installed before the page runs).
    const cold = await browser.newContext();
    await cold.addInitScript(`(${watchResults})()`);
    const coldPage = await cold.newPage();
    await coldPage.goto(server.url + 'search/index.html?q=' + encodeURIComponent(q));
    await coldPage.waitForFunction(() => window.__resultsShownAt !== undefined);
    load.push(await coldPage.evaluate(() => window.__resultsShownAt));
    await cold.close();
    await sentSoFar();
    server.sent.length = 0;
  }
  return { ms: median(times), warm: median(warm), compute: median(compute), computeFirst: median(computeFirst),
    load: median(load), bytes, code, total, requests };
}

async function pagefind(q, recall) {
  const times = [], warm = [];
  let bytes = 0, code = 0, total = 0, urls = null;
  for (let run = 0; run <= RUNS; run++) {
    // The last run, for recall only, reads every result's URL (not timed).
    const all = run === RUNS;
    if (all && !recall) break;
    const { context, page } = await freshPage();
    await sentSoFar();
    server.sent.length = 0;
    const result = await page.evaluate(async ({ query, all }) => {
      const t0 = performance.now();
      const pf = await import('/pagefind/pagefind.js');
      await pf.options({ excerptLength: 30 });
      const search = await pf.search(query);
      await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      const ms = performance.now() - t0;
      const t1 = performance.now();
      const again = await pf.search(query);
      await Promise.all(again.results.slice(0, 10).map((r) => r.data()));
      const warm = performance.now() - t1;
      const urls = all ? (await Promise.all(search.results.map((r) => r.data()))).map((d) => d.url) : null;
      return { ms, warm, total: search.results.length, urls };
    }, { query: q, all });
    if (all) {
      urls = result.urls;
    } else {
      times.push(result.ms);
      warm.push(result.warm);
      total = result.total;
      bytes = sum(await sentSoFar());
      code = sum(server.sent.filter((s) => /\.js$|wasm/.test(s.path)));
    }
    await context.close();
    await sentSoFar();
    server.sent.length = 0;
  }
  return { ms: median(times), warm: median(warm), bytes, code, total, urls };
}

const rows = [];
for (const [q, kind] of QUERIES.filter(([q]) => !ONLY || ONLY.has(q))) {
  const expected = new Set(expectedMatches(docs, q));
  const g = await gongkai(q);
  const recall = kind.startsWith('zh') || kind === 'department';
  const p = SKIP_PAGEFIND ? { ms: 0, warm: 0, bytes: 0, code: 0, total: 0, urls: null } : await pagefind(q, recall);
  let pfRecall = '', pfPrecision = '';
  if (p.urls) {
    const found = new Set(p.urls.map((u) => byPath.get(u.replace(/^\//, '').replace(/(^|\/)$/, '$1index.html'))));
    const hit = [...expected].filter((d) => found.has(d)).length;
    pfRecall = expected.size ? `${(100 * hit / expected.size).toFixed(1)}%` : 'n/a';
    pfPrecision = found.size ? `${(100 * hit / found.size).toFixed(1)}%` : 'n/a';
  }
  rows.push({ q, kind, expected: expected.size, g, p, pfRecall, pfPrecision });
  console.error(`${q}: gongkai ${g.total} results ${g.bytes} B ${g.requests} requests ${g.ms.toFixed(1)} ms (again ${g.warm.toFixed(1)}, page load ${g.load.toFixed(0)}); pagefind ${p.total} results ${p.bytes} B ${p.ms.toFixed(1)} ms ${pfRecall}`);
}
await browser.close();
await server.close();

const kb = (b) => (b / 1024).toFixed(1);
console.log('| query | kind | pages containing it | gongkai results | gongkai KB | gongkai requests | gongkai query ms: first / again | gongkai search alone ms: first / again | gongkai page load with ?q= ms | Pagefind results | Pagefind recall / precision | Pagefind KB index / with code | Pagefind ms cold / again |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const gRecall = r.kind.startsWith('zh') || r.kind === 'department' ? (r.g.total === r.expected ? ' (100%)' : ` (${r.g.total}/${r.expected})`) : '';
  console.log(`| ${r.q} | ${r.kind} | ${r.expected} | ${r.g.total}${gRecall} | ${kb(r.g.bytes)} | ${r.g.requests} | ${r.g.ms.toFixed(0)} / ${r.g.warm.toFixed(0)} | ${r.g.computeFirst.toFixed(1)} / ${r.g.compute.toFixed(1)} | ${r.g.load.toFixed(0)} | ${r.p.total} | ${r.pfRecall ? r.pfRecall + ' / ' + r.pfPrecision : '—'} | ${kb(r.p.bytes - r.p.code)} / ${kb(r.p.bytes)} | ${r.p.ms.toFixed(0)} / ${r.p.warm.toFixed(0)} |`);
}
const g0 = rows[0].g;
console.log(`\nserver: ${serverName}`);
console.log(`gongkai client code (search.js + search-core.js, loaded once with the page): ${kb(g0.code)} KB`);
console.log(`median bytes per query: gongkai ${kb(median(rows.map((r) => r.g.bytes)))} KB, Pagefind ${kb(median(rows.map((r) => r.p.bytes)))} KB (${kb(median(rows.map((r) => r.p.bytes - r.p.code)))} KB without its code)`);
console.log(`median query time, first query on a loaded search page (every index file it needs downloaded): gongkai ${median(rows.map((r) => r.g.ms)).toFixed(1)} ms; Pagefind (its script loaded with the query, as its UI does) ${median(rows.map((r) => r.p.ms)).toFixed(1)} ms`);
console.log(`median query time, asked again on the same page: gongkai ${median(rows.map((r) => r.g.warm)).toFixed(1)} ms, Pagefind ${median(rows.map((r) => r.p.warm)).toFixed(1)} ms`);
console.log(`median page load of search/index.html?q=… until results and snippets are shown (fresh browser): gongkai ${median(rows.map((r) => r.g.load)).toFixed(1)} ms`);
console.log(`median ms of gongkai's search alone (files downloaded): first ${median(rows.map((r) => r.g.computeFirst)).toFixed(1)}, again ${median(rows.map((r) => r.g.compute)).toFixed(1)}`);
