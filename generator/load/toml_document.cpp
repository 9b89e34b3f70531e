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

std::string_view literal_text(const SourceFile& file, const toml::node& node) {
    const toml::source_region& region = node.source();
    if (region.begin.line == 0 || region.begin.line != region.end.line) return {};
    const std::string_view line = file.line(static_cast<std::uint32_t>(region.begin.line));
    const std::size_t begin = file.column_to_byte(static_cast<std::uint32_t>(region.begin.line),
                                                  static_cast<std::uint32_t>(region.begin.column));
    const std::size_t end = file.column_to_byte(static_cast<std::uint32_t>(region.end.line),
                                                static_cast<std::uint32_t>(region.end.column));
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
