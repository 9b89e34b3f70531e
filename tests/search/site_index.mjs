// The search index of a built site, read from disk with the client's own
// core (themes/default/assets/search-core.js), and each page's indexed text.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const core = await import(join(here, '../../themes/default/assets/search-core.js'));

export async function openIndex(site) {
  const dir = join(site, 'search');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const read = [];  // paths read, for byte counts
  const load = async (path) => {
    const clean = path.replace(/\?.*$/, '');
    const bytes = new Uint8Array(await readFile(join(dir, clean)));
    read.push({ path: clean, bytes: bytes.length });
    return bytes;
  };
  return { searcher: new core.Searcher(manifest, load), manifest, read, dir };
}

// doc id -> {path, text} for every document, from docs/*.json and text/*.u16.
export async function readDocuments(site) {
  const { searcher, manifest, dir } = await openIndex(site);
  const docs = [];
  for (let d = 0; d < manifest.docs; d++) {
    const doc = await searcher.document(d);
    const bytes = new Uint8Array(await readFile(join(dir, doc.text)));
    docs.push({ ...doc, id: d, body: core.sliceText(bytes, 0, 0, bytes.length / 2) });
  }
  return docs;
}

// What the documented semantics say a query matches (docs/search-format.md),
// computed straight from the text: every run of characters is a substring,
// every word begins a word of the page.
export function expectedMatches(docs, query) {
  const segments = core.parseQuery(query);
  return docs.filter((doc) => segments.every((seg) => {
    if (seg.kind === 'run') return doc.body.includes(seg.text);
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
