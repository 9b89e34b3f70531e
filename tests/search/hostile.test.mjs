// Hostile content (tests/browser/fixtures/hostile: names, narratives and
// tables full of <script>, onerror= and mustache delimiters) searched in
// headless Chromium: results show it as literal text, nothing runs.
// Usage: SITE=<the hostile fixture, built> node --test hostile.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const require = createRequire(fileURLToPath(new URL('../browser/package.json', import.meta.url)));
const { chromium } = require('playwright-core');
let server, browser;

before(async () => {
  server = await serve(process.env.SITE);
  browser = await chromium.launch({
    executablePath: process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const query of ['<script>alert(1)</script>', 'onerror=alert(1)', '{{label.nav.home}}', '敌意局']) {
  test(`searching ${query} shows the hostile text as text and runs nothing`, async () => {
    const page = await browser.newPage();
    const events = [];
    page.on('dialog', (d) => { events.push('dialog ' + d.message()); d.dismiss(); });
    page.on('pageerror', (e) => events.push('error ' + e.message));
    await page.goto(server.url + 'search/index.html?q=' + encodeURIComponent(query));
    // Until the count is there and the results with it.
    await page.waitForFunction(() => {
      const n = Number((/(\d+)/.exec(document.querySelector('#search-status').textContent) || [])[1]);
      return n > 0 && document.querySelectorAll('#search-results > li').length === Math.min(10, n);
    });
    const found = await page.$$eval('#search-results > li', (items) => items.map((li) => li.textContent));
    assert.ok(found.length > 0, `${query} found nothing`);
    assert.ok(found.some((t) => t.includes(query)), `${query} not shown literally: ${found[0]}`);
    // Each with its snippet, read from the packs like its title.
    assert.equal(await page.$$eval('#search-results > li .search-snippet', (s) => s.length), found.length);
    // Only the elements the client makes: li, h2, a, p, mark.
    const tags = await page.$$eval('#search-results *', (els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))]);
    assert.deepEqual(tags.filter((t) => !['li', 'h2', 'a', 'p', 'mark'].includes(t)), []);
    const hrefs = await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((h) => h.startsWith('../') && !/javascript:/i.test(h)), JSON.stringify(hrefs));
    assert.deepEqual(events, []);
    await page.close();
  });
}
