// browser/html-validate: every page of a generated site passes html-validate
// with .htmlvalidate.json (html-validate:recommended, minus the few rules
// relaxed there with a reason): zero errors, zero warnings.
//
// usage: node html_validate.mjs <site-dir>
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlValidate, StaticConfigLoader, formatterFactory } from "html-validate";
import { listPages, requireSite } from "./lib/site.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = requireSite(process.argv[2]);

// Drops the "//" notes, which html-validate's config schema would reject.
const withoutNotes = (value) =>
  Array.isArray(value) ? value.map(withoutNotes)
  : value && typeof value === "object"
    ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== "//").map(([k, v]) => [k, withoutNotes(v)]))
    : value;
const config = withoutNotes(JSON.parse(fs.readFileSync(path.join(here, ".htmlvalidate.json"), "utf8")));

const validator = new HtmlValidate(new StaticConfigLoader(config));
const pages = listPages(root);
const results = [];
let errors = 0;
let warnings = 0;
for (const page of pages) {
  const report = await validator.validateFile(path.join(root, page));
  errors += report.errorCount;
  warnings += report.warningCount;
  for (const r of report.results) results.push({ ...r, filePath: path.relative(root, r.filePath) });
}
if (errors + warnings > 0) {
  // The first messages in full; a theme change can break every page alike.
  const LIMIT = 60;
  let shown = 0;
  const limited = [];
  for (const r of results) {
    const messages = r.messages.slice(0, Math.max(0, LIMIT - shown));
    shown += messages.length;
    if (messages.length) limited.push({ ...r, messages });
  }
  console.error(formatterFactory("text")(limited));
  if (errors + warnings > shown) console.error(`… and ${errors + warnings - shown} more`);
  // One line per rule, so a theme change that breaks many pages reads quickly.
  const byRule = new Map();
  for (const r of results) for (const m of r.messages) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
  console.error(`\nhtml-validate: ${errors} errors, ${warnings} warnings in ${pages.length} pages of ${root}`);
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.error(`  ${n} × ${rule}  https://html-validate.org/rules/${rule}.html`);
  process.exitCode = 1;
} else {
  console.log(`html-validate: ${pages.length} pages of ${root}, no errors`);
}
