// Screenshots of one page cut into viewport-high segments, for a developer
// to look at a long page piece by piece at a given width. Not a test.
//
// usage: node tests/browser/shot_segments.mjs <site-dir> <page.html> <width> <out-prefix> [segment-height]
//   Writes <out-prefix>-<width>-<n>.png, n = 0, 1, ...
import { launchChromium, requireChromium } from "./lib/browser.mjs";
import { serveSite } from "./lib/server.mjs";
import { requireSite } from "./lib/site.mjs";

const [siteArg, page, widthArg, prefix, heightArg] = process.argv.slice(2);
if (!siteArg || !page || !widthArg || !prefix) {
  console.error("usage: node tests/browser/shot_segments.mjs <site-dir> <page.html> <width> <out-prefix> [segment-height]");
  process.exit(2);
}
requireChromium();
const width = Number(widthArg);
const height = Number(heightArg || 900);
const server = await serveSite(requireSite(siteArg));
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width, height } });
  const tab = await context.newPage();
  await tab.goto(server.url + page, { waitUntil: "load" });
  await tab.evaluate(() => document.fonts.ready);
  const total = await tab.evaluate(() => document.documentElement.scrollHeight);
  for (let n = 0, y = 0; y < total; n++, y += height) {
    const clip = { x: 0, y, width, height: Math.min(height, total - y) };
    await tab.screenshot({ path: `${prefix}-${width}-${n}.png`, clip, fullPage: true });
    console.log(`${prefix}-${width}-${n}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
