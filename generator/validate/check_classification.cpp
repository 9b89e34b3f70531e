// 功能分类 and 经济分类: codes, duplicate rows, parents against the rows
// under them, and the basic column of the two tables against each other.
#include <algorithm>
#include <map>

#include "compute/classification.h"
#include "validate/validate.h"

namespace gk {

namespace {

std::string_view fund_name(Fund fund) {
    switch (fund) {
        case Fund::general_public: return "general_public";
        case Fund::government_fund: return "government_fund";
        case Fund::state_capital: return "state_capital";
    }
    return "general_public";
}

// A key that was written but could not be used (a wrong type, a negative
// amount) has already been reported by the loader, at the value's own
// position; only a key that is really absent still sits at its row's.
template <class T>
bool written(const Located<T>& value, SourceLoc row) {
    return value.has() || value.loc.line != row.line || value.loc.column != row.column;
}

void check_function_rows(const BudgetFile& budget, Diagnostics& diagnostics) {
    std::map<std::pair<Fund, std::string>, const FunctionRow*> seen;
    for (const FunctionRow& row : budget.by_function) {
        if (row.code.has() && function_code_level(*row.code) == 0) {
            diagnostics.error(row.code.loc, "'code' in [[by_function]] must be 3 (类), 5 (款) or 7 (项) digits, got '" +
                                                *row.code + "'");
        } else if (row.code.has()) {
            const auto [it, inserted] = seen.emplace(std::pair(row.fund, *row.code), &row);
            if (!inserted) {
                diagnostics.error(row.code.loc, "code " + *row.code + " appears twice in [[by_function]] (fund " +
                                                    std::string(fund_name(row.fund)) + "); first at line " +
                                                    std::to_string(it->second->code.loc.line));
            }
        }
        if (!written(row.basic, row.loc) && !written(row.project, row.loc) && !written(row.total, row.loc)) {
            diagnostics.error(row.loc, "a [[by_function]] row needs 'basic' and 'project', or 'total'");
        }
        if (row.total.has() && (row.basic.has() || row.project.has())) {
            const Amount sum = row.basic.value.value_or(Amount{}) + row.project.value.value_or(Amount{});
            if (*row.total != sum) {
                diagnostics.error(row.total.loc, "'total' in [[by_function]] is " + show(*row.total, budget.unit) +
                                                     " but basic + project is " + show(sum, budget.unit));
            }
        }
    }
}

void check_economic_rows(const BudgetFile& budget, Diagnostics& diagnostics) {
    std::map<std::pair<EconomicScope, std::string>, const EconomicRow*> seen;
    for (const EconomicRow& row : budget.by_economic) {
        if (row.code.has() && economic_code_level(*row.code) == 0) {
            diagnostics.error(row.code.loc,
                              "'code' in [[by_economic]] must be 3 (类) or 5 (款) digits, got '" + *row.code + "'");
        } else if (row.code.has()) {
            const auto [it, inserted] = seen.emplace(std::pair(row.scope, *row.code), &row);
            if (!inserted) {
                diagnostics.error(row.code.loc, "code " + *row.code + " appears twice in [[by_economic]]; first at line " +
                                                    std::to_string(it->second->code.loc.line));
            }
        }
        if (!written(row.amount, row.loc)) diagnostics.error(row.loc, "a [[by_economic]] row needs 'amount'");
    }
}

template <class Row>
SourceLoc row_code_loc(const ClassificationRow& row) {
    const Row* source = static_cast<const Row*>(row.source);
    return source->code.has() ? source->code.loc : source->loc;
}

void check_parents(const BudgetFile& budget, const std::vector<FunctionTable>& functions,
                   const std::vector<EconomicTable>& economics, Diagnostics& diagnostics) {
    for (const FunctionTable& table : functions) {
        const std::vector<ParentMismatch> mismatches = function_parent_mismatches(table);
        for (const ParentMismatch& m : mismatches) {
            // A total that differs only because its basic or project column
            // does would repeat that error in other words: report the column.
            if (m.figure == "total" && std::any_of(mismatches.begin(), mismatches.end(), [&](const ParentMismatch& o) {
                    return o.parent == m.parent && o.figure != "total";
                }))
                continue;
            diagnostics.error(row_code_loc<FunctionRow>(*m.parent),
                              "[[by_function]] row " + m.parent->code + " has " + std::string(m.figure) + " " +
                                  show(m.given, budget.unit) + " but the rows under it add up to " +
                                  show(m.children, budget.unit));
        }
    }
    for (const EconomicTable& table : economics) {
        for (const ParentMismatch& m : economic_parent_mismatches(table)) {
            diagnostics.error(row_code_loc<EconomicRow>(*m.parent),
                              "[[by_economic]] row " + m.parent->code + " has amount " + show(m.given, budget.unit) +
                                  " but the rows under it add up to " + show(m.children, budget.unit));
        }
    }
}

// 一般公共预算支出表's basic column and 一般公共预算基本支出表 describe the
// same money: their totals must agree when both are given.
void check_function_against_economic(const BudgetFile& budget, const std::vector<FunctionTable>& functions,
                                     const std::vector<EconomicTable>& economics, Diagnostics& diagnostics) {
    const FunctionTable* general = nullptr;
    for (const FunctionTable& t : functions) {
        if (t.fund == Fund::general_public) general = &t;
    }
    const EconomicTable* basic = nullptr;
    for (const EconomicTable& t : economics) {
        if (t.scope == EconomicScope::basic) basic = &t;
    }
    if (!general || !basic || !general->basic || !basic->total || *general->basic == *basic->total) return;
    const EconomicRow* first = nullptr;
    for (const EconomicRow& row : budget.by_economic) {
        if (!first && row.scope == EconomicScope::basic) first = &row;
    }
    diagnostics.error(first->loc, "the basic rows of [[by_economic]] add up to " + show(*basic->total, budget.unit) +
                                      " but the basic column of the general_public [[by_function]] rows adds up to " +
                                      show(*general->basic, budget.unit));
}

}  // namespace

void check_classification(const BudgetFile& budget, Diagnostics& diagnostics) {
    check_function_rows(budget, diagnostics);
    check_economic_rows(budget, diagnostics);
    const std::vector<FunctionTable> functions = roll_up_functions(budget.by_function);
    const std::vector<EconomicTable> economics = roll_up_economics(budget.by_economic);
    check_parents(budget, functions, economics, diagnostics);
    check_function_against_economic(budget, functions, economics, diagnostics);
}

}  // namespace gk
