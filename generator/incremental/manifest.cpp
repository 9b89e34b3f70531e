#include "incremental/manifest.h"

#include <algorithm>
#include <array>
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

// The tab-separated fields of a line, in place: a manifest has tens of
// thousands of lines, and a vector for each was a tenth of reading it.
// Lines have at most 7 fields; one with more reads as having 8 (refused).
struct Fields {
    static constexpr std::size_t kMost = 8;
    std::array<std::string_view, kMost> field;
    std::size_t count = 0;
    std::size_t size() const { return count; }
    std::string_view operator[](std::size_t i) const { return field[i]; }
};

Fields split_tabs(std::string_view line) {
    Fields fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        fields.field[fields.count++] =
            line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
        if (tab == std::string_view::npos || fields.count == Fields::kMost) return fields;
        start = tab + 1;
    }
}

// Inserts a record the manifest lists in key order (format_manifest writes
// its maps in order): placed at the end without a search through 25,000
// paths, which was most of reading a manifest. False for a key already
// there; a manifest out of order is read all the same, only slower.
template <typename Map, typename Record>
bool insert_in_order(Map& map, std::string key, Record&& record) {
    const std::size_t before = map.size();
    map.emplace_hint(map.end(), std::move(key), std::forward<Record>(record));
    return map.size() > before;
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

template <typename Int>
void append_digits(std::string& out, Int value) {
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, end);
}

template <typename Int>
void append_number(std::string& out, Int value) {
    out += '\t';
    append_digits(out, value);
}

void append_escaped(std::string& out, std::string_view text) {
    out += '\t';
    // Most paths have nothing to escape: appended as they are.
    if (text.find_first_of("%\t\n\r") == std::string_view::npos) out += text;
    else out += escape(text);
}

// "input <size> <mtime> <ctime> <inode> <hash> <key>"
bool parse_input(const Fields& f, Manifest& m) {
    InputRecord r;
    std::optional<Hash128> hash;
    if (f.size() != 7 || !parse_int(f[1], r.stamp.size) || !parse_int(f[2], r.stamp.mtime_ns) ||
        !parse_int(f[3], r.stamp.ctime_ns) || !parse_int(f[4], r.stamp.inode) || !(hash = parse_hash(f[5])))
        return false;
    r.hash = *hash;
    const std::optional<std::string> key = percent_decode(f[6]);
    return key && insert_in_order(m.inputs, std::move(*key), r);
}

// "output <size> <mtime> <inode> <hash> <path>"
bool parse_output(const Fields& f, Manifest& m) {
    OutputRecord r;
    std::optional<Hash128> hash;
    if (f.size() != 6 || !parse_int(f[1], r.size) || !parse_int(f[2], r.mtime_ns) || !parse_int(f[3], r.inode) ||
        !(hash = parse_hash(f[4])))
        return false;
    r.hash = *hash;
    const std::optional<std::string> path = percent_decode(f[5]);
    return path && insert_in_order(m.outputs, std::move(*path), r);
}

// "folder <mtime> <inode> <path>"
bool parse_folder(const Fields& f, Manifest& m) {
    FolderRecord r;
    if (f.size() != 4 || !parse_int(f[1], r.mtime_ns) || !parse_int(f[2], r.inode)) return false;
    const std::optional<std::string> path = percent_decode(f[3]);
    return path && insert_in_order(m.folders, std::move(*path), r);
}

// "reusable <fingerprint> <terms, comma-separated> <title> <path>"
bool parse_reusable(const Fields& f, Manifest& m) {
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
    return insert_in_order(m.reusable, std::move(*path), std::move(r));
}

bool parse_line(std::string_view line, Manifest& m, ManifestParts parts) {
    if (parts == ManifestParts::files && (line.starts_with("input\t") || line.starts_with("reusable\t"))) return true;
    const Fields f = split_tabs(line);
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
    return format_manifest(ManifestView{m.generator, m.options, m.theme_name, m.inputs, m.outputs, m.folders,
                                        m.reusable, m.report});
}

std::string format_manifest(const ManifestView& m) {
    std::string out(kFirstLine);
    out += "\ngenerator\t" + escape(m.generator) + "\noptions\t" + to_hex(m.options) + "\ntheme\t" +
           escape(m.theme_name) + "\nreport\t" + escape(m.report) + '\n';
    // A line per file, tens of thousands of them: fields are appended in
    // place, without a string for each.
    out.reserve(out.size() + 120 * (m.inputs.size() + m.outputs.size() + m.folders.size() + m.reusable.size()));
    for (const auto& [key, r] : m.inputs) {
        out += "input";
        append_number(out, r.stamp.size);
        append_number(out, r.stamp.mtime_ns);
        append_number(out, r.stamp.ctime_ns);
        append_number(out, r.stamp.inode);
        append_field(out, to_hex(r.hash));
        append_escaped(out, key);
        out += '\n';
    }
    for (const auto& [path, r] : m.outputs) {
        out += "output";
        append_number(out, r.size);
        append_number(out, r.mtime_ns);
        append_number(out, r.inode);
        append_field(out, to_hex(r.hash));
        append_escaped(out, path);
        out += '\n';
    }
    for (const auto& [path, r] : m.folders) {
        out += "folder";
        append_number(out, r.mtime_ns);
        append_number(out, r.inode);
        append_escaped(out, path);
        out += '\n';
    }
    for (const auto& [path, r] : m.reusable) {
        out += "reusable";
        append_field(out, to_hex(r.fingerprint));
        out += '\t';
        for (std::size_t i = 0; i < r.terms.size(); ++i) {
            if (i) out += ',';
            append_digits(out, r.terms[i]);
        }
        append_escaped(out, r.title);
        append_escaped(out, path);
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

std::optional<Manifest> parse_manifest(std::string_view text, ManifestParts parts) {
    if (!text.starts_with(kFirstLine) || !text.ends_with('\n')) return std::nullopt;
    Manifest m;
    std::size_t start = kFirstLine.size() + 1;
    if (text.size() <= kFirstLine.size() || text[kFirstLine.size()] != '\n') return std::nullopt;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (!parse_line(text.substr(start, end - start), m, parts)) return std::nullopt;
        start = end + 1;
    }
    return m;
}

}  // namespace gk
