#include "load/table_reader.h"

#include <algorithm>

#include "diag/did_you_mean.h"
#include "load/toml_document.h"

namespace gk {

namespace {

std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

SourceLoc table_loc(const toml::table& table, const SourceFile& file) {
    const toml::source_region& region = table.source();
    if (region.begin.line == 0) return SourceLoc{&file, 1, 1};
    return to_loc(file, region);
}

}  // namespace

TableReader::TableReader(const toml::table& table, const SourceFile& file, Diagnostics& diagnostics,
                         std::string where, Unit unit)
    : table_(table),
      file_(file),
      diagnostics_(diagnostics),
      where_(std::move(where)),
      unit_(unit),
      loc_(table_loc(table, file)) {
    known_.reserve(16);  // the keys a table is asked for: one allocation for most tables
}

const toml::node* TableReader::lookup(std::string_view key) {
    accept(key);
    return table_.get(key);
}

void TableReader::accept(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
}

SourceLoc TableReader::loc_of(std::string_view key) const {
    if (const toml::node* node = table_.get(key)) return to_loc(file_, node->source());
    return loc_;
}

void TableReader::wrong_type(std::string_view key, const toml::node& node, std::string_view expected) {
    diagnostics_.error(to_loc(file_, node.source()),
                       quoted(key) + " in " + where_ + " must be " + std::string(expected) + ", got " +
                           std::string(type_name(node)));
}

void TableReader::missing(std::string_view key) {
    diagnostics_.error(loc_, "missing required key " + quoted(key) + " in " + where_);
}

Located<std::string> TableReader::string(std::string_view key, bool required) {
    Located<std::string> out{std::nullopt, loc_};
    const toml::node* node = lookup(key);
    if (!node) {
        if (required) missing(key);
        return out;
    }
    out.loc = to_loc(file_, node->source());
    if (const auto* s = node->as_string()) {
        out.value = s->get();
    } else {
        wrong_type(key, *node, "a string");
    }
    return out;
}

Located<std::int64_t> TableReader::integer(std::string_view key, bool required) {
    Located<std::int64_t> out{std::nullopt, loc_};
    const toml::node* node = lookup(key);
    if (!node) {
        if (required) missing(key);
        return out;
    }
    out.loc = to_loc(file_, node->source());
    if (const auto* i = node->as_integer()) {
        out.value = i->get();
    } else {
        wrong_type(key, *node, "an integer");
    }
    return out;
}

Located<bool> TableReader::boolean(std::string_view key) {
    Located<bool> out{std::nullopt, loc_};
    const toml::node* node = lookup(key);
    if (!node) return out;
    out.loc = to_loc(file_, node->source());
    if (const auto* b = node->as_boolean()) {
        out.value = b->get();
    } else {
        wrong_type(key, *node, "true or false");
    }
    return out;
}

Located<Date> TableReader::date(std::string_view key) {
    Located<Date> out{std::nullopt, loc_};
    const toml::node* node = lookup(key);
    if (!node) return out;
    out.loc = to_loc(file_, node->source());
    if (const auto* d = node->as_date()) {
        const toml::date& v = d->get();
        out.value = Date{v.year, v.month, v.day};
    } else {
        wrong_type(key, *node, "a date (like 2020-02-20)");
    }
    return out;
}

Located<DecimalLiteral> TableReader::number(std::string_view key) {
    Located<DecimalLiteral> out{std::nullopt, loc_};
    const toml::node* node = lookup(key);
    if (!node) return out;
    out.loc = to_loc(file_, node->source());
    if (!node->is_number()) {
        wrong_type(key, *node, "a number");
        return out;
    }
    const std::string_view text = literal_text(file_, *node);
    const LiteralParse parsed = parse_decimal_literal(text);
    if (parsed.error == LiteralError::too_long) {
        // A plain decimal, only longer than anything we hold exactly: saying
        // "must be written as a plain decimal" would send the reader looking
        // for the wrong mistake.
        diagnostics_.error(out.loc, quoted(key) + " in " + where_ + " has too many digits: '" + std::string(text) +
                                        "' (at most 36 are supported)");
        return out;
    }
    if (parsed.error != LiteralError::none) {
        diagnostics_.error(out.loc, quoted(key) + " in " + where_ +
                                        " must be written as a plain decimal (like 60.00), not '" + std::string(text) +
                                        "'");
        return out;
    }
    out.value = parsed.value;
    return out;
}

Located<std::string> TableReader::number_text(std::string_view key, bool allow_string) {
    Located<std::string> out{std::nullopt, loc_};
    const toml::node* node = table_.get(key);
    if (node && node->is_string() && allow_string) return string(key);
    if (node && !node->is_number()) {
        accept(key);
        wrong_type(key, *node, allow_string ? "a number or a string" : "a number");
        out.loc = to_loc(file_, node->source());
        return out;
    }
    const Located<DecimalLiteral> n = number(key);
    out.loc = n.loc;
    if (n.has()) out.value = std::string(literal_text(file_, *node));
    return out;
}

namespace {

// read_amount_node with the amount's name made only for a message: an
// amount is read some 100 times per budget file, and almost never wrong.
template <class Name>
Located<Amount> read_amount(const toml::node& node, const SourceFile& file, Diagnostics& diagnostics,
                            const Name& name, Unit unit) {
    Located<Amount> out{std::nullopt, to_loc(file, node.source())};
    if (!node.is_number()) {
        diagnostics.error(out.loc, name() + " must be an amount (a number like 36.27), got " +
                                       std::string(type_name(node)));
        return out;
    }
    const std::string_view literal = literal_text(file, node);
    const AmountParse parsed = parse_amount(literal, unit);
    if (parsed.error == AmountError::none) {
        out.value = parsed.value;
        return out;
    }
    const std::string text(literal);
    switch (parsed.error) {
        case AmountError::none:
            break;
        case AmountError::not_a_number:
            diagnostics.error(out.loc, name() + " must be written as a plain decimal (like 36.27), not '" + text + "'");
            break;
        case AmountError::negative:
            diagnostics.error(out.loc, name() + " must not be negative, got " + text);
            break;
        case AmountError::too_precise:
            diagnostics.error(out.loc, name() + " is more precise than the 分: " + text + " " +
                                           std::string(unit_name(unit)) + " has more than " +
                                           std::to_string(max_decimals(unit)) + " decimals");
            break;
        case AmountError::too_large:
            diagnostics.error(out.loc, name() + " is too large: " + text + " " + std::string(unit_name(unit)) +
                                           " (amounts up to 10^15 元 are supported)");
            break;
    }
    return out;
}

}  // namespace

Located<Amount> read_amount_node(const toml::node& node, const SourceFile& file,
                                 Diagnostics& diagnostics, std::string_view name, Unit unit) {
    return read_amount(node, file, diagnostics, [name] { return std::string(name); }, unit);
}

Located<Amount> TableReader::amount(std::string_view key) {
    const toml::node* node = lookup(key);
    if (!node) return Located<Amount>{std::nullopt, loc_};
    return read_amount(*node, file_, diagnostics_, [&] { return quoted(key) + " in " + where_; }, unit_);
}

const toml::table* TableReader::table(std::string_view key) {
    const toml::node* node = lookup(key);
    if (!node) return nullptr;
    if (const auto* t = node->as_table()) return t;
    wrong_type(key, *node, "a table");
    return nullptr;
}

const toml::array* TableReader::array(std::string_view key) {
    const toml::node* node = lookup(key);
    if (!node) return nullptr;
    if (const auto* a = node->as_array()) return a;
    wrong_type(key, *node, "an array");
    return nullptr;
}

std::vector<Located<std::string>> TableReader::string_array(std::string_view key) {
    std::vector<Located<std::string>> out;
    const toml::array* a = array(key);
    if (!a) return out;
    for (const toml::node& element : *a) {
        const SourceLoc loc = to_loc(file_, element.source());
        if (const auto* s = element.as_string()) {
            out.push_back({s->get(), loc});
        } else {
            diagnostics_.error(loc, "each element of " + quoted(key) + " in " + where_ +
                                        " must be a string, got " + std::string(type_name(element)));
        }
    }
    return out;
}

void TableReader::finish() {
    // Report in file order, not the table's sorted key order.
    std::vector<std::pair<SourceLoc, std::string>> unknown;
    for (auto&& [key, value] : table_) {
        const std::string_view name = key.str();
        if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
        SourceLoc loc = to_loc(file_, key.source());
        if (loc.line == 0) loc = to_loc(file_, value.source());
        std::string message = "unknown key " + quoted(name) + " in " + where_;
        if (auto suggestion = closest_match(name, known_)) message += "; did you mean " + quoted(*suggestion) + "?";
        unknown.emplace_back(loc, std::move(message));
    }
    for (auto& [loc, message] : unknown) diagnostics_.error(loc, std::move(message));
}

std::vector<const toml::table*> tables_of(const toml::array& array, const SourceFile& file,
                                          Diagnostics& diagnostics, std::string_view name) {
    std::vector<const toml::table*> out;
    for (const toml::node& element : array) {
        if (const auto* t = element.as_table()) {
            out.push_back(t);
        } else {
            diagnostics.error(to_loc(file, element.source()),
                              "each element of '" + std::string(name) + "' must be a table, got " +
                                  std::string(type_name(element)));
        }
    }
    return out;
}

}  // namespace gk
