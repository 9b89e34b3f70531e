#include "render/html.h"

namespace gk {

void append_escaped_html(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped_html(out, text);
    return out;
}

namespace {

// Tags inside a line of text: a word split by one stays one word.
bool is_inline_tag(std::string_view tag) {
    std::size_t b = tag.starts_with("</") ? 2 : 1, e = b;
    while (e < tag.size() && ((tag[e] >= 'a' && tag[e] <= 'z') || (tag[e] >= '0' && tag[e] <= '9'))) ++e;
    const std::string_view name = tag.substr(b, e - b);
    for (std::string_view inline_name : {"a", "abbr", "b", "code", "del", "em", "i", "mark", "s", "small", "span",
                                         "strong", "sub", "sup", "time"}) {
        if (name == inline_name) return true;
    }
    return false;
}

}  // namespace

std::string visible_text(std::string_view html) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    out.reserve(html.size() / 2);
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            const bool comment = html.substr(i, 4) == "<!--";
            const std::size_t end = comment ? html.find("-->", i + 4) : html.find('>', i + 1);
            if (end == std::string_view::npos) break;
            const bool block = comment || !is_inline_tag(html.substr(i, end - i));
            if (block && !out.empty() && out.back() != ' ') out += ' ';
            i = end + (comment ? 3 : 1);
            continue;
        }
        if (c == '&') {
            bool decoded = false;
            for (const auto& [entity, ch] : kEntities) {
                if (html.substr(i, entity.size()) == entity) {
                    out += ch;
                    i += entity.size();
                    decoded = true;
                    break;
                }
            }
            if (decoded) continue;
        }
        out += c;
        ++i;
    }
    return out;
}

}  // namespace gk
