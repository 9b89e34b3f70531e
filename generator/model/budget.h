// One `<year>.toml` or `<year>-final.toml`: one department's figures for one
// year, as written (spec §4). Nothing here is derived; see compute/.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/amount.h"
#include "model/decimal_literal.h"
#include "model/figures.h"
#include "model/located.h"

namespace gk {

enum class BudgetKind { budget, final_accounts };
enum class Fund { general_public, government_fund, state_capital };
enum class EconomicScope { basic, project };
enum class PreviousBasis { budget, execution, final_accounts, adjusted };

// 机构设置: one row per budget unit.
struct UnitRow {
    std::string name, nature, rank, funding;
    SourceLoc loc;
    friend bool operator==(const UnitRow&, const UnitRow&) = default;
};

struct ThreePublicCounts {
    Located<std::int64_t> vehicles_owned, vehicles_purchased, reception_batches,
        reception_people, outbound_groups, outbound_people;
    friend bool operator==(const ThreePublicCounts&, const ThreePublicCounts&) = default;
};

// [previous]: last year's figures as this disclosure states them.
struct Previous {
    bool present = false;
    SourceLoc loc;
    PreviousBasis basis = PreviousBasis::budget;
    std::string note;
    PerFigure<Located<Amount>> values;
    friend bool operator==(const Previous&, const Previous&) = default;
};

// One number a document printed, kept as written so it can be checked to
// the precision printed.
struct PrintedNumber {
    Fig fig;
    DecimalLiteral value;
    SourceLoc loc;
    friend bool operator==(const PrintedNumber&, const PrintedNumber&) = default;
};

// [printed]: derived figures exactly as the original document printed them.
struct Printed {
    std::vector<PrintedNumber> change_amounts;   // [printed.change.<fig>] amount
    std::vector<PrintedNumber> change_percents;  // [printed.change.<fig>] percent
    std::vector<PrintedNumber> shares;           // [printed.share] <fig> = %
    std::vector<PrintedNumber> execution;        // [printed.execution] <fig> = %
    friend bool operator==(const Printed&, const Printed&) = default;
};

// 一般公共预算支出表 row: functional classification 类/款/项.
struct FunctionRow {
    Located<std::string> code;  // 3, 5 or 7 digits; may be absent
    std::string name;
    Located<Amount> basic, project, total;
    Fund fund = Fund::general_public;
    SourceLoc loc;
    friend bool operator==(const FunctionRow&, const FunctionRow&) = default;
};

// 一般公共预算基本支出表 row: economic classification 类/款.
struct EconomicRow {
    Located<std::string> code;  // 3 or 5 digits
    std::string name;
    Located<Amount> amount;
    EconomicScope scope = EconomicScope::basic;
    SourceLoc loc;
    friend bool operator==(const EconomicRow&, const EconomicRow&) = default;
};

struct Indicator {
    std::string level1, level2, level3, description;
    std::string op;     // >= <= = > < ≥ ≤ 定性
    std::string value;  // the number's literal text as written ("60.00"), or text for 定性
    std::string unit, basis;
    SourceLoc loc;
    friend bool operator==(const Indicator&, const Indicator&) = default;
};

struct Performance {
    bool present = false;
    std::string goal;      // 总体目标 (Markdown)
    std::string targets;   // extension: 分项绩效目标 (Markdown)
    std::string measures;  // extension: 工作保障措施 (Markdown)
    std::vector<Indicator> indicators;
    SourceLoc loc;
    friend bool operator==(const Performance&, const Performance&) = default;
};

struct ProcurementRow {
    std::string project, item, catalog, measure;
    Located<DecimalLiteral> quantity;
    Located<Amount> unit_price, general_public, government_fund, state_capital,
        special_account, other, total;
    SourceLoc loc;
    friend bool operator==(const ProcurementRow&, const ProcurementRow&) = default;
};

struct AssetItem {
    std::string name, part_of, measure;
    Located<DecimalLiteral> quantity;
    Located<Amount> value;
    SourceLoc loc;
    friend bool operator==(const AssetItem&, const AssetItem&) = default;
};

struct Assets {
    bool present = false;
    Located<Date> as_of;
    Located<Amount> total, planned_purchase;
    std::vector<AssetItem> items;
    SourceLoc loc;
    friend bool operator==(const Assets&, const Assets&) = default;
};

// Extension [notes]: a short explanation shown beside each section of the
// disclosure, in the document's own words (Markdown).
enum class NoteKey : std::uint8_t {
    duties,
    income,
    expenditure,
    change,
    operating_expenses,
    three_public,
    performance,
    procurement,
    assets,
    other,
    count
};
inline constexpr std::size_t kNoteCount = static_cast<std::size_t>(NoteKey::count);
std::string_view note_key_name(NoteKey key);

// Sections that can be absent altogether (then nothing in them is published).
enum class Section : std::uint8_t {
    income,
    expenditure,
    three_public,
    operating_expenses,
    meetings_training,
    count
};
inline constexpr std::size_t kSectionCount = static_cast<std::size_t>(Section::count);

struct Narrative {
    const SourceFile* file = nullptr;  // the .md file, or null when there is none
    friend bool operator==(const Narrative&, const Narrative&) = default;
};

// Every model type here compares field by field (operator== defaulted): the
// load cache's test compares a budget read back from it with one parsed.
struct BudgetFile {
    BudgetKind kind = BudgetKind::budget;
    int year = 0;                  // from the file name
    Located<std::int64_t> stated_year;  // the `year` key
    SourceLoc loc;                 // the file as a whole
    Located<Date> published;
    std::string source;
    Unit unit = Unit::wan_yuan;    // the unit the file's amounts were written in

    std::vector<UnitRow> units;
    // Every amount the file states, already converted to 分; empty = not stated.
    PerFigure<Located<Amount>> stated;
    std::array<bool, kSectionCount> section_present{};
    std::array<SourceLoc, kSectionCount> section_loc{};
    ThreePublicCounts counts;
    Previous previous;
    Printed printed;
    std::vector<FunctionRow> by_function;
    std::vector<EconomicRow> by_economic;
    Performance performance;
    std::vector<ProcurementRow> procurement;
    Assets assets;
    std::array<Located<std::string>, kNoteCount> notes;
    Narrative narrative;
    friend bool operator==(const BudgetFile&, const BudgetFile&) = default;
};

}  // namespace gk
