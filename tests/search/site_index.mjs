// The search index of a built site, read from disk with the client's own
// core (themes/default/assets/search-core.js), and each page's indexed text.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const core = await import(join(here, '../../themes/default/assets/search-core.js'));

// A Searcher on the index of `site`, its files read from disk; `request`
// answers Range requests as nginx does (multipart/byteranges for several).
export async function openIndex(site) {
  const dir = join(site, 'search');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const read = [];  // paths read, for byte counts
  const file = async (path) => new Uint8Array(await readFile(join(dir, path.replace(/\?.*$/, ''))));
  const load = async (path) => {
    const bytes = await file(path);
    read.push({ path: path.replace(/\?.*$/, ''), bytes: bytes.length });
    return bytes;
  };
  const request = async (path, ranges) => {
    const bytes = await file(path);
    const clean = path.replace(/\?.*$/, '');
    if (ranges.length === 1) {
      const [s, e] = ranges[0];
      read.push({ path: clean, bytes: e - s, ranges });
      return { status: 206, type: 'application/octet-stream', range: `bytes ${s}-${e - 1}/${bytes.length}`, bytes: bytes.slice(s, e) };
    }
    const body = core.multipartBody(bytes, ranges, 'test-boundary');
    read.push({ path: clean, bytes: body.length, ranges });
    return { status: 206, type: 'multipart/byteranges; boundary=test-boundary', range: null, bytes: body };
  };
  return { searcher: new core.Searcher(manifest, load, request), manifest, read, dir, load, request };
}

// doc id -> {id, path, title, department, yearLabel, body} for every
// document: facts and text from pages.idx and the packs (pages/<k>.bin),
// each checked against its row of docs/<n>.json.
export async function readDocuments(site) {
  const { searcher, manifest, dir } = await openIndex(site);
  const pages = core.parsePagesIndex(new Uint8Array(await readFile(join(dir, 'pages.idx'))), manifest.pack_docs);
  if (pages.count !== manifest.docs) throw new Error(`pages.idx: ${pages.count} documents, manifest: ${manifest.docs}`);
  const docs = [];
  let pack = null;
  for (let d = 0; d < manifest.docs; d++) {
    if (d % manifest.pack_docs === 0) pack = new Uint8Array(await readFile(join(dir, core.packPath(d / manifest.pack_docs))));
    const at = pages.start[d], text = at + pages.facts[d];
    const facts = JSON.parse(new TextDecoder().decode(pack.subarray(at, text)));
    const doc = await searcher.document(d);
    if (JSON.stringify(Object.values(doc)) !== JSON.stringify(facts.map((x) => x || ''))) {
      throw new Error(`document ${d}: pack facts ${JSON.stringify(facts)} differ from docs block ${JSON.stringify(doc)}`);
    }
    const body = core.decodeUtf16(pack.subarray(text, text + 2 * pages.units[d]));
    if (body.length !== pages.units[d]) throw new Error(`document ${d}: pack cut short`);
    docs.push({ ...doc, id: d, body });
  }
  return docs;
}

// The text with every run of quotation marks that stands between two
// characters left out: what a run of the query is looked for in
// (docs/search-format.md, section 1).
const QUOTES = new Set(Array.from('"\'“”‘’「」『』＂＇', (ch) => ch.codePointAt(0)));
export function withoutJoiningQuotes(text) {
  const cps = Array.from(text, (ch) => ch.codePointAt(0));
  const isChar = (cp) => cp !== undefined && core.charClass(cp) === 2;
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    if (QUOTES.has(cps[i]) && isChar(cps[i - 1])) {
      let j = i;
      while (QUOTES.has(cps[j])) j++;
      if (isChar(cps[j])) {
        i = j - 1;
        continue;
      }
    }
    out += String.fromCodePoint(cps[i]);
  }
  return out;
}

// What the documented semantics say a query matches (docs/search-format.md),
// computed straight from the text: every run of characters is a substring,
// every word begins a word of the page.
export function expectedMatches(docs, query) {
  const segments = core.parseQuery(query);
  if (segments.length === 0) return [];  // spaces and punctuation only: no query
  return docs.filter((doc) => segments.every((seg) => {
    if (seg.kind === 'run') return (doc.joined ??= withoutJoiningQuotes(doc.body)).includes(seg.text);
    return core.findMatches(doc.body, [seg]).length > 0;
  })).map((d) => d.id);
}

export async function listFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.path ?? e.parentPath, e.name)));
  }
  return out;
}
