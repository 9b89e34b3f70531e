#include "compute/classification.h"

#include <algorithm>
#include <map>

namespace gk {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Amount> add(std::optional<Amount> a, std::optional<Amount> b) {
    if (!a || !b) return std::nullopt;
    return *a + *b;
}

// A node while rolling up: a given row or one implied by its children's codes.
struct Node {
    ClassificationRow row;
    std::vector<std::string> children;
};

// Code prefix of the level above: 7 -> 5 digits, 5 -> 3 digits.
std::string parent_code(const std::string& code) { return code.size() > 3 ? code.substr(0, code.size() - 2) : ""; }

// Builds the code tree of `given` rows (keyed by code) plus the 款/类 they
// imply, and fills every implied row with the sum of its children, deepest
// level first. Returns rows in code order: parents before children.
std::vector<ClassificationRow> roll_up(std::map<std::string, ClassificationRow> given, int (*level_of)(std::string_view)) {
    std::map<std::string, Node> nodes;
    for (auto& [code, row] : given) nodes[code].row = row;
    // Add implied ancestors and child links.
    std::vector<std::string> codes;
    for (auto& [code, node] : nodes) codes.push_back(code);
    for (const std::string& code : codes) {
        std::string child = code;
        for (std::string parent = parent_code(child); !parent.empty(); parent = parent_code(child)) {
            Node& p = nodes[parent];
            if (p.row.code.empty()) {
                p.row.code = parent;
                p.row.level = level_of(parent);
            }
            if (std::find(p.children.begin(), p.children.end(), child) == p.children.end()) p.children.push_back(child);
            child = parent;
        }
    }
    // Deepest codes first, so children are complete before their parents.
    std::vector<std::string> order;
    for (auto& [code, node] : nodes) order.push_back(code);
    std::stable_sort(order.begin(), order.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const std::string& code : order) {
        Node& node = nodes[code];
        if (node.row.given || node.children.empty()) continue;
        std::optional<Amount> basic = Amount{}, project = Amount{}, total = Amount{};
        for (const std::string& c : node.children) {
            const ClassificationRow& child = nodes[c].row;
            basic = add(basic, child.basic);
            project = add(project, child.project);
            total = add(total, child.total);
        }
        node.row.basic = basic;
        node.row.project = project;
        node.row.total = total;
    }
    std::vector<ClassificationRow> out;
    for (auto& [code, node] : nodes) out.push_back(node.row);
    return out;
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
        std::map<std::string, ClassificationRow> given;
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
                given.emplace(row.code, std::move(row));  // a duplicate code keeps the first (validation reports it)
            }
        }
        if (!any) continue;
        FunctionTable table;
        table.fund = fund;
        table.rows = roll_up(std::move(given), function_code_level);
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
        std::map<std::string, ClassificationRow> given;
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
                given.emplace(row.code, std::move(row));
            }
        }
        if (!any) continue;
        EconomicTable table;
        table.scope = scope;
        table.rows = roll_up(std::move(given), economic_code_level);
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
