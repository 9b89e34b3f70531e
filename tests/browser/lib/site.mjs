// The generated site as files: listing, reading, and the page types the
// browser tests open. No browser, no network.
import fs from "node:fs";
import path from "node:path";

// Every file under `root`, as paths relative to it with "/" separators, sorted.
export function listFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

export function listPages(root) {
  return listFiles(root).filter((f) => f.endsWith(".html"));
}

// Fails early, with the command that makes the site, when the fixture test
// that builds it did not run or failed.
export function requireSite(root) {
  if (!root || !fs.existsSync(path.join(root, "index.html"))) {
    console.error(`no generated site at ${root} (index.html missing): run the browser/build-* fixture tests first, ` +
      `or gongkai build --content content --out ${root}`);
    process.exit(1);
  }
  return path.resolve(root);
}

// One page of each type, for the tests that look at pages in a browser:
// [type, address relative to the site, CSS selector to wait for (pages that
// build their content with a script)]. Addresses are those of the demo
// content (content/).
export const DEMO_PAGES = [
  ["overview", "index.html"],
  ["year", "2020/index.html"],
  ["department", "departments/qiaoxi-federation-of-trade-unions/index.html"],
  ["disclosure", "departments/qiaoxi-federation-of-trade-unions/2020/index.html"],
  ["final accounts", "departments/finance-bureau/2020-final/index.html"],
  ["glossary", "glossary/index.html"],
  ["glossary term", "glossary/three-public/index.html"],
  ["open data", "data/index.html"],
  ["not found", "404.html"],
  ["search", "search/index.html?q=" + encodeURIComponent("三公经费"), "#search-results li"],
];

// The file an address serves.
export const fileOf = (address) => address.replace(/[?#].*$/, "");

export const VIEWPORTS = [
  { name: "phone", width: 375, height: 800 },
  { name: "desktop", width: 1280, height: 900 },
];
