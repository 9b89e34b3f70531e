// The search page's behaviour: reads ?q= (and the filters) from the URL,
// asks the index (search-core.js) and shows ranked results. Every word
// shown comes from the page's data-label-* attributes (the theme's labels);
// every piece of index data is put in the page as text (textContent), never
// as HTML. URLs are relative to this page, so the portal works under any
// sub-path.
//
// Timing: the page starts reading the index (manifest.json, preloaded by the
// page's <link rel="preload">, then pages.idx) as soon as it loads, not when
// the first query comes, and, when it came without a query, warms the
// search code up on a small index made in memory while it is idle. A page of
// results costs, after the shards, one request per pack of pages touched
// (a multi-range request for the results' facts and snippet windows). It
// keeps every index file it read, and every result's facts and snippet, in
// memory, so a query asked again downloads nothing. Each query leaves
// performance marks: `search:submit` when it starts, `search:ranked` when the
// result list is known, `search:shown` when the first page of results, with
// snippets, is in the document; and the measure `search:query` between the
// first and the last (bench/search_bench.mjs reads it). The URL (?q=) is set
// after that: the first history.replaceState of a page is slow.
// The core at this script's own version (its URL's ?v=, a digest of the
// theme's assets that the search page puts there): a browser that keeps
// scripts for days never pairs an old core with a new page or index.
const { Searcher, buildSnippet, rangeHeader, warmUpSteps } =
  await import(`./search-core.js${new URL(import.meta.url).search}`);

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

// Byte ranges of a file in one request (Searcher's `request`). Only a 206
// of about the size asked for is read: a server that ignores Range sends
// the whole pack (megabytes), which is dropped at once, as is a response
// that coalesced far ranges into one huge one.
async function requestRanges(url, ranges) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { Range: rangeHeader(ranges) }, signal: controller.signal });
  const asked = ranges.reduce((n, [s, e]) => n + e - s, 0);
  const length = Number(response.headers.get('Content-Length'));
  if (response.status !== 206 || length > 2 * asked + 65536) {
    controller.abort();
    return { status: response.status === 206 ? 200 : response.status };
  }
  return {
    status: 206,
    type: response.headers.get('Content-Type'),
    range: response.headers.get('Content-Range'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
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

  // The departments' options come from a <template>, not with the page's
  // first layout (a thousand options cost a page of results about a fifth
  // of a second): in the list at once when the URL names a department, else
  // when the list is first touched (before it opens) or the page is idle.
  const departmentOptions = root.querySelector('#search-department-options');
  function fillDepartments() {
    if (!departmentOptions || !departmentOptions.isConnected) return;
    department.append(departmentOptions.content);
    departmentOptions.remove();
  }
  for (const type of ['pointerdown', 'focus', 'keydown']) department.addEventListener(type, fillDepartments);

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  year.value = params.get('year') || '';
  if (params.get('department')) fillDepartments();
  department.value = params.get('department') || '';
  if (year.selectedIndex < 0) year.value = '';
  if (department.selectedIndex < 0) department.value = '';

  function getSearcher() {
    if (!searcher) {
      // The manifest, then at once pages.idx (where each page's facts and
      // text are in the packs), which only the results wait for: a query
      // that comes with the page reads its shards meanwhile.
      searcher = loadManifest().then((manifest) => {
        const s = new Searcher(manifest, (path) => loadBytes(path), requestRanges);
        s.pagesIndex().catch(() => {});  // a failed read is tried again by the results
        return s;
      });
      searcher.catch(() => { searcher = null; });  // tried again by the next query
    }
    return searcher;
  }

  // Once the index is read, and before the first query, the search's code
  // runs a few times on a small index made in memory, one short step per
  // idle moment (typing is never kept waiting), so that the first query
  // runs compiled code. Skipped when the page came with a query (it runs
  // at once) and stopped by the first query. The page is marked
  // search--index-ready when it has read the manifest and pages.idx and the
  // warm-up is over.
  let warming = !input.value.trim();
  const idle = (f) => (window.requestIdleCallback || ((g) => setTimeout(g, 1)))(f);
  const ready = () => root.classList.add('search--index-ready');
  function warmUp() {
    const steps = warmUpSteps();
    const next = () => {
      if (warming && steps.length) {
        steps.shift()().then(() => idle(next), () => { warming = false; ready(); });
        return;
      }
      // The first history.replaceState of a page costs more than the
      // next ones, and so does putting the departments in their list:
      // paid here, not by the first query (one that came meanwhile does
      // that after its results).
      if (warming) {
        history.replaceState(history.state, '', location.href);
        fillDepartments();
      }
      warming = false;
      ready();
    };
    idle(next);
  }

  // A result as shown: its title (a link), department and year, and its
  // snippet when the page's text could be read.
  function renderResult(r, segments) {
    const li = document.createElement('li');
    const title = document.createElement('h2');
    title.className = 'search-result-title';
    const a = document.createElement('a');
    a.href = '../' + r.path;
    a.textContent = r.title;
    title.append(a);
    li.append(title);
    const metaParts = [r.department, r.yearLabel].filter(Boolean);
    if (metaParts.length) {
      const meta = document.createElement('p');
      meta.className = 'search-result-meta';
      meta.textContent = metaParts.join(labels.labelSeparator);
      li.append(meta);
    }
    if (r.window) {
      const w = r.window;
      const snippet = document.createElement('p');
      snippet.className = 'search-snippet';
      for (const piece of buildSnippet(w.text, segments, w.start > 0, w.end < w.total)) {
        if (piece.mark) {
          const mark = document.createElement('mark');
          mark.textContent = piece.text;
          snippet.append(mark);
        } else {
          snippet.append(document.createTextNode(piece.text === '…' ? labels.labelEllipsis : piece.text));
        }
      }
      li.append(snippet);
    }
    return li;
  }

  // The next page of results: every result's facts and snippet are read at
  // once (one request per pack), and the page is shown at once, with its count.
  async function showMore(focusFirst, gen = generation, statusText = null) {
    const s = await getSearcher();
    const batch = current.hits.slice(shown, shown + PAGE_SIZE);
    const items = (await s.results(batch)).map((r) => renderResult(r, current.segments));
    if (gen !== generation) return;
    if (statusText !== null) status.textContent = statusText;
    list.append(...items);
    shown += batch.length;
    more.hidden = shown >= current.total;
    if (focusFirst && items.length) items[0].querySelector('a').focus();
  }

  // The URL of the query being shown (?q=, filters), set once its results
  // are on the page: history.replaceState costs a new page 10-20 ms.
  function queryUrl() {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    if (year.value) p.set('year', year.value);
    if (department.value) p.set('department', department.value);
    const query = p.toString();
    return query ? `?${query}` : location.pathname;
  }

  async function run(url = null) {
    const gen = ++generation;
    list.replaceChildren();
    more.hidden = true;
    shown = 0;
    const q = input.value.trim();
    const setUrl = () => {
      if (url !== null && gen === generation) history.replaceState(null, '', url);
    };
    if (!q) {
      status.textContent = labels.labelEmpty;
      setUrl();
      return;
    }
    warming = false;  // a query comes first: no more warm-up
    performance.mark('search:submit');
    status.textContent = labels.labelLoading;
    try {
      const s = await getSearcher();
      const result = await s.search(q, { year: year.value, department: department.value });
      if (gen !== generation) return;
      performance.mark('search:ranked');
      current = result;
      // Punctuation alone is no query (it separates like a space).
      if (result.segments.length === 0) {
        status.textContent = labels.labelMarks;
        setUrl();
        return;
      }
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
    // After the results are painted.
    requestAnimationFrame(() => setTimeout(() => {
      setUrl();
      idle(fillDepartments);
    }, 0));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(queryUrl());
  });
  for (const select of [year, department]) {
    select.addEventListener('change', () => run(queryUrl()));
  }
  more.addEventListener('click', () => showMore(true));
  root.classList.add('search--ready');
  // Start reading the index now, before the first query.
  getSearcher().then((s) => s.pagesIndex()).then(() => (warming ? warmUp() : ready()), () => {});
  run();
}
