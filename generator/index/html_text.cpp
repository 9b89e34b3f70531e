#include "index/html_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace gk {

namespace {

// Appends code points with whitespace collapsed, and records field spans.
class TextBuilder {
public:
    explicit TextBuilder(PageText& out) : out_(out) {}

    void boundary() { pending_space_ = true; }

    void add(char32_t c, Field field) {
        if (char_class(c) == CharClass::space) {
            pending_space_ = true;
            return;
        }
        const std::uint32_t pos = start_text();
        append_utf8(out_.text, c);
        out_.length16 += utf16_length(c);
        end_text(pos, field);
    }
    // Appends `n` bytes that are the UTF-8 of `units` code points, none of
    // them a space, each one UTF-16 unit: the same as adding them one by one.
    void add_run(const char* bytes, std::size_t n, std::uint32_t units, Field field) {
        const std::uint32_t pos = start_text();
        out_.text.append(bytes, n);
        out_.length16 += units;
        end_text(pos, field);
    }
    // Ends the current span, so that two headings stay two spans.
    void close_span() { open_span_ = false; }

private:
    // The space a boundary left pending, then where the new text starts.
    std::uint32_t start_text() {
        if (pending_space_ && !out_.text.empty()) {
            out_.text += ' ';
            ++out_.length16;
        }
        pending_space_ = false;
        return out_.length16;
    }
    // Extends the open span of `field`, or opens one, over text from `pos`.
    void end_text(std::uint32_t pos, Field field) {
        if (field == Field::body) return;
        if (!out_.spans.empty() && out_.spans.back().field == field && open_span_)
            out_.spans.back().end = out_.length16;
        else
            out_.spans.push_back({pos, out_.length16, field});
        open_span_ = true;
    }

    PageText& out_;
    bool pending_space_ = false;
    bool open_span_ = false;
};

inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view prefix) {
    if (at + prefix.size() > s.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(s[at + i]) != prefix[i]) return false;
    }
    return true;
}

// The first case-insensitive occurrence of `needle` (lower case, starting
// with '<') at or after `from`.
std::size_t find_ci(std::string_view s, std::size_t from, std::string_view needle) {
    while (from + needle.size() <= s.size()) {
        const void* lt = std::memchr(s.data() + from, needle[0], s.size() - from);
        if (!lt) break;
        const std::size_t i = static_cast<std::size_t>(static_cast<const char*>(lt) - s.data());
        if (starts_with_ci(s, i, needle)) return i;
        from = i + 1;
    }
    return std::string_view::npos;
}

// Byte classes for the tag scanner, looked up: it runs over every byte of
// every tag of every page.
enum : std::uint8_t { kNameChar = 1, kTagStop = 2 };  // a tag name's; '>' and quotes
constexpr auto kByteClass = [] {
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') table[c] = kNameChar;
        if (c == '>' || c == '"' || c == '\'') table[c] = kTagStop;
    }
    return table;
}();

inline bool is_name_char(char c) { return kByteClass[static_cast<unsigned char>(c)] & kNameChar; }

// A tag, viewed in the page: nothing is copied but a name with upper-case
// letters, which is lower-cased into `buf`.
struct Tag {
    std::string_view name;  // lower case
    bool end = false;
    bool self_closing = false;
    std::string_view attributes;  // raw text between the name and '>'
    std::size_t after = 0;        // index just past '>'
    char buf[16];
};

// Parses the tag starting at html[at] == '<'. Returns false when it is not a tag.
bool parse_tag(std::string_view html, std::size_t at, Tag& tag) {
    std::size_t i = at + 1;
    tag.end = i < html.size() && html[i] == '/';
    if (tag.end) ++i;
    const std::size_t name_start = i;
    bool upper = false;
    while (i < html.size() && is_name_char(html[i])) {
        upper |= html[i] >= 'A' && html[i] <= 'Z';
        ++i;
    }
    if (i == name_start) return false;
    tag.name = html.substr(name_start, i - name_start);
    // A longer name is none of those the extractor looks for, in any case.
    if (upper && tag.name.size() <= sizeof tag.buf) {
        for (std::size_t k = 0; k < tag.name.size(); ++k) tag.buf[k] = lower(tag.name[k]);
        tag.name = std::string_view(tag.buf, tag.name.size());
    }
    const std::size_t attrs_start = i;
    const char* const data = html.data();
    while (i < html.size()) {
        const char c = data[i];
        if (!(kByteClass[static_cast<unsigned char>(c)] & kTagStop)) {
            ++i;
            continue;
        }
        if (c == '>') break;
        const void* close = std::memchr(data + i + 1, c, html.size() - i - 1);  // a quoted value
        i = close ? static_cast<std::size_t>(static_cast<const char*>(close) - data) + 1 : html.size();
    }
    tag.attributes = html.substr(attrs_start, i - attrs_start);
    tag.self_closing = !tag.attributes.empty() && tag.attributes.back() == '/';
    tag.after = std::min(i + 1, html.size());
    return true;
}

bool has_class(std::string_view attributes, std::string_view cls) {
    const std::size_t at = attributes.find("class=");
    if (at == std::string_view::npos) return false;
    std::size_t i = at + 6;
    if (i >= attributes.size()) return false;
    const char quote = attributes[i];
    const std::size_t end = (quote == '"' || quote == '\'') ? attributes.find(quote, ++i) : attributes.find(' ', i);
    const std::string_view value = attributes.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    for (std::size_t p = 0; p <= value.size();) {
        std::size_t q = value.find(' ', p);
        if (q == std::string_view::npos) q = value.size();
        if (value.substr(p, q - p) == cls) return true;
        p = q + 1;
    }
    return false;
}

// Whether the attributes name `name` as an attribute (not inside a quoted
// value: an escaped title="data-search-skip" is text, not a mark). Most
// tags have no such text at all, which one find() tells.
bool has_attribute(std::string_view attributes, std::string_view name) {
    if (attributes.find(name) == std::string_view::npos) return false;
    for (std::size_t i = 0; i < attributes.size();) {
        const char c = attributes[i];
        if (c == '"' || c == '\'') {
            const std::size_t close = attributes.find(c, i + 1);
            if (close == std::string_view::npos) return false;
            i = close + 1;
            continue;
        }
        if (!is_name_char(c)) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < attributes.size() && is_name_char(attributes[i])) ++i;
        if (attributes.substr(start, i - start) == name) return true;
    }
    return false;
}

// What the extractor does with an element, from its (lower-case) name.
enum class TagKind : std::uint8_t { block, inline_, heading, skipped, nav, main };

// One switch on the length instead of a comparison with every name: this
// runs for every tag of every page. Inline: a abbr b bdi bdo cite code data
// del dfn em i ins kbd mark q s samp small span strong sub sup time u var
// wbr; skipped: svg script style template.
TagKind tag_kind(std::string_view n) {
    const auto either = [](bool yes) { return yes ? TagKind::inline_ : TagKind::block; };
    switch (n.size()) {
    case 1: return either(n[0] == 'a' || n[0] == 'b' || n[0] == 'i' || n[0] == 'q' || n[0] == 's' || n[0] == 'u');
    case 2:
        if (n[0] == 'h' && n[1] >= '1' && n[1] <= '6') return TagKind::heading;
        return either(n == "em");
    case 3:
        if (n == "svg") return TagKind::skipped;
        if (n == "nav") return TagKind::nav;
        return either(n == "bdi" || n == "bdo" || n == "del" || n == "dfn" || n == "ins" || n == "kbd" || n == "sub" ||
                      n == "sup" || n == "var" || n == "wbr");
    case 4:
        if (n == "main") return TagKind::main;
        return either(n == "abbr" || n == "cite" || n == "code" || n == "data" || n == "mark" || n == "samp" ||
                      n == "span" || n == "time");
    case 5:
        if (n == "style") return TagKind::skipped;
        return either(n == "small");
    case 6:
        if (n == "script") return TagKind::skipped;
        return either(n == "strong");
    case 8: return n == "template" ? TagKind::skipped : TagKind::block;
    default: return TagKind::block;
    }
}

// What the extractor does at a tag, which depends on the tag's bytes alone.
struct TagFacts {
    std::uint8_t length = 0;  // from '<' to '>', both included
    TagKind kind = TagKind::block;
    bool end = false;
};

// The facts of tags already seen, by their bytes: a page's thousands of
// tags are a few dozen strings (`<td class="num">`, `</td>`, `<tr>` …),
// each parsed once instead of every time. A tag that opens an element
// skipped with its content is never remembered (the extractor reads on
// past it, which the facts do not say), nor one longer than kBytes.
class TagMemo {
public:
    static constexpr std::size_t kBytes = 32;
    // The facts of the tag at html[at] == '<', if its bytes were seen.
    const TagFacts* find(std::string_view html, std::size_t at) const {
        if (html.size() - at < kBytes) return nullptr;  // (too near the end to compare at once)
        const char* p = html.data() + at;
        const Slot& slot = slots_[slot_of(p)];
        if (slot.facts.length == 0) return nullptr;
        for (std::size_t w = 0; w < kWords; ++w)
            if ((load(p + 8 * w) ^ slot.words[w]) & slot.masks[w]) return nullptr;
        return &slot.facts;
    }
    void remember(std::string_view html, std::size_t at, const TagFacts& facts) {
        if (facts.length == 0 || facts.length > kBytes || html.size() - at < kBytes) return;
        const char* p = html.data() + at;
        Slot& slot = slots_[slot_of(p)];
        for (std::size_t w = 0; w < kWords; ++w) {
            const std::size_t bytes = std::min<std::size_t>(8, std::max<std::size_t>(8 * w, facts.length) - 8 * w);
            slot.masks[w] = bytes == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1;
            slot.words[w] = load(p + 8 * w) & slot.masks[w];
        }
        slot.facts = facts;
    }

private:
    static constexpr std::size_t kWords = kBytes / 8, kSlots = 256;
    struct Slot {
        std::uint64_t words[kWords] = {};
        std::uint64_t masks[kWords] = {};  // the tag's bytes in each word
        TagFacts facts;                     // length 0: empty
    };
    static std::uint64_t load(const char* p) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        return v;
    }
    // By the four bytes after '<' (every tag has them: '>' at the latest).
    static std::size_t slot_of(const char* p) {
        std::uint32_t v;
        std::memcpy(&v, p + 1, 4);
        return (v * 0x9E3779B1u) >> 24;
    }
    std::array<Slot, kSlots> slots_{};
};

// Decodes the character reference at html[i] == '&' (advancing i); the
// generator escapes only & < > " ' but Markdown output has numeric ones too.
char32_t decode_entity(std::string_view html, std::size_t& i) {
    const std::size_t semi = html.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
        ++i;
        return '&';
    }
    const std::string_view name = html.substr(i + 1, semi - i - 1);
    char32_t c = 0;
    if (name == "amp") c = '&';
    else if (name == "lt") c = '<';
    else if (name == "gt") c = '>';
    else if (name == "quot") c = '"';
    else if (name == "apos") c = '\'';
    else if (name == "nbsp") c = 0xA0;
    else if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        for (std::size_t k = hex ? 2 : 1; k < name.size(); ++k) {
            const char d = name[k];
            int v = -1;
            if (d >= '0' && d <= '9') v = d - '0';
            else if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
            else if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
            if (v < 0 || c > 0x10FFFF) {
                c = 0xFFFD;
                break;
            }
            c = c * (hex ? 16 : 10) + static_cast<char32_t>(v);
        }
        if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    } else {
        ++i;
        return '&';
    }
    i = semi + 1;
    return c;
}

// Index just past the element that the start tag `tag` opens (nested
// elements of the same name included).
std::size_t skip_element(std::string_view html, const Tag& tag) {
    if (tag.self_closing) return tag.after;
    if (tag.name == "script" || tag.name == "style") {
        const std::size_t end = find_ci(html, tag.after, "</" + std::string(tag.name));
        if (end == std::string_view::npos) return html.size();
        const std::size_t close = html.find('>', end);
        return close == std::string_view::npos ? html.size() : close + 1;
    }
    int depth = 1;
    std::size_t i = tag.after;
    while (depth > 0) {
        i = html.find('<', i);
        if (i == std::string_view::npos) return html.size();
        Tag inner;
        if (!parse_tag(html, i, inner)) {
            ++i;
            continue;
        }
        if (inner.name == tag.name && !inner.self_closing) depth += inner.end ? -1 : 1;
        i = inner.after;
    }
    return i;
}

// The end of the run of plain text at html[i]: printable ASCII but '&'
// and '<', and valid three-byte sequences of U+3001..U+FEFE (CJK, full-width
// punctuation: characters, never spaces, one UTF-16 unit each), copied as
// they are; `units` counts their code points.
std::size_t plain_run(std::string_view html, std::size_t i, std::size_t end, std::uint32_t& units) {
    const auto* s = reinterpret_cast<const unsigned char*>(html.data());
    std::uint32_t n = 0;
    while (i < end) {
        const unsigned char b = s[i];
        if (b < 0x80) {
            if (b <= 0x20 || b == '&' || b == '<') break;
            ++i, ++n;
            continue;
        }
        // As next_code_point decodes it: the sequence is whole within the page.
        if (i + 2 >= html.size()) break;
        const unsigned char b1 = s[i + 1], b2 = s[i + 2];
        // 1110xxxx 10xxxxxx 10xxxxxx, tested at once.
        const std::uint32_t bytes = b | (std::uint32_t{b1} << 8) | (std::uint32_t{b2} << 16);
        if ((bytes & 0xC0C0F0u) != 0x8080E0u) break;
        const char32_t c = (char32_t{b & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
        if (c <= 0x3000 || c >= 0xFEFF || (c >= 0xD800 && c <= 0xDFFF)) break;
        i += 3, ++n;
    }
    units = n;
    return i;
}

// Adds the text from html[begin] up to `end` or the first '<' before it,
// and returns where it stopped. The text between tags is read once, not
// searched for '<' first (most of it is short: a cell's figure, the line
// break and indentation between two tags).
std::size_t add_text(std::string_view html, std::size_t begin, std::size_t end, Field field, TextBuilder& out) {
    std::size_t i = begin;
    while (i < end) {
        std::uint32_t units = 0;
        const std::size_t run_end = plain_run(html, i, end, units);
        if (run_end > i) {
            out.add_run(html.data() + i, run_end - i, units, field);
            i = run_end;
            continue;
        }
        const char b = html[i];
        if (b == '<') break;
        if (b == ' ' || b == '\n') {  // the layout's line breaks and indentation
            out.boundary();
            ++i;
            continue;
        }
        const char32_t c = b == '&' ? decode_entity(html, i) : next_code_point(html, i);
        out.add(c, field);
    }
    return i;
}

// All the text from html[begin] to `end`, a '<' included.
void add_all_text(std::string_view html, std::size_t begin, std::size_t end, Field field, TextBuilder& out) {
    for (std::size_t i = add_text(html, begin, end, field, out); i < end; i = add_text(html, i + 1, end, field, out))
        out.add('<', field);
}

}  // namespace

std::string normalize_space(std::string_view text) {
    PageText page;
    TextBuilder builder(page);
    for (std::size_t i = 0; i < text.size();) builder.add(next_code_point(text, i), Field::body);
    return page.text;
}

PageText extract_page_text(std::string_view html, std::string_view title_suffix, bool remember_tags) {
    PageText page;
    const std::size_t title_at = find_ci(html, 0, "<title");
    if (title_at != std::string_view::npos) {
        Tag tag;
        if (parse_tag(html, title_at, tag)) {
            std::size_t end = find_ci(html, tag.after, "</title");
            if (end == std::string_view::npos) end = tag.after;
            PageText title;
            TextBuilder title_builder(title);
            add_all_text(html, tag.after, end, Field::body, title_builder);
            page.title = title.text;
            const std::string suffix = normalize_space(title_suffix);
            // The suffix starts with a space, which normalisation dropped.
            if (!suffix.empty() && page.title.size() > suffix.size() && page.title.ends_with(suffix)) {
                page.title.resize(page.title.size() - suffix.size());
                while (!page.title.empty() && page.title.back() == ' ') page.title.pop_back();
            }
        }
    }
    // The text is never longer than the page (a tag or an entity gives at
    // most as many bytes as it takes), so it grows once.
    page.text.reserve(html.size() + 1);
    TextBuilder out(page);
    for (std::size_t i = 0; i < page.title.size();) out.add(next_code_point(page.title, i), Field::title);
    out.close_span();
    out.boundary();

    std::size_t i = find_ci(html, 0, "<main");
    if (i == std::string_view::npos) return page;
    Tag main_tag;
    if (!parse_tag(html, i, main_tag)) return page;
    i = main_tag.after;
    int heading_depth = 0;
    static thread_local TagMemo memo;
    while (i < html.size()) {
        const std::size_t lt = add_text(html, i, html.size(), heading_depth > 0 ? Field::heading : Field::body, out);
        if (lt == html.size()) break;
        if (lt + 1 < html.size() && html[lt + 1] == '!' && html.compare(lt, 4, "<!--") == 0) {
            const std::size_t close = html.find("-->", lt + 4);
            i = close == std::string_view::npos ? html.size() : close + 3;
            continue;
        }
        TagFacts facts;
        std::size_t after;  // just past the tag's '>'
        if (const TagFacts* known = remember_tags ? memo.find(html, lt) : nullptr) {
            facts = *known;
            after = lt + facts.length;
        } else {
            Tag tag;
            if (!parse_tag(html, lt, tag)) {
                out.add('<', heading_depth > 0 ? Field::heading : Field::body);
                i = lt + 1;
                continue;
            }
            const TagKind kind = tag_kind(tag.name);
            // Skipped with what is in them: charts and scripts, the table of
            // contents (it repeats the headings), and whatever the theme marks
            // with data-search-skip (text that repeats other pages' text).
            if (!tag.end && (kind == TagKind::skipped || (kind == TagKind::nav && has_class(tag.attributes, "toc")) ||
                             has_attribute(tag.attributes, "data-search-skip"))) {
                i = skip_element(html, tag);
                out.boundary();
                continue;
            }
            after = tag.after;
            // Remembered when short and closed by its '>' before the page's
            // end (a tag that runs to the end, its '>' missing or inside an
            // unclosed quote, depends on where the page ends).
            if (remember_tags && after - lt <= TagMemo::kBytes && after < html.size())
                memo.remember(html, lt, {static_cast<std::uint8_t>(after - lt), kind, tag.end});
            facts = {0, kind, tag.end};
        }
        if (facts.kind == TagKind::main && facts.end) break;
        i = after;
        if (facts.kind == TagKind::heading) {
            heading_depth = std::max(0, heading_depth + (facts.end ? -1 : 1));
            out.close_span();
        }
        if (facts.kind != TagKind::inline_) out.boundary();
    }
    return page;
}

}  // namespace gk
