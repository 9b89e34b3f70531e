#include "incremental/manifest.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "text/percent.h"

namespace gk {

namespace {

constexpr std::string_view kFirstLine = "gongkai-manifest 1";

// Paths and the report go on one line each: escape what would end a field
// or a line, and the escape character itself.
std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '%' || c == '\t' || c == '\n' || c == '\r') {
            static constexpr char kDigits[] = "0123456789ABCDEF";
            out += '%';
            out += kDigits[(static_cast<unsigned char>(c) >> 4) & 0xF];
            out += kDigits[static_cast<unsigned char>(c) & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) return fields;
        start = tab + 1;
    }
}

template <typename Int>
bool parse_int(std::string_view text, Int& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

void append_field(std::string& out, std::string_view field) {
    out += '\t';
    out += field;
}

// "input <size> <mtime> <ctime> <inode> <hash> <key>"
bool parse_input(const std::vector<std::string_view>& f, Manifest& m) {
    InputRecord r;
    std::optional<Hash128> hash;
    if (f.size() != 7 || !parse_int(f[1], r.stamp.size) || !parse_int(f[2], r.stamp.mtime_ns) ||
        !parse_int(f[3], r.stamp.ctime_ns) || !parse_int(f[4], r.stamp.inode) || !(hash = parse_hash(f[5])))
        return false;
    r.hash = *hash;
    const std::optional<std::string> key = percent_decode(f[6]);
    return key && m.inputs.emplace(*key, r).second;
}

// "output <size> <mtime> <inode> <hash> <path>"
bool parse_output(const std::vector<std::string_view>& f, Manifest& m) {
    OutputRecord r;
    std::optional<Hash128> hash;
    if (f.size() != 6 || !parse_int(f[1], r.size) || !parse_int(f[2], r.mtime_ns) || !parse_int(f[3], r.inode) ||
        !(hash = parse_hash(f[4])))
        return false;
    r.hash = *hash;
    const std::optional<std::string> path = percent_decode(f[5]);
    return path && m.outputs.emplace(*path, r).second;
}

// "folder <mtime> <inode> <path>"
bool parse_folder(const std::vector<std::string_view>& f, Manifest& m) {
    FolderRecord r;
    if (f.size() != 4 || !parse_int(f[1], r.mtime_ns) || !parse_int(f[2], r.inode)) return false;
    const std::optional<std::string> path = percent_decode(f[3]);
    return path && m.folders.emplace(*path, r).second;
}

// "reusable <fingerprint> <terms, comma-separated> <title> <path>"
bool parse_reusable(const std::vector<std::string_view>& f, Manifest& m) {
    ReusableRecord r;
    const std::optional<Hash128> fingerprint = f.size() == 5 ? parse_hash(f[1]) : std::nullopt;
    if (!fingerprint) return false;
    r.fingerprint = *fingerprint;
    for (std::size_t start = 0; start < f[2].size();) {  // "" is no term; "1,,2" and "1," are refused
        const std::size_t comma = std::min(f[2].find(',', start), f[2].size());
        std::size_t term = 0;
        if (!parse_int(f[2].substr(start, comma - start), term)) return false;
        r.terms.push_back(term);
        start = comma + 1;
        if (start == f[2].size()) return false;
    }
    const std::optional<std::string> title = percent_decode(f[3]);
    const std::optional<std::string> path = percent_decode(f[4]);
    if (!title || !path) return false;
    r.title = *title;
    return m.reusable.emplace(*path, std::move(r)).second;
}

bool parse_line(std::string_view line, Manifest& m) {
    const std::vector<std::string_view> f = split_tabs(line);
    if (f[0] == "input") return parse_input(f, m);
    if (f[0] == "output") return parse_output(f, m);
    if (f[0] == "folder") return parse_folder(f, m);
    if (f[0] == "reusable") return parse_reusable(f, m);
    if (f.size() != 2) return false;
    if (f[0] == "generator") return (m.generator = f[1], true);
    if (f[0] == "theme") return (m.theme_name = f[1], true);
    if (f[0] == "options") {
        const std::optional<Hash128> hash = parse_hash(f[1]);
        return hash && (m.options = *hash, true);
    }
    if (f[0] == "report") {
        const std::optional<std::string> report = percent_decode(f[1]);
        return report && (m.report = *report, true);
    }
    return false;
}

}  // namespace

std::string format_manifest(const Manifest& m) {
    std::string out(kFirstLine);
    out += "\ngenerator\t" + escape(m.generator) + "\noptions\t" + to_hex(m.options) + "\ntheme\t" +
           escape(m.theme_name) + "\nreport\t" + escape(m.report) + '\n';
    for (const auto& [key, r] : m.inputs) {
        out += "input";
        for (const std::string& field : {std::to_string(r.stamp.size), std::to_string(r.stamp.mtime_ns),
                                         std::to_string(r.stamp.ctime_ns), std::to_string(r.stamp.inode),
                                         to_hex(r.hash), escape(key)})
            append_field(out, field);
        out += '\n';
    }
    for (const auto& [path, r] : m.outputs) {
        out += "output";
        for (const std::string& field : {std::to_string(r.size), std::to_string(r.mtime_ns),
                                         std::to_string(r.inode), to_hex(r.hash), escape(path)})
            append_field(out, field);
        out += '\n';
    }
    for (const auto& [path, r] : m.folders) {
        out += "folder";
        for (const std::string& field : {std::to_string(r.mtime_ns), std::to_string(r.inode), escape(path)})
            append_field(out, field);
        out += '\n';
    }
    for (const auto& [path, r] : m.reusable) {
        std::string terms;
        for (const std::size_t term : r.terms) terms += (terms.empty() ? "" : ",") + std::to_string(term);
        out += "reusable";
        for (const std::string& field : {to_hex(r.fingerprint), terms, escape(r.title), escape(path)})
            append_field(out, field);
        out += '\n';
    }
    return out;
}

std::set<std::string> folders_of(const OutputRecords& outputs) {
    std::set<std::string> folders;
    for (const auto& [path, record] : outputs) {
        for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
            folders.insert(path.substr(0, slash));
    }
    return folders;
}

std::optional<Manifest> parse_manifest(std::string_view text) {
    if (!text.starts_with(kFirstLine) || !text.ends_with('\n')) return std::nullopt;
    Manifest m;
    std::size_t start = kFirstLine.size() + 1;
    if (text.size() <= kFirstLine.size() || text[kFirstLine.size()] != '\n') return std::nullopt;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (!parse_line(text.substr(start, end - start), m)) return std::nullopt;
        start = end + 1;
    }
    return m;
}

}  // namespace gk
