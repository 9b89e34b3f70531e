// The output of the compute stage: every derived figure of spec §6, ready
// for render and index. Pointers refer into the Content, which outlives it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/amount.h"
#include "model/content.h"
#include "model/percent.h"

namespace gk {

enum class Direction { decrease = -1, unchanged = 0, increase = 1 };

// Year-over-year change of one figure.
struct Change {
    Amount previous;
    Amount amount;                  // current − previous
    std::optional<Percent> percent; // null when previous is 0 (新增 / 持平)
    Direction direction = Direction::unchanged;
    bool from_previous_section = false;  // the disclosure's own [previous] base
};

// One row of a classification table after rollup: a row the file gave, or a
// 款/类 row summed from the rows under it.
struct ClassificationRow {
    std::string code;  // "" for a row published by name only
    std::string name;
    int level = 0;     // 1 类, 2 款, 3 项 (0: no code)
    bool given = false;
    std::optional<Amount> basic, project, total;
    const void* source = nullptr;  // the FunctionRow / EconomicRow when given
};

struct FunctionTable {
    Fund fund = Fund::general_public;
    std::vector<ClassificationRow> rows;  // in code order, parents before children
    std::optional<Amount> basic, project, total;  // over the top-level rows
};

struct EconomicTable {
    EconomicScope scope = EconomicScope::basic;
    std::vector<ClassificationRow> rows;  // `total` holds the row's amount
    std::optional<Amount> total;
};

struct DepartmentYear {
    const Department* department = nullptr;
    const BudgetFile* file = nullptr;
    int year = 0;
    BudgetKind kind = BudgetKind::budget;

    PerFigure<std::optional<Amount>> values;
    // Each part of income_total, expenditure_total and basic as % of it.
    PerFigure<std::optional<Percent>> shares;
    PerFigure<std::optional<Change>> changes;
    // Final accounts only: final ÷ budget × 100 per figure.
    PerFigure<std::optional<Percent>> execution;
    std::vector<FunctionTable> functions;  // one per fund that has rows
    std::vector<EconomicTable> economics;  // one per scope that has rows
    std::vector<std::optional<Amount>> procurement_totals;  // per row

    // Across departments (filled by the region step): 1-based rank by each
    // figure within the year (0 when not published) and share of the region.
    PerFigure<int> rank{};
    PerFigure<std::optional<Percent>> region_share;

    const DepartmentYear* previous = nullptr;  // same department, kind, year − 1
    const DepartmentYear* next = nullptr;
    const DepartmentYear* budget = nullptr;    // for final accounts: that year's budget
    const DepartmentYear* final_accounts = nullptr;  // for a budget: that year's final
};

// The region in one year: all departments with a file of that kind.
struct RegionYear {
    int year = 0;
    BudgetKind kind = BudgetKind::budget;
    std::vector<const DepartmentYear*> members;  // in department order
    PerFigure<std::optional<Amount>> totals;     // over the members that publish the figure
    PerFigure<int> contributors{};               // how many members publish it
    PerFigure<std::optional<Percent>> shares;    // each part of a share group within the region's total
    // Against the previous year, over the departments that publish the figure
    // in both years (comparable[f] of them): like for like.
    PerFigure<std::optional<Change>> changes;
    PerFigure<int> comparable{};
    const RegionYear* previous = nullptr;
};

// A department-year as the pages list it: with its figures, or (dy null)
// one whose budget file was left unread (Department::unread, a narrative
// edit in another department): its outputs are the previous build's.
struct DisclosureRef {
    const Department* department = nullptr;
    int year = 0;
    BudgetKind kind = BudgetKind::budget;
    const DepartmentYear* dy = nullptr;
};

struct Derived {
    // In department order, then year, then kind. Stable addresses: the vector
    // is filled once and never grows afterwards. None for a file left unread.
    std::vector<DepartmentYear> department_years;
    // Every department-year, those left unread too, in the same order: what
    // render lists (pages, open data, search) goes by this.
    std::vector<DisclosureRef> disclosures;
    std::vector<RegionYear> regions;  // by year, then kind

    const DepartmentYear* find(const std::string& department_id, int year, BudgetKind kind) const;
    const RegionYear* region(int year, BudgetKind kind) const;
    // A department's years of one kind, ascending: its series over time.
    std::vector<const DepartmentYear*> series(const std::string& department_id, BudgetKind kind) const;

    std::map<std::tuple<std::string, int, BudgetKind>, std::size_t> by_key;
};

}  // namespace gk
