// browser/links: every href, src and form action of every generated page
// (and every address in sitemap.xml and feed.xml, when they are relative,
// i.e. base_url is empty) resolves to a generated file; a #fragment must be
// an id in its target page. External http(s) links and mailto: are allowed
// and not fetched. No browser needed.
//
// usage: node links.mjs <site-dir>
import fs from "node:fs";
import path from "node:path";
import { decodeEntities, startTags } from "./lib/html.mjs";
import { listFiles, requireSite } from "./lib/site.mjs";

const root = requireSite(process.argv[2]);
const files = listFiles(root);
const fileSet = new Set(files);

// Attributes that hold an address the browser follows or loads.
const URL_ATTRS = ["href", "src", "action", "poster", "xlink:href", "formaction"];

const idsCache = new Map();
function idsOf(file) {
  if (!idsCache.has(file)) {
    const ids = new Set();
    if (file.endsWith(".html")) {
      for (const tag of startTags(fs.readFileSync(path.join(root, file), "utf8"))) {
        if (tag.attrs.has("id")) ids.add(tag.attrs.get("id"));
        if (tag.name === "a" && tag.attrs.has("name")) ids.add(tag.attrs.get("name"));
      }
    }
    idsCache.set(file, ids);
  }
  return idsCache.get(file);
}

const problems = [];
let checked = 0;

// `from` is the file whose address it is; addresses resolve against `base`
// (a site-relative file path whose folder is the base).
function check(from, where, raw, base) {
  checked++;
  const report = (why) => problems.push(`${from}:${where}: ${JSON.stringify(raw)} ${why}`);
  const url = raw.trim();
  if (url === "") return report("is empty (an emptied link, e.g. a javascript: link removed in safe mode?)");
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme) {
    const s = scheme[1].toLowerCase();
    if (s === "http" || s === "https") return;
    if (s === "mailto" || s === "tel") return;
    return report(`uses the scheme ${s}: (only http, https, mailto and tel are allowed)`);
  }
  if (url.startsWith("//")) return;
  const hashAt = url.indexOf("#");
  const fragment = hashAt >= 0 ? url.slice(hashAt + 1) : null;
  let target = (hashAt >= 0 ? url.slice(0, hashAt) : url).replace(/\?.*$/, "");
  let resolved;
  if (target === "") {
    resolved = base;
  } else {
    let decoded;
    try {
      decoded = decodeURIComponent(target);
    } catch {
      return report("is not a valid percent-encoded address");
    }
    const joined = decoded.startsWith("/")
      ? path.posix.normalize(decoded.slice(1))
      : path.posix.normalize(path.posix.join(path.posix.dirname(base), decoded));
    if (joined === ".." || joined.startsWith("../")) return report("points outside the site");
    resolved = joined === "." ? "" : joined;
    if (resolved === "" || resolved.endsWith("/")) resolved += "index.html";
    else if (!fileSet.has(resolved) && fileSet.has(resolved + "/index.html")) resolved += "/index.html";
  }
  if (!fileSet.has(resolved)) return report(`→ ${resolved}: no such generated file`);
  if (fragment !== null && fragment !== "") {
    let id;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      id = fragment;
    }
    if (!resolved.endsWith(".html")) return report(`has a fragment but ${resolved} is not a page`);
    if (!idsOf(resolved).has(id)) return report(`→ ${resolved}: no element with id "${id}"`);
  }
}

let pages = 0;
for (const file of files) {
  if (!file.endsWith(".html")) continue;
  pages++;
  const html = fs.readFileSync(path.join(root, file), "utf8");
  const seen = new Set();
  for (const tag of startTags(html)) {
    for (const attr of URL_ATTRS) {
      if (!tag.attrs.has(attr)) continue;
      const value = tag.attrs.get(attr);
      const key = `${attr}=${value}`;
      if (seen.has(key)) continue; // the same address on one page is checked once
      seen.add(key);
      check(file, `${tag.line}: <${tag.name} ${attr}>`, value, file);
    }
  }
}

// The sitemap and feed: relative addresses are relative to the site root
// (they sit in it). Absolute ones (base_url set) are external here.
for (const [file, re] of [
  ["sitemap.xml", /<loc>([^<]*)<\/loc>/g],
  ["feed.xml", /<link\b[^>]*\bhref="([^"]*)"/g],
]) {
  if (!fileSet.has(file)) {
    problems.push(`${file}: not generated`);
    continue;
  }
  const xml = fs.readFileSync(path.join(root, file), "utf8");
  for (const m of xml.matchAll(re)) {
    const line = xml.slice(0, m.index).split("\n").length;
    check(file, `${line}`, decodeEntities(m[1]), file);
  }
}

if (problems.length > 0) {
  console.error(`${problems.length} broken links in ${pages} pages of ${root}:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exitCode = 1;
} else {
  console.log(`links: ${checked} addresses in ${pages} pages, sitemap.xml and feed.xml: all resolve`);
}
