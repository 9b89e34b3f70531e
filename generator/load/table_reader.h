// Reads the keys of one TOML table into typed, located values, reporting
// every wrong type, bad amount and missing key, and — when the reader is
// finished — every key nobody asked for, with "did you mean".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "diag/diagnostics.h"
#include "model/amount.h"
#include "model/decimal_literal.h"
#include "model/located.h"

namespace gk {

class TableReader {
public:
    // `where` names the table in messages: "[income]", "[[by_function]]", "site.toml".
    TableReader(const toml::table& table, const SourceFile& file, Diagnostics& diagnostics,
                std::string where, Unit unit = Unit::wan_yuan);

    void set_unit(Unit unit) { unit_ = unit; }
    Unit unit() const { return unit_; }

    Located<std::string> string(std::string_view key, bool required = false);
    Located<std::int64_t> integer(std::string_view key, bool required = false);
    Located<bool> boolean(std::string_view key);
    Located<Date> date(std::string_view key);
    // A plain decimal (integer or float), kept exactly as written.
    Located<DecimalLiteral> number(std::string_view key);
    // An amount in the reader's unit, converted exactly to 分.
    Located<Amount> amount(std::string_view key);
    // Either a number (its literal text) or, when allowed, a string.
    Located<std::string> number_text(std::string_view key, bool allow_string);

    const toml::table* table(std::string_view key);
    const toml::array* array(std::string_view key);
    // An array of strings; each element located.
    std::vector<Located<std::string>> string_array(std::string_view key);

    // Marks a key as known without reading it (read elsewhere).
    void accept(std::string_view key);

    // Reports keys that were never asked for. Call once, after all reads.
    void finish();

    SourceLoc loc() const { return loc_; }
    SourceLoc loc_of(std::string_view key) const;
    const SourceFile& file() const { return file_; }
    Diagnostics& diagnostics() { return diagnostics_; }
    const std::string& where() const { return where_; }

private:
    const toml::node* lookup(std::string_view key);
    void wrong_type(std::string_view key, const toml::node& node, std::string_view expected);
    void missing(std::string_view key);

    const toml::table& table_;
    const SourceFile& file_;
    Diagnostics& diagnostics_;
    std::string where_;
    Unit unit_;
    SourceLoc loc_;
    std::vector<std::string_view> known_;
};

// Checks an amount read from a node (an array element or a value reached
// another way) and converts it; reports what is wrong at its position.
Located<Amount> read_amount_node(const toml::node& node, const SourceFile& file,
                                 Diagnostics& diagnostics, std::string_view name, Unit unit);

// Reports a table or array of tables that must hold tables: returns the
// tables of an array, reporting elements that are not tables.
std::vector<const toml::table*> tables_of(const toml::array& array, const SourceFile& file,
                                          Diagnostics& diagnostics, std::string_view name);

}  // namespace gk
