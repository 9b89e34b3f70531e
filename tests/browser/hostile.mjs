// browser/hostile: the portal built from fixtures/hostile/content, whose
// every author-controlled text carries <script>, attribute breakouts,
// javascript: links and mustache delimiters. Every generated page is opened
// in headless Chromium; the test fails when
//   - a dialog opens (alert), or the console or a page error mentions alert;
//   - a <script> exists that the theme does not ship (allowed: src under
//     assets/, no inline code), in the DOM or in the raw bytes;
//   - any element has an on* attribute, or any address attribute holds a
//     javascript:, vbscript: or data: URL;
//   - content injected an iframe, object, embed, base, meta refresh or a
//     <style> in the body;
//   - a hostile text that must show literally does not (names, units,
//     indicators, procurement, assets; code spans and plain text in
//     Markdown), mustache delimiters came out expanded, or an entity shows
//     as text (double escaping: "&lt;" visible on the page);
// and every data/*.json parses and feed.xml and sitemap.xml are well-formed.
//
// usage: node hostile.mjs <hostile-site-dir>
import fs from "node:fs";
import path from "node:path";
import { launchChromium, requireChromium } from "./lib/browser.mjs";
import { serveSite } from "./lib/server.mjs";
import { listFiles, requireSite } from "./lib/site.mjs";

// The strings of fixtures/hostile/content, as they must read on the page.
const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';
const HOVER = "' onmouseover='alert(1)";
const MUSTACHE = ["{{label.nav.home}}", "{{{x}}}", "{{#a}}"];
const SITE_TITLE = `敌意测试${SCRIPT}{{site.title}}`;
const DEPARTMENT = `敌意局${SCRIPT}${IMG}${HOVER}{{label.nav.home}}`;
const TERM = `${SCRIPT}术语`;
const DISCLOSURE = "departments/hostile-bureau/2020/index.html";

const SEARCH = "search/index.html";
const SEARCH_QUERIES = ["alert", "敌意局", "{{label"];

// page → { h1: exact heading text, text: strings its visible text contains }
const EXPECT = {
  "index.html": { text: [DEPARTMENT, `测试区${IMG}`, `政府工作部门${IMG}`] },
  "2020/index.html": { text: [DEPARTMENT] },
  "departments/hostile-bureau/index.html": { h1: DEPARTMENT },
  [DISCLOSURE]: {
    h1: DEPARTMENT,
    text: [
      // plain-text fields: units, indicators, procurement, assets, classifications
      `单位${SCRIPT}`, IMG, HOVER, "{{label.nav.home}}{{{x}}}{{#a}}",
      `产出指标${SCRIPT}`, `个${SCRIPT}`, `项目${SCRIPT}`, `A02${HOVER}`,
      `房屋${SCRIPT}`, "{{label.nav.home}}{{{x}}}", `功能${SCRIPT}`, `经济${IMG}`,
      // Markdown: text and code spans stay literal (raw HTML is dropped)
      "{{label.nav.home}} {{{x}}} {{#a}}b{{/a}}", `${SCRIPT} 与 {{label.nav.home}}`, `增减说明${HOVER}`,
    ],
  },
  "glossary/index.html": { text: [TERM, IMG, "{{label.nav.home}}", HOVER] },
  "glossary/hostile-script/index.html": { h1: TERM, text: [IMG, HOVER, "{{{x}}}", "{{#a}}b{{/a}}"] },
  "glossary/basic-expenditure/index.html": { h1: "基本支出", text: [HOVER, DEPARTMENT] },
  [`${SEARCH}?q=alert`]: { text: [DEPARTMENT] },
  [`${SEARCH}?q=${encodeURIComponent("敌意局")}`]: { text: [DEPARTMENT] },
};

requireChromium();
const root = requireSite(process.argv[2]);
const files = listFiles(root);
const pages = files.filter((f) => f.endsWith(".html"));
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);

for (const page of Object.keys(EXPECT)) if (!pages.includes(page.replace(/\?.*/, ""))) fail(page, "not generated");

// Every page as it is, and the search page with queries that find the
// hostile pages, so that its script puts their titles and snippets on the
// page (after the results appear).
const visits = pages.map((page) => ({ page, file: page }));
if (pages.includes(SEARCH)) {
  for (const q of SEARCH_QUERIES) {
    visits.push({ page: `${SEARCH}?q=${encodeURIComponent(q)}`, file: SEARCH, wait: "#search-results li" });
  }
}

// Without a browser: the open data parses and the raw bytes hold no <script
// beyond the theme's own (the DOM check below cannot see e.g. a <script> in
// a <template>).
for (const file of files.filter((f) => f.endsWith(".json"))) {
  try {
    JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
  } catch (e) {
    fail(file, `is not JSON: ${e.message}`);
  }
}
const rawScripts = new Map();
for (const page of pages) {
  const html = fs.readFileSync(path.join(root, page), "utf8");
  rawScripts.set(page, (html.match(/<script\b/gi) ?? []).length);
}

const server = await serveSite(root);
const browser = await launchChromium();
const started = Date.now();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  let current = "";
  tab.on("dialog", async (dialog) => {
    fail(current, `a ${dialog.type()} dialog opened: ${JSON.stringify(dialog.message())}`);
    await dialog.dismiss().catch(() => {});
  });
  tab.on("console", (msg) => {
    if (/alert/i.test(msg.text()) || msg.type() === "error" && /script|javascript/i.test(msg.text())) {
      fail(current, `console ${msg.type()}: ${msg.text()}`);
    }
  });
  tab.on("pageerror", (err) => fail(current, `page error: ${err.message}`));

  for (const { page, file, wait } of visits) {
    current = page;
    const response = await tab.goto(server.url + page, { waitUntil: "load" });
    if (!response || response.status() !== 200) fail(page, `answered ${response?.status()}`);
    if (wait) {
      await tab.waitForSelector(wait, { timeout: 10000 }).catch(() => fail(page, `${wait} did not appear`));
    }
    // Give handlers a chance: hover everything that could carry onmouseover
    // and open every <details> (ontoggle).
    await tab.mouse.move(5, 5);
    const found = await tab.evaluate((siteUrl) => {
      const out = { bad: [], scripts: 0 };
      const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset",
                                 "background", "cite", "longdesc", "ping", "srcdoc"]);
      const describe = (el) => el.outerHTML.length > 200 ? el.outerHTML.slice(0, 200) + "…" : el.outerHTML;
      for (const el of document.querySelectorAll("*")) {
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          if (name.startsWith("on")) out.bad.push(`element with an event handler attribute ${name}: ${describe(el)}`);
          if (URL_ATTRS.has(name)) {
            // Browsers ignore whitespace and control characters in a scheme.
            const squeezed = attr.value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
            if (/^(javascript|vbscript|data):/.test(squeezed) || /(^|,)\s*(javascript|vbscript):/.test(squeezed)) {
              out.bad.push(`${name}="${attr.value}" on ${describe(el)}`);
            }
          }
        }
      }
      for (const s of document.querySelectorAll("script")) {
        const src = s.getAttribute("src");
        const ok = src && new URL(src, location.href).href.startsWith(siteUrl + "assets/") && s.textContent.trim() === "";
        if (ok) out.scripts++;
        else out.bad.push(`script the theme does not ship: ${describe(s)}`);
      }
      for (const el of document.querySelectorAll("iframe, frame, object, embed, base, meta[http-equiv], body style, link[rel=import]")) {
        out.bad.push(`content-injected element: ${describe(el)}`);
      }
      for (const d of document.querySelectorAll("details")) d.open = !d.open;
      out.text = document.body.innerText;
      out.title = document.title;
      out.h1 = document.querySelector("h1")?.textContent.trim() ?? null;
      return out;
    }, server.url);
    await tab.waitForTimeout(20);  // let a toggle or error event fire
    for (const b of found.bad) fail(page, b);
    if (rawScripts.get(file) !== found.scripts) {
      fail(page, `${rawScripts.get(file)} "<script" in the bytes but ${found.scripts} theme scripts in the page`);
    }

    // Visible text: literal, not expanded, not double escaped.
    if (!found.text.includes(SITE_TITLE)) fail(page, `the site title does not show literally as ${JSON.stringify(SITE_TITLE)}`);
    if (!found.title.includes(SITE_TITLE)) fail(page, `<title> ${JSON.stringify(found.title)} lacks the literal site title`);
    const entity = /&(lt|gt|amp|quot|apos|#39|#x27);/.exec(found.text + "\n" + found.title);
    if (entity) {
      const all = found.text + "\n" + found.title;
      const at = all.indexOf(entity[0]);
      fail(page, `an entity shows as text (double escaping): ${JSON.stringify(all.slice(Math.max(0, at - 30), at + 50))}`);
    }
    const expect = EXPECT[page];
    if (expect?.h1 !== undefined && found.h1 !== expect.h1) {
      fail(page, `h1 is ${JSON.stringify(found.h1)}, expected ${JSON.stringify(expect.h1)}`);
    }
    for (const s of expect?.text ?? []) {
      if (!found.text.includes(s)) fail(page, `visible text lacks ${JSON.stringify(s)}`);
    }
    if (page === DISCLOSURE) {
      for (const m of MUSTACHE) if (!found.text.includes(m)) fail(page, `mustache ${m} from content did not come out literally`);
    }
  }

  // Hostile names inside the feed and sitemap must leave them well-formed XML.
  for (const xml of ["feed.xml", "sitemap.xml"]) {
    current = xml;
    const error = await tab.evaluate(async (url) => {
      const text = await (await fetch(url)).text();
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const err = doc.querySelector("parsererror");
      return err ? err.textContent : null;
    }, server.url + xml);
    if (error) fail(xml, `is not well-formed XML: ${error}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(`hostile content: ${failures.length} problems in ${visits.length} visits to ${pages.length} pages of ${root}:`);
  for (const f of failures) console.error(`  ${f}`);
  process.exitCode = 1;
} else {
  console.log(`hostile content: ${pages.length} pages of ${root} (${visits.length} visits, search results included) ` +
              `inert, hostile text shown literally (${seconds} s)`);
}
