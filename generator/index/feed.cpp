#include "index/feed.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "render/html.h"
#include "render/urls.h"

namespace gk {

namespace {

std::string rfc3339(const Date& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00Z", d.year, d.month, d.day);
    return buf;
}

// A stable id: the page's absolute URL when known, else a urn built from the
// portal and the page path (percent-encoding every byte outside [A-Za-z0-9-./]).
std::string entry_id(const FeedInfo& info, const std::string& path) {
    if (!info.base_url.empty()) return absolute_url(info.base_url, path);
    std::string id = "urn:gongkai:";
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (unsigned char c : info.id_seed + "/" + path) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '/') {
            id += static_cast<char>(c);
        } else {
            id += '%';
            id += kHex[c >> 4];
            id += kHex[c & 0xF];
        }
    }
    return id;
}

}  // namespace

std::string feed_xml(const FeedInfo& info, std::vector<FeedEntry> entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const FeedEntry& a, const FeedEntry& b) {
        return std::tie(b.updated.year, b.updated.month, b.updated.day, a.path) <
               std::tie(a.updated.year, a.updated.month, a.updated.day, b.path);
    });
    const std::string self = info.base_url.empty() ? "feed.xml" : info.base_url + "feed.xml";
    const std::string home = info.base_url.empty() ? "index.html" : info.base_url;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    // An entry is some 420 bytes (9,000 of them at 9,000 department-years):
    // the room made once, not by doubling as it grows.
    out.reserve(1024 + 512 * entries.size());
    out += "  <title>" + escape_html(info.title) + "</title>\n";
    if (!info.subtitle.empty()) out += "  <subtitle>" + escape_html(info.subtitle) + "</subtitle>\n";
    out += "  <id>" + escape_html(entry_id(info, "")) + "</id>\n";
    out += "  <link rel=\"self\" href=\"" + escape_html(self) + "\"/>\n";
    out += "  <link rel=\"alternate\" href=\"" + escape_html(home) + "\"/>\n";
    out += "  <updated>" + (entries.empty() ? std::string("1970-01-01T00:00:00Z") : rfc3339(entries.front().updated)) +
           "</updated>\n";
    out += "  <author><name>" + escape_html(info.author) + "</name></author>\n";
    for (const FeedEntry& e : entries) {
        const std::string href = info.base_url.empty() ? e.path : absolute_url(info.base_url, e.path);
        out += "  <entry>\n";
        out += "    <title>" + escape_html(e.title) + "</title>\n";
        out += "    <id>" + escape_html(entry_id(info, e.path)) + "</id>\n";
        out += "    <link rel=\"alternate\" href=\"" + escape_html(href) + "\"/>\n";
        out += "    <updated>" + rfc3339(e.updated) + "</updated>\n";
        if (!e.summary_html.empty()) out += "    <summary type=\"html\">" + escape_html(e.summary_html) + "</summary>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

}  // namespace gk
