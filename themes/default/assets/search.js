// The search page's behaviour: reads ?q= (and the filters) from the URL,
// asks the index (search-core.js) and shows ranked results. Every word
// shown comes from the page's data-label-* attributes (the theme's labels);
// every piece of index data is put in the page as text (textContent), never
// as HTML. URLs are relative to this page, so the portal works under any
// sub-path.
import { Searcher, buildSnippet, snippetWindow, sliceText } from './search-core.js';

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

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  year.value = params.get('year') || '';
  department.value = params.get('department') || '';
  if (year.selectedIndex < 0) year.value = '';
  if (department.selectedIndex < 0) department.value = '';

  async function getSearcher() {
    if (!searcher) {
      const manifest = JSON.parse(new TextDecoder().decode(await loadBytes('manifest.json', { cache: 'no-cache' })));
      searcher = new Searcher(manifest, (path) => loadBytes(path));
    }
    return searcher;
  }

  function updateUrl() {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    if (year.value) p.set('year', year.value);
    if (department.value) p.set('department', department.value);
    const query = p.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  async function renderResult(s, hit, segments) {
    const doc = await s.document(hit.doc);
    const win = snippetWindow(hit.snippet);
    const text = await loadTextUnits(doc.text + '?v=' + s.m.v, win.start, win.end);
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

  async function showMore(focusFirst) {
    const gen = generation;
    const s = await getSearcher();
    const batch = current.hits.slice(shown, shown + PAGE_SIZE);
    const items = await Promise.all(batch.map((h) => renderResult(s, h, current.segments)));
    if (gen !== generation) return;
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
    status.textContent = labels.labelLoading;
    try {
      const s = await getSearcher();
      const result = await s.search(q, { year: year.value, department: department.value });
      if (gen !== generation) return;
      current = result;
      status.textContent = result.total
        ? fill(labels.labelCount, { count: result.total, query: q })
        : fill(labels.labelNone, { query: q });
      await showMore(false);
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
  run();
}
