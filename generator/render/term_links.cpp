#include "render/term_links.h"

#include <algorithm>
#include <vector>

#include "render/html.h"

namespace gk {

namespace {

// Equality of short names, compared in place: string_view's == calls
// memcmp, and this runs for every tag of every page.
bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k] != b[k]) return false;
    }
    return true;
}

// Elements whose text is never linked: links themselves (a), headings and
// labels of structure (h1-h6, th, caption, label, summary, title: a term
// there is a name, not a use), navigation (nav, button), code (code, pre),
// and what is not text at all (svg, script, style). Chosen by length first:
// this runs for every tag of every page.
bool is_no_link(std::string_view n) {
    switch (n.size()) {
        case 1: return n[0] == 'a';
        case 2: return (n[0] == 'h' && n[1] >= '1' && n[1] <= '6') || same_name(n, "th");
        case 3: return same_name(n, "nav") || same_name(n, "pre") || same_name(n, "svg");
        case 4: return same_name(n, "code");
        case 5: return same_name(n, "style") || same_name(n, "title") || same_name(n, "label");
        case 6: return same_name(n, "script") || same_name(n, "button");
        case 7: return same_name(n, "caption") || same_name(n, "summary");
        default: return false;
    }
}

bool is_comment_at(std::string_view html, std::size_t lt) {
    return lt + 3 < html.size() && html[lt + 1] == '!' && html[lt + 2] == '-' && html[lt + 3] == '-';
}

struct Tag {
    std::string_view name;
    bool closing = false;
    bool self_closing = false;
};

Tag parse_tag(std::string_view tag) {  // "<a href=…>", "</a>", "<br/>"
    Tag t;
    std::size_t b = 1;
    if (tag.size() > 1 && tag[1] == '/') {
        t.closing = true;
        b = 2;
    }
    std::size_t e = b;
    while (e < tag.size() && ((tag[e] >= 'a' && tag[e] <= 'z') || (tag[e] >= '0' && tag[e] <= '9'))) ++e;
    t.name = tag.substr(b, e - b);
    t.self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    return t;
}

// Links the first uses of terms in html[begin, end), a run of text: what
// precedes each link and has not been copied yet (from `copied` on) is
// appended to `out` in one piece, then the link. `matches` is scratch room.
void link_first_uses(std::string& out, std::string_view html, std::size_t begin, std::size_t end,
                     std::size_t& copied, TermLinker& linker, std::vector<GlossaryMatcher::Match>& matches) {
    linker.matcher().find_all(html.substr(begin, end - begin), matches);
    for (const GlossaryMatcher::Match& m : matches) {
        if (!linker.first_use(m.term)) continue;
        const std::size_t at = begin + m.begin;
        out.append(html, copied, at - copied);
        out += term_link_open(linker, m.term);
        out.append(html, at, m.length);
        out += "</a>";
        copied = at + m.length;
    }
}

}  // namespace

std::string term_link_open(const TermLinker& linker, std::size_t term) {
    const GlossaryTerm& t = linker.glossary().terms.at(term);
    const std::string href = linker.href_prefix() + "glossary/" + *t.id + "/index.html";
    const std::string title = t.name.has() ? *t.name : *t.id;
    return "<a class=\"term\" href=\"" + escape_html(href) + "\" title=\"" + escape_html(title) + "\">";
}

std::string link_terms_in_html(std::string_view html, TermLinker& linker) {
    if (linker.matcher().empty()) return std::string(html);
    std::string out;
    out.reserve(html.size() + html.size() / 16);
    // The output is the input with links inserted: html[0, copied) is in
    // `out` already, and the rest is copied up to each link as it is made.
    std::size_t copied = 0;
    std::vector<GlossaryMatcher::Match> matches;
    int no_link_depth = 0;  // open elements whose text is not linked
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t lt = std::min(html.find('<', i), html.size());
        if (no_link_depth == 0 && lt > i) link_first_uses(out, html, i, lt, copied, linker, matches);
        if (lt == html.size()) break;
        const bool comment = is_comment_at(html, lt);
        std::size_t gt = comment ? html.find("-->", lt) : html.find('>', lt);
        gt = gt == std::string_view::npos ? html.size() : gt + (comment ? 3 : 1);
        i = gt;
        if (comment) continue;
        const Tag t = parse_tag(html.substr(lt, gt - lt));
        if (!is_no_link(t.name) || t.self_closing) continue;
        no_link_depth += t.closing ? -1 : 1;
        if (no_link_depth < 0) no_link_depth = 0;
    }
    out.append(html, copied, std::string_view::npos);
    return out;
}

}  // namespace gk
