#include "compute/classification.h"

#include <algorithm>

namespace gk {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Amount> add(std::optional<Amount> a, std::optional<Amount> b) {
    if (!a || !b) return std::nullopt;
    return *a + *b;
}

// Code prefix of the level above: 7 -> 5 digits, 5 -> 3 digits.
std::string_view parent_code(std::string_view code) { return code.size() > 3 ? code.substr(0, code.size() - 2) : ""; }

bool by_code(const ClassificationRow& a, const ClassificationRow& b) { return a.code < b.code; }

// The given rows of one table, sorted by code; of two rows with one code
// the first in the file stays (validation reports the second).
std::vector<ClassificationRow> sorted_unique(std::vector<ClassificationRow> given) {
    std::stable_sort(given.begin(), given.end(), by_code);
    given.erase(std::unique(given.begin(), given.end(),
                            [](const ClassificationRow& a, const ClassificationRow& b) { return a.code == b.code; }),
                given.end());
    return given;
}

// The codes of the 款/类 above the given rows, sorted, each once (some may
// be given rows themselves).
std::vector<std::string> parent_codes(const std::vector<ClassificationRow>& given) {
    std::vector<std::string> codes;
    for (const ClassificationRow& row : given) {
        for (std::string_view parent = parent_code(row.code); !parent.empty(); parent = parent_code(parent))
            codes.emplace_back(parent);
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
}

// Fills an implied row (at `at` in the code-sorted rows) with the sum of the
// rows directly under it. Those follow it in code order, among its other
// descendants, so they are added in code order.
void sum_children(std::vector<ClassificationRow>& rows, std::size_t at) {
    ClassificationRow& node = rows[at];
    std::optional<Amount> basic = Amount{}, project = Amount{}, total = Amount{};
    for (std::size_t i = at + 1; i < rows.size() && rows[i].code.starts_with(node.code); ++i) {
        const ClassificationRow& child = rows[i];
        if (child.code.size() != node.code.size() + 2) continue;
        basic = add(basic, child.basic);
        project = add(project, child.project);
        total = add(total, child.total);
    }
    node.basic = basic;
    node.project = project;
    node.total = total;
}

// The `given` rows (any order, duplicates allowed) plus the 款/类 rows they
// imply, each implied row the sum of its children, deepest level first; in
// code order, parents before children. A sorted vector, not a tree of
// nodes: this runs twice for every budget file (validate and compute).
// `extra_capacity`: rows the caller appends afterwards.
std::vector<ClassificationRow> roll_up(std::vector<ClassificationRow> given_rows, int (*level_of)(std::string_view),
                                       std::size_t extra_capacity) {
    std::vector<ClassificationRow> given = sorted_unique(std::move(given_rows));
    const std::vector<std::string> parents = parent_codes(given);
    std::vector<ClassificationRow> rows;
    rows.reserve(given.size() + parents.size() + extra_capacity);
    auto next_given = given.begin();
    for (const std::string& code : parents) {
        while (next_given != given.end() && next_given->code < code) rows.push_back(std::move(*next_given++));
        if (next_given != given.end() && next_given->code == code) continue;  // given: comes with the others
        ClassificationRow implied;
        implied.code = code;
        implied.level = level_of(code);
        rows.push_back(std::move(implied));
    }
    while (next_given != given.end()) rows.push_back(std::move(*next_given++));
    // Implied rows are 款 or 类 (at most 5 digits): the 款 first, so every
    // 类 adds up complete children.
    for (std::size_t length : {std::size_t{5}, std::size_t{3}}) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (!rows[i].given && rows[i].code.size() == length) sum_children(rows, i);
        }
    }
    return rows;
}

// The sum of the direct children of `parent` in a rolled-up table.
template <class Get>
std::optional<Amount> children_sum(const std::vector<ClassificationRow>& rows, const ClassificationRow& parent, Get get) {
    std::optional<Amount> sum = Amount{};
    bool any = false;
    for (const ClassificationRow& row : rows) {
        if (row.code.size() == parent.code.size() + 2 && row.code.starts_with(parent.code)) {
            any = true;
            sum = add(sum, get(row));
        }
    }
    if (!any) return std::nullopt;
    return sum;
}

template <class Table>
void sum_top_level(Table& table, bool with_parts) {
    std::optional<Amount> basic = Amount{}, project = Amount{}, total = Amount{};
    for (const ClassificationRow& row : table.rows) {
        if (row.level > 1) continue;  // 类 rows and rows without a code are the top level
        if (with_parts) {
            basic = add(basic, row.basic);
            project = add(project, row.project);
        }
        total = add(total, row.total);
    }
    if constexpr (requires { table.basic; }) {
        table.basic = basic;
        table.project = project;
    }
    table.total = total;
}

}  // namespace

int function_code_level(std::string_view code) {
    if (!all_digits(code)) return 0;
    switch (code.size()) {
        case 3: return 1;
        case 5: return 2;
        case 7: return 3;
        default: return 0;
    }
}

int economic_code_level(std::string_view code) {
    if (!all_digits(code)) return 0;
    return code.size() == 3 ? 1 : code.size() == 5 ? 2 : 0;
}

RowFigures function_row_figures(const FunctionRow& row) {
    RowFigures f;
    if (row.basic.has() || row.project.has()) {
        f.basic = row.basic.value.value_or(Amount{});
        f.project = row.project.value.value_or(Amount{});
        f.total = row.total.has() ? *row.total : *f.basic + *f.project;
    } else {
        f.total = row.total.value;
    }
    return f;
}

std::vector<FunctionTable> roll_up_functions(const std::vector<FunctionRow>& rows) {
    std::vector<FunctionTable> tables;
    for (Fund fund : {Fund::general_public, Fund::government_fund, Fund::state_capital}) {
        std::vector<ClassificationRow> given;
        std::vector<ClassificationRow> uncoded;
        bool any = false;
        for (const FunctionRow& r : rows) {
            if (r.fund != fund) continue;
            any = true;
            ClassificationRow row;
            row.code = r.code.value.value_or("");
            row.name = r.name;
            row.given = true;
            row.source = &r;
            const RowFigures f = function_row_figures(r);
            row.basic = f.basic;
            row.project = f.project;
            row.total = f.total;
            row.level = function_code_level(row.code);
            if (row.level == 0) {
                row.code = row.code.empty() ? "" : row.code;
                uncoded.push_back(std::move(row));
            } else {
                given.push_back(std::move(row));  // a duplicate code keeps the first (validation reports it)
            }
        }
        if (!any) continue;
        FunctionTable table;
        table.fund = fund;
        table.rows = roll_up(std::move(given), function_code_level, uncoded.size());
        for (ClassificationRow& row : uncoded) {
            row.level = 0;
            table.rows.push_back(std::move(row));
        }
        sum_top_level(table, true);
        tables.push_back(std::move(table));
    }
    return tables;
}

std::vector<EconomicTable> roll_up_economics(const std::vector<EconomicRow>& rows) {
    std::vector<EconomicTable> tables;
    for (EconomicScope scope : {EconomicScope::basic, EconomicScope::project}) {
        std::vector<ClassificationRow> given;
        std::vector<ClassificationRow> uncoded;
        bool any = false;
        for (const EconomicRow& r : rows) {
            if (r.scope != scope) continue;
            any = true;
            ClassificationRow row;
            row.code = r.code.value.value_or("");
            row.name = r.name;
            row.given = true;
            row.source = &r;
            row.total = r.amount.value;
            row.level = economic_code_level(row.code);
            if (row.level == 0) {
                uncoded.push_back(std::move(row));
            } else {
                given.push_back(std::move(row));
            }
        }
        if (!any) continue;
        EconomicTable table;
        table.scope = scope;
        table.rows = roll_up(std::move(given), economic_code_level, uncoded.size());
        for (ClassificationRow& row : uncoded) table.rows.push_back(std::move(row));
        sum_top_level(table, false);
        tables.push_back(std::move(table));
    }
    return tables;
}

std::vector<ParentMismatch> function_parent_mismatches(const FunctionTable& table) {
    std::vector<ParentMismatch> out;
    for (const ClassificationRow& row : table.rows) {
        if (!row.given || row.level == 0) continue;
        const auto check = [&](std::string_view name, std::optional<Amount> given,
                               std::optional<Amount> (*get)(const ClassificationRow&)) {
            const std::optional<Amount> sum = children_sum(table.rows, row, get);
            if (given && sum && *given != *sum) out.push_back({&row, name, *given, *sum});
        };
        check("basic", row.basic, [](const ClassificationRow& r) { return r.basic; });
        check("project", row.project, [](const ClassificationRow& r) { return r.project; });
        check("total", row.total, [](const ClassificationRow& r) { return r.total; });
    }
    return out;
}

std::vector<ParentMismatch> economic_parent_mismatches(const EconomicTable& table) {
    std::vector<ParentMismatch> out;
    for (const ClassificationRow& row : table.rows) {
        if (!row.given || row.level == 0) continue;
        const std::optional<Amount> sum =
            children_sum(table.rows, row, [](const ClassificationRow& r) { return r.total; });
        if (row.total && sum && *row.total != *sum) out.push_back({&row, "amount", *row.total, *sum});
    }
    return out;
}

}  // namespace gk
