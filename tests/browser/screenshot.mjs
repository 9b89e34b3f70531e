// Full-page PNGs of a generated site, for developers to look at pages at a
// phone width (375 px) and a desktop width (1280 px). Not a test: it fails
// only when a page does not load.
//
// usage: node tests/browser/screenshot.mjs <site-dir> <out-dir> [page.html ...]
//   Without pages: one page of each type of the demo site (those that exist).
//   Writes <out-dir>/<page path with / as _>-<width>.png.
import fs from "node:fs";
import path from "node:path";
import { launchChromium, requireChromium } from "./lib/browser.mjs";
import { serveSite } from "./lib/server.mjs";
import { DEMO_PAGES, VIEWPORTS, fileOf, requireSite } from "./lib/site.mjs";

const [siteArg, outArg, ...pageArgs] = process.argv.slice(2);
if (!siteArg || !outArg) {
  console.error("usage: node tests/browser/screenshot.mjs <site-dir> <out-dir> [page.html ...]");
  process.exit(2);
}
requireChromium();
const root = requireSite(siteArg);
const out = path.resolve(outArg);
fs.mkdirSync(out, { recursive: true });
const pages = pageArgs.length ? pageArgs.map((p) => [p]) : DEMO_PAGES.filter(([, file]) => fs.existsSync(path.join(root, fileOf(file)))).map(([, file, wait]) => [file, wait]);

const server = await serveSite(root);
const browser = await launchChromium();
let failed = 0;
try {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const tab = await context.newPage();
    for (const [page, wait] of pages) {
      const response = await tab.goto(server.url + page, { waitUntil: "load" });
      if (wait) await tab.waitForSelector(wait, { timeout: 10000 }).catch(() => console.error(`${page}: ${wait} did not appear`));
      if (!response || response.status() !== 200) {
        console.error(`${page}: answered ${response?.status()}`);
        failed++;
        continue;
      }
      await tab.evaluate(() => document.fonts.ready);
      const name = fileOf(page).replace(/\/index\.html$/, "").replace(/\.html$/, "").replaceAll("/", "_") || "index";
      const file = path.join(out, `${name}${page.includes("?") ? "-query" : ""}-${viewport.width}.png`);
      await tab.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = failed ? 1 : 0;
