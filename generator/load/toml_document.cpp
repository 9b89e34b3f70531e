#include "load/toml_document.h"

namespace gk {

SourceLoc to_loc(const SourceFile& file, const toml::source_region& region) {
    return SourceLoc{&file, static_cast<std::uint32_t>(region.begin.line),
                     static_cast<std::uint32_t>(region.begin.column)};
}

TomlDocument parse_toml(const SourceFile& file, Diagnostics& diagnostics) {
    TomlDocument doc;
    doc.file = &file;
    try {
        // No source path: toml++ would give every node a shared copy of it
        // (an atomic count per node, contended between the loading
        // threads), and positions are all we read; the path is ours.
        doc.root = toml::parse(file.text());
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        diagnostics.error(SourceLoc{&file, static_cast<std::uint32_t>(begin.line),
                                    static_cast<std::uint32_t>(begin.column)},
                          "malformed TOML: " + std::string(e.description()));
    }
    return doc;
}

namespace {

// Moves `byte` past `columns` code points of `text` (columns as toml++
// counts them: one per code point).
std::size_t skip_columns(std::string_view text, std::size_t byte, std::uint32_t columns) {
    for (; columns > 0 && byte < text.size(); --columns) {
        ++byte;
        while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
    }
    return byte;
}

}  // namespace

std::string_view literal_text(const SourceFile& file, const toml::node& node) {
    const toml::source_region& region = node.source();
    if (region.begin.line == 0 || region.begin.line != region.end.line) return {};
    if (region.end.column <= region.begin.column) return {};
    const std::string_view line = file.line(static_cast<std::uint32_t>(region.begin.line));
    // One walk along the line: to the value's first column, then on to its
    // end (SourceFile::column_to_byte would start over from the line's
    // start for each; this runs for every amount of every file).
    const auto first_column = static_cast<std::uint32_t>(region.begin.column);
    const std::size_t begin = skip_columns(line, 0, first_column > 0 ? first_column - 1 : 0);
    const std::size_t end = skip_columns(line, begin, static_cast<std::uint32_t>(region.end.column - region.begin.column));
    if (end <= begin || end > line.size()) return {};
    return line.substr(begin, end - begin);
}

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a decimal number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        default: return "nothing";
    }
}

}  // namespace gk
