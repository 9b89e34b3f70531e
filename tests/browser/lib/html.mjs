// A small tokenizer for generated HTML: start tags with their attributes,
// in document order. Enough for link checking without a browser; it does not
// build a tree. Comments, doctypes and the text of raw-text elements are
// skipped, so a "<a href" inside them is not mistaken for a link.
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp"]);

const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

// Yields { name, attrs: Map(name → decoded value), line } for each start tag.
export function* startTags(html) {
  const attrRe = /\s*([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;
  let i = 0;
  let line = 1;
  let counted = 0;
  const lineAt = (pos) => {
    for (; counted < pos; counted++) if (html.charCodeAt(counted) === 10) line++;
    return line;
  };
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) return;
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === "!" || html[lt + 1] === "?" || html[lt + 1] === "/") {
      const end = html.indexOf(">", lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^[a-zA-Z][^\s\/>]*/.exec(html.slice(lt + 1, lt + 64));
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const attrs = new Map();
    let p = lt + 1 + nameMatch[0].length;
    for (;;) {
      attrRe.lastIndex = p;
      const m = attrRe.exec(html);
      if (!m || m[0].length === 0) break;
      const value = m[2] ?? m[3] ?? m[4] ?? "";
      const attrName = m[1].toLowerCase();
      if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
      p = attrRe.lastIndex;
    }
    const end = html.indexOf(">", p);
    yield { name, attrs, line: lineAt(lt) };
    i = end < 0 ? html.length : end + 1;
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s>]`, "ig");
      close.lastIndex = i;
      i = close.exec(html)?.index ?? html.length;
    }
  }
}
