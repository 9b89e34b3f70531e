// browser/axe: one page of each type of the demo site, served on 127.0.0.1,
// opened in headless Chromium at a phone and a desktop width, checked by
// axe-core against WCAG 2.0 and 2.1, levels A and AA: zero violations. Also
// fails when a page's own resources (style sheet, icon, ...) fail to load,
// the page logs an error, or it is wider than the window (reflow).
//
// usage: node axe.mjs <demo-site-dir>
import { createRequire } from "node:module";
import { launchChromium, requireChromium } from "./lib/browser.mjs";
import { serveSite } from "./lib/server.mjs";
import { DEMO_PAGES, VIEWPORTS, requireSite } from "./lib/site.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

requireChromium();
const root = requireSite(process.argv[2]);
const AXE_PATH = "/__test__/axe.min.js";
const server = await serveSite(root, { [AXE_PATH]: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
const browser = await launchChromium();
const failures = [];
const started = Date.now();

// One tab per width, navigated from page to page; the two widths run side
// by side (axe's work is mostly in the renderer, one process per tab).
async function checkWidth(viewport) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
  const page = await context.newPage();
  let problems = [];
  page.on("console", (msg) => { if (msg.type() === "error") problems.push(`console error: ${msg.text()}`); });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ""}`));
  page.on("response", (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  for (const [type, file, wait] of DEMO_PAGES) {
    problems = [];
    const where = `${file} (${type}, ${viewport.width}px)`;
    const response = await page.goto(server.url + file, { waitUntil: "load" });
    if (!response || response.status() !== 200) problems.push(`page answered ${response?.status()}`);
    if (wait) await page.waitForSelector(wait, { timeout: 10000 }).catch(() => problems.push(`${wait} did not appear`));
    // WCAG 1.4.10 (reflow), which axe does not check: at 375 px nothing but
    // a table's own scroll region may be wider than the page.
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return null;
      const scrolls = (el) => el && (getComputedStyle(el).overflowX !== "visible" || scrolls(el.parentElement));
      const culprits = [...document.querySelectorAll("body *")].filter((el) =>
        el.getBoundingClientRect().right > width + 1 && el.parentElement.getBoundingClientRect().right <= width + 1 &&
        !scrolls(el.parentElement));
      return `the page scrolls sideways (${document.documentElement.scrollWidth} px wide for ${width}): ` +
        culprits.slice(0, 3).map((el) => el.outerHTML.slice(0, 120).replace(/\s+/g, " ")).join(" | ");
    });
    if (overflow) problems.push(overflow);
    await page.addScriptTag({ url: AXE_PATH });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
      TAGS);
    for (const v of result.violations) {
      const lines = [`${v.id} (${v.impact}): ${v.help}  ${v.helpUrl}`];
      for (const node of v.nodes) {
        lines.push(`    target: ${node.target.join(" ")}`);
        lines.push(`    html:   ${node.html.length > 300 ? node.html.slice(0, 300) + "…" : node.html}`);
        const why = node.failureSummary?.split("\n").map((l) => l.trim()).filter(Boolean).join(" / ");
        if (why) lines.push(`    why:    ${why}`);
      }
      problems.push(lines.join("\n"));
    }
    if (problems.length) failures.push({ where, problems });
    console.log(`${problems.length ? "FAIL" : "ok  "} ${where}${problems.length ? `: ${problems.length} problems` : ""}`);
  }
  await context.close();
}

try {
  await Promise.all(VIEWPORTS.map(checkWidth));
} finally {
  await browser.close();
  await server.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(`\naxe (${TAGS.join(", ")}): problems on ${failures.length} of ${DEMO_PAGES.length * VIEWPORTS.length} page views:`);
  for (const f of failures) {
    console.error(`\n${f.where}`);
    for (const p of f.problems) console.error(`  ${p}`);
  }
  process.exitCode = 1;
} else {
  console.log(`axe (${TAGS.join(", ")}): ${DEMO_PAGES.length * VIEWPORTS.length} page views, no violations (${seconds} s)`);
}
