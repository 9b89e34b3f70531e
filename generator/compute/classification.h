// Rollups of the classification tables: 功能分类 项 → 款 → 类 and 经济分类
// 款 → 类, by code prefix (spec §6 "function rollups").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "compute/derived.h"
#include "model/budget.h"

namespace gk {

// 1 for 3 digits (类), 2 for 5 (款), 3 for 7 (项); 0 for anything else.
int function_code_level(std::string_view code);
// 1 for 3 digits (类), 2 for 5 (款); 0 for anything else.
int economic_code_level(std::string_view code);

// basic, project and total of one given function row, by the rule of totals:
// give basic and project (a missing one is 0), or the total alone.
struct RowFigures {
    std::optional<Amount> basic, project, total;
};
RowFigures function_row_figures(const FunctionRow& row);

// One table per fund that has rows, funds in their declared order.
std::vector<FunctionTable> roll_up_functions(const std::vector<FunctionRow>& rows);
// One table per scope that has rows.
std::vector<EconomicTable> roll_up_economics(const std::vector<EconomicRow>& rows);

// A row the file gave that has rows under it, whose figures differ from the
// sum of those rows. Used by validation.
struct ParentMismatch {
    const ClassificationRow* parent;
    std::string_view figure;  // "basic", "project", "total" or "amount"
    Amount given;
    Amount children;
};
std::vector<ParentMismatch> function_parent_mismatches(const FunctionTable& table);
std::vector<ParentMismatch> economic_parent_mismatches(const EconomicTable& table);

}  // namespace gk
