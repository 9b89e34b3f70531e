// The search page's behaviour: reads ?q= (and the filters) from the URL,
// asks the index (search-core.js) and shows ranked results. Every word
// shown comes from the page's data-label-* attributes (the theme's labels);
// every piece of index data is put in the page as text (textContent), never
// as HTML. URLs are relative to this page, so the portal works under any
// sub-path.
//
// Timing: the page starts reading the index (manifest.json, preloaded by the
// page's <link rel="preload">) as soon as it loads, not when the first query
// comes; it keeps every index file it read, and every snippet's text, in
// memory, so a query asked again downloads nothing. Each query leaves
// performance marks: `search:submit` when it starts, `search:ranked` when the
// result list is known, `search:shown` when the first page of results, with
// snippets, is in the document; and the measure `search:query` between the
// first and the last (bench/search_bench.mjs reads it).
import { Searcher, buildSnippet, snippetWindow, sliceText, textPath } from './search-core.js';

const PAGE_SIZE = 10;

const root = document.getElementById('search');
if (root) start(root);

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

async function loadBytes(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// Units [start, end) of a page's text file, by a Range request; a server
// that ignores Range sends the whole file, which works too.
async function loadTextUnits(url, start, end) {
  const response = await fetch(url, { headers: { Range: `bytes=${start * 2}-${end * 2 - 1}` } });
  if (response.status === 416) return { bytes: new Uint8Array(0), offset: start, total: start };
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status === 206) {
    const m = /\/(\d+)\s*$/.exec(response.headers.get('Content-Range') || '');
    return { bytes, offset: start, total: m ? Number(m[1]) / 2 : start + bytes.length / 2 };
  }
  return { bytes, offset: 0, total: bytes.length / 2 };
}

// The manifest: the page preloads it (<link rel="preload" as="fetch">), so
// this fetch is usually answered from that preload.
async function loadManifest() {
  const response = await fetch('manifest.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`manifest.json: ${response.status}`);
  return response.json();
}

function start(root) {
  const labels = root.dataset;
  const form = root.querySelector('form');
  const input = root.querySelector('#search-q');
  const year = root.querySelector('#search-year');
  const department = root.querySelector('#search-department');
  const status = root.querySelector('#search-status');
  const list = root.querySelector('#search-results');
  const more = root.querySelector('#search-more');
  let searcher = null;
  let generation = 0;
  let shown = 0;
  let current = null;
  const snippets = new Map();  // text URL + window -> Promise of {bytes, offset, total}

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  year.value = params.get('year') || '';
  department.value = params.get('department') || '';
  if (year.selectedIndex < 0) year.value = '';
  if (department.selectedIndex < 0) department.value = '';

  function getSearcher() {
    if (!searcher) {
      searcher = loadManifest().then((manifest) => {
        root.classList.add('search--index-ready');
        return new Searcher(manifest, (path) => loadBytes(path));
      });
      searcher.catch(() => { searcher = null; });  // tried again by the next query
    }
    return searcher;
  }

  function snippetText(s, doc, win) {
    const url = s.url(textPath(doc));
    const key = `${url}#${win.start}-${win.end}`;
    if (!snippets.has(key)) {
      const p = loadTextUnits(url, win.start, win.end);
      p.catch(() => snippets.delete(key));
      snippets.set(key, p);
    }
    return snippets.get(key);
  }

  function updateUrl() {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    if (year.value) p.set('year', year.value);
    if (department.value) p.set('department', department.value);
    const query = p.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  // The page's facts and its snippet's text are asked for at once: the text
  // file is named by the page's id, which the search result already has.
  async function renderResult(s, hit, segments) {
    const win = snippetWindow(hit.snippet);
    const [doc, text] = await Promise.all([s.document(hit.doc), snippetText(s, hit.doc, win)]);
    const windowText = sliceText(text.bytes, text.offset, win.start, win.end);
    const li = document.createElement('li');
    const title = document.createElement('h2');
    title.className = 'search-result-title';
    const a = document.createElement('a');
    a.href = '../' + doc.path;
    a.textContent = doc.title;
    title.append(a);
    li.append(title);
    const metaParts = [doc.department, doc.yearLabel].filter(Boolean);
    if (metaParts.length) {
      const meta = document.createElement('p');
      meta.className = 'search-result-meta';
      meta.textContent = metaParts.join(labels.labelSeparator);
      li.append(meta);
    }
    const snippet = document.createElement('p');
    snippet.className = 'search-snippet';
    for (const piece of buildSnippet(windowText, segments, win.start > 0, win.end < text.total)) {
      if (piece.mark) {
        const mark = document.createElement('mark');
        mark.textContent = piece.text;
        snippet.append(mark);
      } else {
        snippet.append(document.createTextNode(piece.text === '…' ? labels.labelEllipsis : piece.text));
      }
    }
    li.append(snippet);
    return li;
  }

  // The next page of results: every result's facts and snippet are read in
  // parallel, and the page is shown at once, with its count.
  async function showMore(focusFirst, gen = generation, statusText = null) {
    const s = await getSearcher();
    const batch = current.hits.slice(shown, shown + PAGE_SIZE);
    const items = await Promise.all(batch.map((h) => renderResult(s, h, current.segments)));
    if (gen !== generation) return;
    if (statusText !== null) status.textContent = statusText;
    list.append(...items);
    shown += batch.length;
    more.hidden = shown >= current.total;
    if (focusFirst && items.length) items[0].querySelector('a').focus();
  }

  async function run() {
    const gen = ++generation;
    list.replaceChildren();
    more.hidden = true;
    shown = 0;
    const q = input.value.trim();
    if (!q) {
      status.textContent = labels.labelEmpty;
      return;
    }
    performance.mark('search:submit');
    status.textContent = labels.labelLoading;
    try {
      const s = await getSearcher();
      const result = await s.search(q, { year: year.value, department: department.value });
      if (gen !== generation) return;
      performance.mark('search:ranked');
      current = result;
      await showMore(false, gen, result.total
        ? fill(labels.labelCount, { count: result.total, query: q })
        : fill(labels.labelNone, { query: q }));
      if (gen !== generation) return;
      performance.mark('search:shown');
      performance.measure('search:query', 'search:submit', 'search:shown');
    } catch (e) {
      if (gen !== generation) return;
      status.textContent = labels.labelError;
      console.error(e);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    updateUrl();
    run();
  });
  for (const select of [year, department]) {
    select.addEventListener('change', () => {
      updateUrl();
      run();
    });
  }
  more.addEventListener('click', () => showMore(true));
  root.classList.add('search--ready');
  getSearcher().catch(() => {});  // start reading the index now, before the first query
  run();
}
