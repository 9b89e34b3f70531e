// Markdown → HTML through cmark-gfm's parser API, in safe mode. The parsed
// tree is edited before rendering: glossary terms are wrapped in links, and
// each heading is replaced by a custom block that carries its id.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "render/html.h"
#include "render/markdown.h"
#include "render/term_links.h"

namespace gk {

namespace {

// Safe mode (no CMARK_OPT_UNSAFE): raw HTML is omitted and javascript:,
// vbscript:, file: and non-image data: URLs become empty. No SMART: it would
// change the quotes in glossary names and in the table of contents.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

struct ParserFree {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
    void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserFree>;
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using IterPtr = std::unique_ptr<cmark_iter, IterFree>;

// cmark-gfm 0.29.0.gfm.6 switches the extensions' special characters on and
// off in a process-wide table during every parse, so parses running at the
// same time on two threads corrupt each other (autolinks and strikethrough
// come and go). Parsing is serialized; tree edits and rendering are not.
std::mutex& parse_mutex() {
    static std::mutex mutex;
    return mutex;
}

ParserPtr new_parser() {
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    ParserPtr parser(cmark_parser_new(kOptions));
    if (!parser) throw std::bad_alloc();
    for (const char* name : kExtensions) {
        cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
        if (!extension) throw std::runtime_error(std::string("cmark-gfm extension missing: ") + name);
        cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
    return parser;
}

std::string literal_of(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    return literal ? literal : "";
}

cmark_node* new_text(std::string_view text) {
    cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(node, std::string(text).c_str());
    return node;
}

// Custom nodes are emitted verbatim even in safe mode: everything put in
// on_enter/on_exit must be escaped here.
cmark_node* new_custom(cmark_node_type type, const std::string& on_enter, const std::string& on_exit) {
    cmark_node* node = cmark_node_new(type);
    cmark_node_set_on_enter(node, on_enter.c_str());
    cmark_node_set_on_exit(node, on_exit.c_str());
    return node;
}

// ---- glossary terms ----------------------------------------------------

cmark_node* new_term_link(const TermLinker& linker, std::size_t term, std::string_view text) {
    cmark_node* link = new_custom(CMARK_NODE_CUSTOM_INLINE, term_link_open(linker, term), "</a>");
    cmark_node_append_child(link, new_text(text));
    return link;
}

// cmark-gfm's table extension lets a cell hold only its own list of inline
// types (no custom nodes, even through cmark_node_set_type), so a term in a
// table cell stays plain text and is linked at its next use instead.
bool can_hold_term_link(cmark_node* text) {
    cmark_node* probe = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
    const bool fits = cmark_node_insert_after(text, probe) != 0;
    cmark_node_free(probe);  // unlinks it when it was inserted
    return fits;
}

// Splits `text` around the first uses of terms found in it.
void link_terms_in(cmark_node* text, TermLinker& linker) {
    const std::string literal = literal_of(text);
    const auto matches = linker.matcher().find_all(literal);
    if (matches.empty() || !can_hold_term_link(text)) return;
    cmark_node* last = text;
    std::size_t done = 0;  // bytes of `literal` already placed
    bool split = false;
    for (const auto& match : matches) {
        if (!linker.first_use(match.term)) continue;
        if (!split) {
            cmark_node_set_literal(text, literal.substr(0, match.begin).c_str());
            split = true;
        } else if (match.begin > done) {
            cmark_node* between = new_text(std::string_view(literal).substr(done, match.begin - done));
            cmark_node_insert_after(last, between);
            last = between;
        }
        cmark_node* link = new_term_link(linker, match.term, std::string_view(literal).substr(match.begin, match.length));
        cmark_node_insert_after(last, link);
        last = link;
        done = match.begin + match.length;
    }
    if (!split) return;
    if (done < literal.size()) cmark_node_insert_after(last, new_text(std::string_view(literal).substr(done)));
    if (cmark_node_get_literal(text)[0] == '\0') cmark_node_free(text);  // unlinks it too
}

// Text inside links, images (alt text), headings and our own custom nodes is
// never linked; code, code blocks and raw HTML hold no text nodes at all.
bool blocks_term_links(cmark_node_type type) {
    return type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_HEADING ||
           type == CMARK_NODE_CUSTOM_INLINE || type == CMARK_NODE_CUSTOM_BLOCK;
}

void link_terms(cmark_node* doc, TermLinker& linker) {
    if (linker.matcher().empty()) return;
    // cmark splits text at characters its inline parsers look at ('&', '!',
    // ':', 'w' for autolinks...): merge the pieces so whole terms are seen.
    cmark_consolidate_text_nodes(doc);
    std::vector<cmark_node*> texts;  // in document order: first use is textual order
    {
        IterPtr iter(cmark_iter_new(doc));
        int blocked = 0;
        for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            const cmark_node_type type = cmark_node_get_type(node);
            if (blocks_term_links(type)) {
                blocked += ev == CMARK_EVENT_ENTER ? 1 : -1;
            } else if (type == CMARK_NODE_TEXT && blocked == 0) {
                texts.push_back(node);
            }
        }
    }
    for (cmark_node* text : texts) link_terms_in(text, linker);
}

// ---- headings ----------------------------------------------------------

// Plain text of a heading: text and code literals, including those inside
// emphasis; raw HTML is dropped and line breaks become spaces.
std::string heading_text(cmark_node* heading) {
    std::string text;
    IterPtr iter(cmark_iter_new(heading));
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE: text += literal_of(node); break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: text += ' '; break;
            default: break;
        }
    }
    return text;
}

class HeadingIds {
public:
    std::string unique(const std::string& base) {
        if (taken_.insert(base).second) return base;
        // Resume from the last suffix tried for this base, so n equal
        // headings cost O(n), not O(n²).
        int& suffix = next_suffix_.try_emplace(base, 2).first->second;
        std::string id;
        do {
            id = base + "-" + std::to_string(suffix++);
        } while (!taken_.insert(id).second);
        return id;
    }

private:
    std::unordered_set<std::string> taken_;
    std::unordered_map<std::string, int> next_suffix_;
};

// cmark-gfm cannot put attributes on a heading, so each heading is replaced
// by an empty custom block (a block, so paragraphs around it still close)
// holding a custom inline that prints `<hN id="...">` around the heading's
// inline children; a custom block's own on_enter/on_exit would be printed
// on lines of their own. The old heading owns the buffer those children's
// literals point into: it goes to `detached` and must outlive rendering.
std::vector<Heading> rewrite_headings(cmark_node* doc, const MarkdownOptions& options,
                                      std::vector<NodePtr>& detached) {
    std::vector<cmark_node*> nodes;
    {
        IterPtr iter(cmark_iter_new(doc));
        for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) nodes.push_back(node);
        }
    }
    // The shallowest heading the author wrote ("#" or "##" alike) becomes
    // level 1 + heading_shift: no level is skipped below the page's own.
    int top = 6;
    for (cmark_node* node : nodes) top = std::min(top, cmark_node_get_heading_level(node));
    const int shift = options.heading_shift - (top - 1);
    std::vector<Heading> headings;
    headings.reserve(nodes.size());
    HeadingIds ids;
    for (cmark_node* node : nodes) {
        Heading h;
        h.level = std::clamp(cmark_node_get_heading_level(node) + shift, 1, 6);
        h.text = heading_text(node);
        h.id = ids.unique(options.id_prefix + slugify_heading(h.text));
        const std::string tag = "h" + std::to_string(h.level);
        cmark_node* block = new_custom(CMARK_NODE_CUSTOM_BLOCK, "", "");
        cmark_node* inline_heading = new_custom(CMARK_NODE_CUSTOM_INLINE,
                                                "<" + tag + " id=\"" + escape_html(h.id) + "\">", "</" + tag + ">");
        cmark_node_append_child(block, inline_heading);
        cmark_node_insert_before(node, block);
        while (cmark_node* child = cmark_node_first_child(node)) cmark_node_append_child(inline_heading, child);
        cmark_node_unlink(node);
        detached.emplace_back(node);
        headings.push_back(std::move(h));
    }
    return headings;
}

// ---- slugs -------------------------------------------------------------

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at `i` strictly (no overlongs, surrogates or values
// past U+10FFFF); an invalid byte decodes as kInvalid with length 1.
char32_t decode_utf8(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return s[i++];
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (lead > 0xF4 || length == 0 || i + length > s.size()) {
        ++i;
        return kInvalid;
    }
    char32_t cp = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return kInvalid;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    const char32_t min = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kInvalid;
    }
    i += length;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
}

// Without a Unicode database, non-ASCII characters count as letters except
// the blocks of punctuation, spaces and symbols that turn up in Chinese
// headings (，。、（）“”《》： …, ideographic space, emoji).
bool is_separator(char32_t cp) {
    if (cp == kInvalid) return true;
    if (cp < 0xC0) return true;  // ASCII is handled by the caller; C1 controls, Latin-1 punctuation
    if (cp == 0xD7 || cp == 0xF7 || cp == 0x1680 || cp == 0x180E) return true;
    if (cp >= 0x2000 && cp <= 0x2BFF) return true;  // punctuation, symbols, arrows, shapes, ①
    if (cp >= 0x2E00 && cp <= 0x2E7F) return true;  // supplemental punctuation
    if (cp >= 0x3000 && cp <= 0x303F) return !(cp >= 0x3005 && cp <= 0x3007) && !(cp >= 0x3021 && cp <= 0x3029);
    if (cp >= 0xE000 && cp <= 0xF8FF) return true;  // private use
    if (cp >= 0xFE00 && cp <= 0xFE6F) return true;  // variation selectors, vertical and small forms
    if (cp == 0xFEFF) return true;
    if (cp >= 0xFF00 && cp <= 0xFF65) return true;  // full-width punctuation (letters are folded first)
    if (cp >= 0xFFE0) return true;                  // full-width signs, specials, U+FFFD
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;  // emoji and pictographs
    return cp >= 0xF0000;                             // private use planes
}

// cmark-gfm aligns table columns with align="..." on <th> and <td>, which
// HTML5 made obsolete. A class instead (the theme's style sheet aligns it),
// not a style attribute, so a strict Content-Security-Policy still holds. The
// exact tags come only from the table renderer: in safe mode the text's "<"
// and attribute values' quotes are escaped.
void align_with_classes(std::string& html) {
    static constexpr std::pair<std::string_view, std::string_view> kTags[] = {
        {"<th align=\"left\">", "<th class=\"align-left\">"},
        {"<th align=\"center\">", "<th class=\"align-center\">"},
        {"<th align=\"right\">", "<th class=\"align-right\">"},
        {"<td align=\"left\">", "<td class=\"align-left\">"},
        {"<td align=\"center\">", "<td class=\"align-center\">"},
        {"<td align=\"right\">", "<td class=\"align-right\">"},
    };
    if (html.find(" align=\"") == std::string::npos) return;
    for (const auto& [from, to] : kTags) {
        for (std::size_t at = html.find(from); at != std::string::npos; at = html.find(from, at + to.size())) {
            html.replace(at, from.size(), to);
        }
    }
}

}  // namespace

std::string slugify_heading(std::string_view text) {
    std::string slug;
    bool pending_dash = false;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = decode_utf8(text, i);
        // Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) fold to ASCII.
        if (cp >= 0xFF10 && cp <= 0xFF19) cp = U'0' + (cp - 0xFF10);
        if (cp >= 0xFF21 && cp <= 0xFF3A) cp = U'a' + (cp - 0xFF21);
        if (cp >= 0xFF41 && cp <= 0xFF5A) cp = U'a' + (cp - 0xFF41);
        const bool ascii_word = cp < 0x80 && ((cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') ||
                                              (cp >= U'A' && cp <= U'Z'));
        if (cp < 0x80 ? !ascii_word : is_separator(cp)) {
            pending_dash = true;
            continue;
        }
        if (pending_dash && !slug.empty()) slug += '-';
        pending_dash = false;
        if (cp < 0x80) {
            slug += static_cast<char>(cp >= U'A' && cp <= U'Z' ? cp - U'A' + U'a' : cp);
        } else {
            append_utf8(slug, cp);
        }
    }
    return slug.empty() ? "section" : slug;
}

MarkdownResult render_markdown(std::string_view markdown, const MarkdownOptions& options) {
    ParserPtr parser = new_parser();
    std::vector<NodePtr> detached;  // declared before `doc`: freed after it
    NodePtr doc;
    {
        std::lock_guard<std::mutex> lock(parse_mutex());
        cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
        doc.reset(cmark_parser_finish(parser.get()));
    }
    if (!doc) throw std::bad_alloc();

    if (options.linker) link_terms(doc.get(), *options.linker);
    MarkdownResult result;
    result.headings = rewrite_headings(doc.get(), options, detached);

    char* html = cmark_render_html(doc.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get()));
    if (!html) throw std::bad_alloc();
    result.html = html;
    std::free(html);
    align_with_classes(result.html);
    return result;
}

}  // namespace gk
