#include "render/html.h"

#include <algorithm>

namespace gk {

namespace {

bool is_html_special(char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; }

// The first position at or after `from` that holds `a` or `b`, or the size.
// (string_view::find_first_of calls memchr over the set for every byte.)
std::size_t find_either(std::string_view text, std::size_t from, char a, char b) {
    while (from < text.size() && text[from] != a && text[from] != b) ++from;
    return from;
}

}  // namespace

void append_escaped_html(std::string& out, std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        // Runs without a special character are appended at once.
        std::size_t special = i;
        while (special < text.size() && !is_html_special(text[special])) ++special;
        out.append(text, i, special - i);
        if (special == text.size()) break;
        switch (text[special]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += "&#39;"; break;
        }
        i = special + 1;
    }
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped_html(out, text);
    return out;
}

namespace {

// The length of the entity at html[i] and the character it stands for, or
// 0 when there is none that gongkai writes.
std::size_t entity_at(std::string_view html, std::size_t i, char& decoded) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
    for (const auto& [entity, ch] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
            decoded = ch;
            return entity.size();
        }
    }
    return 0;
}

// Equality of short names, compared in place: string_view's == calls
// memcmp, and this runs for every tag of every page.
bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k] != b[k]) return false;
    }
    return true;
}

// Tags inside a line of text: a word split by one stays one word.
bool is_inline_tag(std::string_view tag) {
    std::size_t b = tag.starts_with("</") ? 2 : 1, e = b;
    while (e < tag.size() && ((tag[e] >= 'a' && tag[e] <= 'z') || (tag[e] >= '0' && tag[e] <= '9'))) ++e;
    const std::string_view n = tag.substr(b, e - b);
    // a abbr b code del em i mark s small span strong sub sup time, chosen
    // by length first: this runs for every tag of every page.
    switch (n.size()) {
        case 1: return n[0] == 'a' || n[0] == 'b' || n[0] == 'i' || n[0] == 's';
        case 2: return same_name(n, "em");
        case 3: return same_name(n, "del") || same_name(n, "sub") || same_name(n, "sup");
        case 4: return same_name(n, "abbr") || same_name(n, "code") || same_name(n, "mark") || same_name(n, "span") ||
                       same_name(n, "time");
        case 5: return same_name(n, "small");
        case 6: return same_name(n, "strong");
        default: return false;
    }
}

}  // namespace

std::string unescape_html(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        char decoded = 0;
        if (const std::size_t length = html[i] == '&' ? entity_at(html, i, decoded) : 0) {
            out += decoded;
            i += length;
        } else {
            out += html[i++];
        }
    }
    return out;
}

namespace {

// Walks the text of `html` as a reader sees it: `visit.text(run)` for each
// run of text (an entity as the one character it stands for),
// `visit.block()` at each tag that breaks the line and each comment; stops
// as soon as either returns false.
template <class Visit>
void walk_visible(std::string_view html, Visit& visit) {
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            const bool comment = i + 3 < html.size() && html[i + 1] == '!' && html[i + 2] == '-' && html[i + 3] == '-';
            const std::size_t end = comment ? html.find("-->", i + 4) : html.find('>', i + 1);
            if (end == std::string_view::npos) return;
            const bool block = comment || !is_inline_tag(html.substr(i, end - i));
            if (block && !visit.block()) return;
            i = end + (comment ? 3 : 1);
            continue;
        }
        char decoded = 0;
        if (const std::size_t length = c == '&' ? entity_at(html, i, decoded) : 0) {
            if (!visit.text(std::string_view(&decoded, 1))) return;
            i += length;
            continue;
        }
        // Plain text up to the next tag or entity, at once.
        const std::size_t next = find_either(html, i + 1, '<', '&');
        if (!visit.text(html.substr(i, next - i))) return;
        i = next;
    }
}

}  // namespace

std::string visible_text(std::string_view html) {
    struct Collect {
        std::string out;
        bool block() {
            if (!out.empty() && out.back() != ' ') out += ' ';
            return true;
        }
        bool text(std::string_view run) {
            out.append(run);
            return true;
        }
    } collect;
    collect.out.reserve(html.size() / 2);
    walk_visible(html, collect);
    return std::move(collect.out);
}

bool shows_text(std::string_view html) {
    struct Find {
        bool found = false;
        bool block() { return true; }
        bool text(std::string_view run) {
            found = run.find_first_not_of(" \t\r\n") != std::string_view::npos;
            return !found;
        }
    } find;
    walk_visible(html, find);
    return find.found;
}

}  // namespace gk
