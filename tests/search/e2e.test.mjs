// The search page in headless Chromium (Debian's chromium driven by
// playwright-core) against the built demo portal, served under a sub-path on
// 127.0.0.1: result sets, snippets with <mark>, filters, the aria-live count,
// keyboard use, result links, and the message shown without JavaScript.
// Usage: SITE=<built demo portal> node --test e2e.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync } from 'node:fs';
import { serve } from './serve.mjs';
import { core, readDocuments, expectedMatches, withoutJoiningQuotes } from './site_index.mjs';

// The browser suite's pinned playwright-core (tests/browser/package.json).
const require = createRequire(fileURLToPath(new URL('../browser/package.json', import.meta.url)));
const { chromium } = require('playwright-core');

const site = process.env.SITE;
const executablePath = process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium';
let server, browser, docs;

before(async () => {
  docs = await readDocuments(site);
  server = await serve(site, { prefix: '/sub/portal/' });
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query, { javaScript = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + 'search/index.html' + (query ? '?' + query : ''));
  return { page, context, errors };
}

// The results as shown, once the count is there.
async function results(page) {
  await page.waitForFunction(() => /\d/.test(document.querySelector('#search-status').textContent) ||
    document.querySelector('#search-status').textContent.includes('没有'));
  await page.waitForFunction(() => {
    const s = document.querySelector('#search-status').textContent;
    const n = Number((/(\d+)/.exec(s) || [0, 0])[1]);
    return document.querySelectorAll('#search-results > li').length === Math.min(n, 10);
  });
  return page.$$eval('#search-results > li', (items) => items.map((li) => ({
    title: li.querySelector('.search-result-title a').textContent,
    href: li.querySelector('.search-result-title a').getAttribute('href'),
    meta: li.querySelector('.search-result-meta')?.textContent ?? '',
    snippet: li.querySelector('.search-snippet')?.textContent ?? null,
    marks: [...li.querySelectorAll('.search-snippet mark')].map((m) => m.textContent),
  })));
}

const status = (page) => page.textContent('#search-status');
const pathsOf = (ids) => ids.map((d) => '../' + docs[d].path);

async function checkQuery(q, { markText = q } = {}) {
  const { page, context, errors } = await open('q=' + encodeURIComponent(q));
  const shown = await results(page);
  const want = expectedMatches(docs, q);
  assert.equal(await status(page), `找到 ${want.length} 个页面`, q);
  assert.equal(shown.length, Math.min(10, want.length));
  for (const r of shown) {
    assert.ok(pathsOf(want).includes(r.href), `${q}: ${r.href} is not a page that contains it`);
    // (A mark spans the quotation marks inside a run: 三公”经费.)
    assert.ok(r.marks.length > 0 && r.marks.some((m) => withoutJoiningQuotes(m).toLowerCase() === markText.toLowerCase()),
      `${q}: snippet of ${r.href} marks ${JSON.stringify(r.marks)}: ${r.snippet}`);
  }
  assert.equal(await page.inputValue('#search-q'), q);
  assert.deepEqual(errors, []);
  await context.close();
  return { shown, want };
}

test('三公经费 finds exactly the pages that contain it, written “三公”经费 too', async () => {
  const { want } = await checkQuery('三公经费');
  // The demo's disclosures write “三公”经费: without the quotation marks
  // joining the run, only the glossary would be found.
  const literal = docs.filter((d) => d.body.includes('三公经费')).length;
  assert.ok(want.length > literal + 5, `${want.length} pages against ${literal} with 三公经费 as it is`);
});
test('人员经费 finds exactly the pages that contain it', async () => {
  const { want } = await checkQuery('人员经费');
  assert.ok(want.length >= 10);
});

test('工会 ranks the pages with it in their title first', async () => {
  const { shown, want } = await checkQuery('工会');
  assert.ok(want.length > 2);
  assert.match(shown[0].title, /工会/);
  assert.match(shown[1].title, /工会/);
  const firstWithout = shown.findIndex((r) => !/工会/.test(r.title));
  assert.ok(shown.slice(firstWithout).every((r) => !/工会/.test(r.title)), 'a title hit ranks below a body hit');
});

test('a substring from the middle of a narrative sentence is found exactly', async () => {
  for (const q of ['情监', '疫情监测', '计划生育特殊']) {
    const { want } = await checkQuery(q);
    assert.ok(want.length >= 1, q);
  }
});

test('a year finds the pages that mention it, and the filters narrow the results', async () => {
  const { want } = await checkQuery('2020');
  const { page, context } = await open('q=2020&year=2021&department=health-commission');
  const shown = await results(page);
  const facets = docs.filter((d) => want.includes(d.id) && d.path.startsWith('departments/health-commission/2021/'));
  assert.equal(await status(page), `找到 ${facets.length} 个页面`);
  assert.deepEqual(shown.map((r) => r.href), pathsOf(facets.map((d) => d.id)));
  assert.equal(await page.inputValue('#search-year'), '2021');
  // Changing a filter searches again and keeps the URL in step.
  await page.selectOption('#search-department', '');
  await page.waitForFunction(() => !location.search.includes('department'));
  const all2021 = await results(page);
  assert.ok(all2021.length > shown.length);
  assert.ok(all2021.every((r) => /2021/.test(r.meta) || /2021/.test(r.title)), JSON.stringify(all2021));
  await context.close();
});

test('the department filter lists every department: once the page is ready, after results, or when touched', async () => {
  const departments = JSON.parse(readFileSync(site + '/search/facets.json', 'utf8')).departments;
  const listed = (page) => page.$$eval('#search-department option', (os) => os.map((o) => o.value));
  const want = ['', ...departments].sort();
  // Kept out of the page's first layout, in a <template>, until then.
  const { page, context, errors } = await open('');
  await page.waitForFunction(() => document.querySelector('#search').classList.contains('search--index-ready'));
  assert.deepEqual((await listed(page)).sort(), want);
  assert.equal(await page.$$eval('#search-department template', (t) => t.length), 0);
  // A page opened with a query: after its results.
  const withQuery = await open('q=' + encodeURIComponent('人员经费'));
  await results(withQuery.page);
  await withQuery.page.waitForFunction((n) => document.querySelectorAll('#search-department option').length === n, want.length);
  // Touched before anything else: at once (a page whose script is held back).
  const slow = await browser.newContext();
  await slow.route('**/search/manifest.json', () => {});  // never answered: the page never gets ready
  const held = await slow.newPage();
  await held.goto(server.url + 'search/index.html');
  await held.waitForFunction(() => document.querySelector('#search').classList.contains('search--ready'));
  assert.equal((await listed(held)).length, 1);
  await held.focus('#search-department');
  assert.deepEqual((await listed(held)).sort(), want);
  assert.deepEqual(errors, []);
  await slow.close();
  await withQuery.context.close();
  await context.close();
});

test('an English word is found by its beginning, in any case', async () => {
  const { shown } = await checkQuery('Budget', { markText: 'budget' });
  assert.equal(shown.length, 1);
  assert.equal(shown[0].href, '../departments/health-commission/2021/index.html');
  const prefix = await checkQuery('transp', { markText: 'transp' });
  assert.equal(prefix.shown.length, 1);
  const both = await checkQuery('budget 卫生健康', { markText: 'budget' });
  assert.equal(both.shown.length, 1);
});

test('results are reached and opened with the keyboard', async () => {
  const { page, context } = await open('');
  assert.equal(await status(page), '请输入要搜索的词。');
  await page.focus('#search-q');
  await page.keyboard.type('区总工会');
  await page.keyboard.press('Enter');
  const shown = await results(page);
  assert.ok(shown.length >= 2);
  await page.waitForURL(/\?q=%E5%8C%BA/);  // set once the results are shown
  await page.focus('#search-results > li:first-child a');
  await Promise.all([page.waitForURL(/departments\//), page.keyboard.press('Enter')]);
  assert.equal(page.url(), new URL(shown[0].href, server.url + 'search/index.html').href);
  assert.match(await page.textContent('h1'), /工会/);
  await context.close();
});

test('clicking a result opens its page', async () => {
  const { page, context } = await open('q=' + encodeURIComponent('疾病预防控制'));
  const shown = await results(page);
  await Promise.all([page.waitForURL(/departments\/health-commission\//), page.click('#search-results > li:first-child a')]);
  assert.match(await page.textContent('main'), /疾病预防控制/);
  assert.ok(page.url().startsWith(server.url), 'stays under the sub-path');
  assert.ok(shown.length >= 1);
  await context.close();
});

test('a query with no result says so', async () => {
  const { page, context } = await open('q=' + encodeURIComponent('段简'));
  await page.waitForFunction(() => document.querySelector('#search-status').textContent.startsWith('没有'));
  assert.equal(await status(page), '没有找到包含“段简”的页面。');
  assert.equal(await page.$$eval('#search-results > li', (l) => l.length), 0);
  await context.close();
});

test('a query of punctuation alone says that marks are not searched for', async () => {
  const { page, context } = await open('q=' + encodeURIComponent('“，”（）'));
  await page.waitForFunction(() => document.querySelector('#search-status').textContent.startsWith('标点'));
  assert.equal(await status(page), '标点符号不参与搜索，请输入要搜索的文字或数字。');
  assert.equal(await page.$$eval('#search-results > li', (l) => l.length), 0);
  await context.close();
});

test('punctuation in a query separates like a space, but quotation marks between characters join', async () => {
  for (const [q, as] of [['三公，经费', '三公 经费'], ['“三公”经费', '三公经费']]) {
    const { page, context } = await open('q=' + encodeURIComponent(q));
    const shown = await results(page);
    assert.ok(shown.length >= 1, q);
    assert.equal(await status(page), `找到 ${expectedMatches(docs, as).length} 个页面`, q);
    await context.close();
  }
});

test('more results come in pages of ten', async () => {
  const { page, context } = await open('q=2020');
  await results(page);
  const total = expectedMatches(docs, '2020').length;
  assert.ok(total > 10);
  assert.equal(await page.isVisible('#search-more'), true);
  await page.click('#search-more');
  await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length === n, Math.min(20, total));
  // Focus moves to the first new result.
  assert.equal(await page.evaluate(() => document.activeElement.closest('li') === document.querySelectorAll('#search-results > li')[10]), true);
  await context.close();
});

test('without JavaScript the page says that search needs it', async () => {
  const { page, context } = await open('q=2020', { javaScript: false });
  assert.equal(await page.isVisible('.search-noscript'), true);
  assert.match(await page.textContent('.search-noscript'), /JavaScript/);
  assert.equal(await page.$$eval('#search-results > li', (l) => l.length), 0);
  await context.close();
});

// The packs (search/pages/<k>.bin) that a page of results touches, from its links.
function packsOf(shown) {
  const manifest = JSON.parse(readFileSync(site + '/search/manifest.json', 'utf8'));
  const ids = shown.map((r) => docs.findIndex((d) => '../' + d.path === r.href));
  assert.ok(ids.every((id) => id >= 0));
  return [...new Set(ids.map((id) => Math.floor(id / manifest.pack_docs)))].sort((a, b) => a - b);
}

const packRequests = (sent) => sent.filter((s) => /\/search\/pages\/\d+\.bin$/.test(s.path));

test('the search page loads only the index files it needs', async () => {
  server.sent.length = 0;
  const { page, context } = await open('q=' + encodeURIComponent('人员经费'));
  await results(page);
  const index = server.sent.filter((s) => s.path.includes('/search/') && !s.path.endsWith('index.html'));
  const shards = index.filter((s) => /\/search\/[dp]\//.test(s.path));
  const total = readdirSync(site + '/search/d').length + readdirSync(site + '/search/p').length;
  assert.ok(shards.length > 0 && shards.length <= 6, `${shards.length} shards of ${total}`);
  assert.ok(index.some((s) => s.path.endsWith('/search/manifest.json')));
  assert.equal(index.filter((s) => s.path.endsWith('/search/pages.idx')).length, 1);
  // Facts and snippets come by Range requests, not whole packs nor document blocks.
  const packs = packRequests(index);
  assert.ok(packs.length > 0 && packs.every((s) => s.status === 206 && s.bytes < 16384), JSON.stringify(packs));
  assert.deepEqual(index.filter((s) => /\/search\/(docs|text)\//.test(s.path)), []);
  await context.close();
});

test('a page of results is one request per pack it touches', async () => {
  for (const q of ['人员经费', '2020', '工会']) {
    server.sent.length = 0;
    const { page, context, errors } = await open('q=' + encodeURIComponent(q));
    const shown = await results(page);
    assert.ok(shown.every((r) => r.snippet), q);
    const packs = packRequests(server.sent);
    assert.deepEqual(packs.map((s) => Number(/(\d+)\.bin$/.exec(s.path)[1])).sort((a, b) => a - b), packsOf(shown), q);
    assert.ok(packs.every((s) => s.range && s.status === 206), JSON.stringify(packs));
    // Ten results: the facts and window of each, in a few merged ranges per pack.
    assert.ok(packs.some((s) => s.range.includes(',')), `${q}: no multi-range request: ${JSON.stringify(packs)}`);
    assert.deepEqual(server.sent.filter((s) => /\/search\/(docs|text)\//.test(s.path)), [], q);
    // More results: one request per pack again.
    server.sent.length = 0;
    if (await page.isVisible('#search-more')) {
      await page.click('#search-more');
      await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 10);
      const next = (await page.$$eval('#search-results > li a', (as) => as.map((a) => ({ href: a.getAttribute('href') })))).slice(10);
      assert.deepEqual(packRequests(server.sent).map((s) => Number(/(\d+)\.bin$/.exec(s.path)[1])).sort((a, b) => a - b), packsOf(next), q);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// The same queries from a server that answers several ranges with the whole
// file (as some hosts do), and from one that ignores Range: the same results,
// with snippets by one range per request, or without snippets.
// (no-store: Chromium would otherwise answer Range requests from a whole pack it kept.)
for (const [what, options, snippets] of [['multi-range', { multiRange: false }, true], ['Range', { ranges: false, cacheControl: 'no-store' }, false]]) {
  test(`a server that ignores ${what} still gives the results`, async () => {
    const plain = await serve(site, { prefix: '/sub/portal/', ...options });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e));
      let afterFirst = 0;
      for (const [k, q] of ['人员经费', '2020', '三公经费'].entries()) {
        if (k === 0) {
          await page.goto(plain.url + 'search/index.html?q=' + encodeURIComponent(q));
        } else {
          await page.fill('#search-q', q);
          await page.press('#search-q', 'Enter');
          await page.waitForFunction((n) => performance.getEntriesByName('search:query').length === n, k + 1);
        }
        const shown = await results(page);
        const want = expectedMatches(docs, q);
        assert.equal(await status(page), `找到 ${want.length} 个页面`, q);
        assert.equal(shown.length, Math.min(10, want.length), q);
        for (const r of shown) {
          assert.ok(pathsOf(want).includes(r.href), `${q}: ${r.href}`);
          assert.equal(r.title, docs.find((d) => '../' + d.path === r.href).title, q);
          if (snippets) assert.ok(r.marks.some((m) => withoutJoiningQuotes(m) === q), `${q}: ${JSON.stringify(r)}`);
          else assert.equal(r.snippet, null);
        }
        if (k === 0) afterFirst = packRequests(plain.sent).length;
      }
      const packs = packRequests(plain.sent);
      if (snippets) {
        // The first query's multi-range requests had whole packs (dropped
        // unread) for answers; from then on, one range per request.
        assert.ok(packs.some((s) => s.status === 200));
        assert.ok(packs.every((s) => (s.status === 200) === s.range.includes(',')), JSON.stringify(packs));
        assert.ok(packs.slice(afterFirst).every((s) => s.status === 206), JSON.stringify(packs));
      } else {
        // Whole packs (dropped unread) for the first query only, then the document blocks.
        assert.ok(packs.length >= 1 && packs.length === afterFirst, JSON.stringify(packs));
        assert.ok(plain.sent.some((s) => s.path.includes('/search/docs/')));
      }
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await plain.close();
    }
  });
}

test('the page reads the manifest once, with the page, before any query', async () => {
  server.sent.length = 0;
  const { page, context, errors } = await open('');
  await page.waitForFunction(() => document.querySelector('#search').classList.contains('search--index-ready'));
  const manifests = () => server.sent.filter((s) => s.path.endsWith('/search/manifest.json')).length;
  assert.equal(manifests(), 1, 'the preload and the script share one download');
  assert.equal(server.sent.filter((s) => s.path.endsWith('/search/pages.idx')).length, 1, 'pages.idx read before any query');
  await page.fill('#search-q', '人员经费');
  await page.press('#search-q', 'Enter');
  await results(page);
  assert.equal(manifests(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a query asked again is answered from memory', async () => {
  const { page, context, errors } = await open('q=' + encodeURIComponent('人员经费'));
  const first = await results(page);
  server.sent.length = 0;
  // Another query, then the first again: the second time nothing is downloaded.
  await page.fill('#search-q', '三公经费');
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(() => performance.getEntriesByName('search:query').length === 2);
  await page.fill('#search-q', '人员经费');
  const before = server.sent.length;
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(() => performance.getEntriesByName('search:query').length === 3);
  const again = await results(page);
  assert.deepEqual(again, first);
  assert.deepEqual(server.sent.slice(before), [], 'nothing downloaded for a query asked before');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page treats index text as text', async () => {
  assert.equal(core.buildSnippet('<b>预算</b>', core.parseQuery('预算'), false, false).map((p) => p.text).join(''), '<b>预算</b>');
});
