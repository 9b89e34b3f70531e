// The standard disclosure tables (部门预算公开表, 财预〔2016〕143号), filled
// from the contract's keys as docs/disclosure-tables.md describes. A figure
// that is not published is "—"; a table without data keeps its place with
// the customary note.
#include <map>

#include "compute/classification.h"
#include "render/disclosure.h"
#include "render/html.h"

namespace gk {

namespace {

std::optional<Amount> add(std::optional<Amount> a, std::optional<Amount> b) {
    if (!a) return b;
    if (!b) return a;
    return *a + *b;
}

std::string caption(DisclosureContext& c, int number) {
    return c.env.label(std::string(c.final_accounts() ? "standard_table.final." : "standard_table.budget.") +
                       std::to_string(number));
}

Table make(DisclosureContext& c, int number) {
    Table t;
    t.id = "table-" + std::to_string(number);
    t.caption = caption(c, number);
    t.unit = unit_caption(c.env);
    t.empty_note = c.env.label("table.not_published_note");
    t.standard = true;
    // Two tables list the department's classification rows in full: table 3
    // every 功能分类 row of every fund, table 6 every 经济分类 row of the
    // basic expenditure. The other tables' rows are those 功能分类 rows
    // again by fund (5, 8, 9) or their 类 (1, 4); the income sources, which
    // the overview's sentence states (1, 4; table 2 has one 合计 row); table
    // 1's statutory totals (本年收入合计, 收入总计, 结转下年, 支出总计:
    // every disclosure's table 1 has them, so as search terms they would
    // tell no page from another); and the “三公” rows (7: this year's are
    // its section's sentence). A fund's own name for a code that table 3
    // shows under another fund's name is the one thing lost.
    t.restated_rows = number != 3 && number != 6;
    return t;
}

Cell heading(DisclosureContext& c, const char* key, bool numeric = false) {
    Cell cell = text_cell(c.env.label(key), true);
    cell.numeric = numeric;
    return cell;
}

// Function rows of every fund merged by code: 部门支出总表 shows all funds.
std::vector<ClassificationRow> merged_function_rows(const DepartmentYear& dy) {
    std::map<std::string, ClassificationRow> by_code;
    std::vector<ClassificationRow> uncoded;
    for (const FunctionTable& t : dy.functions) {
        for (const ClassificationRow& row : t.rows) {
            if (row.code.empty()) {
                uncoded.push_back(row);
                continue;
            }
            auto [it, inserted] = by_code.emplace(row.code, row);
            if (inserted) continue;
            ClassificationRow& m = it->second;
            if (m.name.empty()) m.name = row.name;
            m.basic = m.basic && row.basic ? std::optional(*m.basic + *row.basic) : std::nullopt;
            m.project = m.project && row.project ? std::optional(*m.project + *row.project) : std::nullopt;
            m.total = add(m.total, row.total);
        }
    }
    std::vector<ClassificationRow> out;
    for (auto& [code, row] : by_code) out.push_back(row);
    out.insert(out.end(), uncoded.begin(), uncoded.end());
    return out;
}

Cell code_cell(const ClassificationRow& row) { return text_cell(row.code); }

Cell name_cell(DisclosureContext& c, const ClassificationRow& row) {
    Cell cell = text_cell(row.name.empty() ? c.env.label("table.unnamed_code") : row.name, true);
    cell.level = row.level > 0 ? row.level - 1 : 0;
    return cell;
}

// 1 部门收支总表: income on the left, expenditure on the right.
Table table_1(DisclosureContext& c) {
    Table t = make(c, 1);
    const RenderEnv& env = c.env;
    Row head;
    head.cells = {heading(c, "standard_table.income_item"), heading(c, "table.amount", true),
                  heading(c, "standard_table.expenditure_item"), heading(c, "table.amount", true)};
    t.head.push_back(head);
    if (!c.value(Fig::income_total) && !c.value(Fig::expenditure_total)) return t;

    std::vector<std::pair<std::string, std::optional<Amount>>> left, right;
    for (Fig f : share_group(Fig::income_total).parts) {
        if (f != Fig::carryover) left.emplace_back(env.figure_label(f), c.value(f));
    }
    std::vector<ClassificationRow> classes;
    for (const ClassificationRow& row : merged_function_rows(c.dy)) {
        if (row.level <= 1) classes.push_back(row);
    }
    if (!classes.empty()) {
        for (const ClassificationRow& row : classes)
            right.emplace_back((row.code.empty() ? "" : row.code + " ") + row.name, row.total);
    } else {
        for (Fig f : share_group(Fig::expenditure_total).parts) right.emplace_back(env.figure_label(f), c.value(f));
    }
    const std::size_t n = std::max(left.size(), right.size());
    for (std::size_t i = 0; i < n; ++i) {
        Row row;
        row.cells.push_back(i < left.size() ? text_cell(left[i].first, true) : text_cell("", true));
        row.cells.push_back(number_cell(i < left.size() ? env.numbers.amount(left[i].second) : ""));
        row.cells.push_back(i < right.size() ? text_cell(right[i].first) : text_cell(""));
        row.cells.push_back(number_cell(i < right.size() ? env.numbers.amount(right[i].second) : ""));
        t.body.push_back(std::move(row));
    }
    const std::optional<Amount> income = c.value(Fig::income_total);
    const std::optional<Amount> carryover = c.value(Fig::carryover);
    const std::optional<Amount> this_year = income && carryover ? std::optional(*income - *carryover) : std::nullopt;
    const std::optional<Amount> expenditure = c.value(Fig::expenditure_total);
    const std::optional<Amount> carry_forward = c.value(Fig::carry_forward);
    const std::optional<Amount> grand = expenditure && carry_forward ? std::optional(*expenditure + *carry_forward) : std::nullopt;
    const auto pair_row = [&](const char* lk, std::optional<Amount> lv, const char* rk, std::optional<Amount> rv, bool total) {
        Row row;
        row.total = total;
        row.cells = {heading(c, lk), number_cell(env.numbers.amount(lv)), text_cell(env.label(rk)),
                     number_cell(env.numbers.amount(rv))};
        row.cells[0].header = true;
        t.body.push_back(std::move(row));
    };
    pair_row("standard_table.income_this_year", this_year, "standard_table.expenditure_this_year", expenditure, true);
    pair_row("figure.carryover", carryover, "figure.carry_forward", carry_forward, false);
    pair_row("standard_table.income_grand_total", income, "standard_table.expenditure_grand_total", grand, true);
    return t;
}

// 2 部门收入总表: one 合计 row across the income sources.
Table table_2(DisclosureContext& c) {
    Table t = make(c, 2);
    Row head;
    head.cells.push_back(heading(c, "table.item"));
    head.cells.push_back(heading(c, "table.total", true));
    for (Fig f : share_group(Fig::income_total).parts) {
        Cell cell = text_cell(c.env.figure_label(f), true);
        cell.numeric = true;
        head.cells.push_back(cell);
    }
    t.head.push_back(head);
    if (!c.value(Fig::income_total)) return t;
    Row row;
    row.total = true;
    row.cells.push_back(heading(c, "table.total"));
    row.cells.push_back(number_cell(c.env.numbers.amount(c.value(Fig::income_total))));
    for (Fig f : share_group(Fig::income_total).parts) row.cells.push_back(number_cell(c.env.numbers.amount(c.value(f))));
    t.body.push_back(std::move(row));
    return t;
}

// Rows of a function table: code, name, total, basic, project; then 合计.
void function_rows(DisclosureContext& c, Table& t, const std::vector<ClassificationRow>& rows,
                   std::optional<Amount> total, std::optional<Amount> basic, std::optional<Amount> project) {
    Row head;
    head.cells = {heading(c, "table.code"), heading(c, "table.name"), heading(c, "table.total", true),
                  heading(c, "figure.basic", true), heading(c, "figure.project", true)};
    t.head.push_back(head);
    if (rows.empty()) return;
    for (const ClassificationRow& r : rows) {
        Row row;
        row.cells = {code_cell(r), name_cell(c, r), number_cell(c.env.numbers.amount(r.total)),
                     number_cell(c.env.numbers.amount(r.basic)), number_cell(c.env.numbers.amount(r.project))};
        t.body.push_back(std::move(row));
    }
    Row sum;
    sum.total = true;
    Cell name = heading(c, "table.total");
    name.colspan = 2;
    sum.cells = {name, number_cell(c.env.numbers.amount(total)), number_cell(c.env.numbers.amount(basic)),
                 number_cell(c.env.numbers.amount(project))};
    t.body.push_back(std::move(sum));
}

// 3 部门支出总表: every fund, 类/款/项.
Table table_3(DisclosureContext& c) {
    Table t = make(c, 3);
    const std::vector<ClassificationRow> rows = merged_function_rows(c.dy);
    std::optional<Amount> total, basic = Amount{}, project = Amount{};
    for (const FunctionTable& ft : c.dy.functions) {
        total = add(total, ft.total);
        basic = basic && ft.basic ? std::optional(*basic + *ft.basic) : std::nullopt;
        project = project && ft.project ? std::optional(*project + *ft.project) : std::nullopt;
    }
    if (rows.empty()) {
        // No classification published: the 合计 row from the expenditure figures.
        Row head;
        head.cells = {heading(c, "table.item"), heading(c, "table.total", true), heading(c, "figure.basic", true),
                      heading(c, "figure.project", true)};
        t.head.push_back(head);
        if (c.value(Fig::expenditure_total)) {
            Row row;
            row.total = true;
            row.cells = {heading(c, "table.total"), number_cell(c.env.numbers.amount(c.value(Fig::expenditure_total))),
                         number_cell(c.env.numbers.amount(c.value(Fig::basic))),
                         number_cell(c.env.numbers.amount(c.value(Fig::project)))};
            t.body.push_back(std::move(row));
            t.note_html = escape_html(c.env.label("standard_table.no_function_detail"));
        }
        return t;
    }
    function_rows(c, t, rows, total, basic, project);
    return t;
}

// 4 财政拨款收支总表: the three fiscal funds, income and expenditure.
Table table_4(DisclosureContext& c) {
    Table t = make(c, 4);
    const RenderEnv& env = c.env;
    Row head;
    head.cells = {heading(c, "standard_table.income_item"), heading(c, "table.amount", true),
                  heading(c, "standard_table.expenditure_item"), heading(c, "table.total", true),
                  heading(c, "figure.general_public", true), heading(c, "figure.government_fund", true),
                  heading(c, "figure.state_capital", true)};
    t.head.push_back(head);
    const Fig funds[] = {Fig::general_public, Fig::government_fund, Fig::state_capital};
    bool any = false;
    for (Fig f : funds) any = any || c.value(f).has_value();
    if (!any) return t;
    // Right side: 类 rows per fund.
    std::map<std::string, std::array<std::optional<Amount>, 3>> classes;
    std::map<std::string, std::string> names;
    for (const FunctionTable& ft : c.dy.functions) {
        const std::size_t k = static_cast<std::size_t>(ft.fund);
        for (const ClassificationRow& r : ft.rows) {
            if (r.level != 1) continue;
            classes[r.code][k] = add(classes[r.code][k], r.total);
            if (names[r.code].empty()) names[r.code] = r.name;
        }
    }
    std::vector<Row> right;
    for (const auto& [code, amounts] : classes) {
        Row row;
        std::optional<Amount> sum;
        for (const auto& a : amounts) sum = add(sum, a);
        row.cells = {text_cell(code + " " + names[code]), number_cell(env.numbers.amount(sum))};
        for (const auto& a : amounts) row.cells.push_back(number_cell(a ? env.numbers.amount(a) : ""));
        right.push_back(std::move(row));
    }
    const std::size_t n = std::max<std::size_t>(3, right.size());
    for (std::size_t i = 0; i < n; ++i) {
        Row row;
        if (i < 3) {
            row.cells = {text_cell(env.figure_label(funds[i]), true), number_cell(env.numbers.amount(c.value(funds[i])))};
        } else {
            row.cells = {text_cell("", true), number_cell("")};
        }
        if (i < right.size()) {
            for (Cell& cell : right[i].cells) row.cells.push_back(cell);
        } else {
            for (int k = 0; k < 5; ++k) row.cells.push_back(k == 0 ? text_cell("") : number_cell(""));
        }
        t.body.push_back(std::move(row));
    }
    std::optional<Amount> income;
    for (Fig f : funds) income = add(income, c.value(f));
    std::optional<Amount> expenditure;
    std::array<std::optional<Amount>, 3> per_fund;
    for (const FunctionTable& ft : c.dy.functions) {
        expenditure = add(expenditure, ft.total);
        per_fund[static_cast<std::size_t>(ft.fund)] = ft.total;
    }
    Row total;
    total.total = true;
    total.cells = {heading(c, "standard_table.income_this_year"), number_cell(env.numbers.amount(income)),
                   text_cell(env.label("standard_table.expenditure_this_year")),
                   number_cell(c.dy.functions.empty() ? env.numbers.not_published() : env.numbers.amount(expenditure))};
    for (const auto& a : per_fund) total.cells.push_back(number_cell(c.dy.functions.empty() ? env.numbers.not_published() : env.numbers.amount(a.value_or(Amount{}))));
    t.body.push_back(std::move(total));
    if (c.dy.functions.empty()) t.note_html = escape_html(env.label("standard_table.no_function_detail"));
    return t;
}

// 5, 8, 9: the function table of one fund.
Table fund_table(DisclosureContext& c, int number, Fund fund, Fig income) {
    Table t = make(c, number);
    const FunctionTable* table = nullptr;
    for (const FunctionTable& ft : c.dy.functions) {
        if (ft.fund == fund) table = &ft;
    }
    static const std::vector<ClassificationRow> kNone;
    function_rows(c, t, table ? table->rows : kNone, table ? table->total : std::nullopt,
                  table ? table->basic : std::nullopt, table ? table->project : std::nullopt);
    if (!table) {
        // 本部门无此项预算 when the fund brings nothing; otherwise the detail is not published.
        const std::optional<Amount>& v = c.value(income);
        t.empty_note = c.env.label(v && v->is_zero() ? (c.final_accounts() ? "standard_table.none_final" : "standard_table.none")
                                                     : "standard_table.no_function_detail");
    }
    return t;
}

// 6 一般公共预算基本支出表: economic classification, split into 人员经费
// (301 工资福利支出, 303 对个人和家庭的补助) and 公用经费 (the other 类).
Table table_6(DisclosureContext& c) {
    Table t = make(c, 6);
    Row head;
    head.cells = {heading(c, "table.code"), heading(c, "table.name"), heading(c, "table.total", true),
                  heading(c, "figure.personnel", true), heading(c, "figure.public", true)};
    t.head.push_back(head);
    const EconomicTable* table = nullptr;
    for (const EconomicTable& et : c.dy.economics) {
        if (et.scope == EconomicScope::basic) table = &et;
    }
    if (!table) {
        t.empty_note = c.env.label("standard_table.no_economic_detail");
        return t;
    }
    std::optional<Amount> personnel = Amount{}, pub = Amount{};
    for (const ClassificationRow& r : table->rows) {
        const bool is_personnel = r.code.starts_with("301") || r.code.starts_with("303");
        Row row;
        row.cells = {code_cell(r), name_cell(c, r), number_cell(c.env.numbers.amount(r.total)),
                     number_cell(is_personnel ? c.env.numbers.amount(r.total) : ""),
                     number_cell(is_personnel ? "" : c.env.numbers.amount(r.total))};
        if (r.level <= 1) (is_personnel ? personnel : pub) = add(is_personnel ? personnel : pub, r.total);
        t.body.push_back(std::move(row));
    }
    Row sum;
    sum.total = true;
    Cell name = heading(c, "table.total");
    name.colspan = 2;
    sum.cells = {name, number_cell(c.env.numbers.amount(table->total)), number_cell(c.env.numbers.amount(personnel)),
                 number_cell(c.env.numbers.amount(pub))};
    t.body.push_back(std::move(sum));
    t.note_html = escape_html(c.env.label("standard_table.economic_split_note"));
    return t;
}

// 7 “三公”经费支出表: this year (and last year when known).
Table table_7(DisclosureContext& c) {
    Table t = make(c, 7);
    const RenderEnv& env = c.env;
    constexpr Fig kItems[] = {Fig::three_public_total, Fig::outbound, Fig::vehicle_total,
                              Fig::vehicle_purchase, Fig::vehicle_operation, Fig::reception};
    Row head;
    head.cells.push_back(heading(c, "table.year"));
    for (Fig f : kItems) {
        Cell cell = text_cell(env.figure_label(f), true);
        cell.numeric = true;
        head.cells.push_back(cell);
    }
    t.head.push_back(head);
    if (!c.value(Fig::three_public_total)) return t;
    Row row;
    row.cells.push_back(text_cell(std::to_string(c.dy.year), true));
    for (Fig f : kItems) row.cells.push_back(number_cell(env.numbers.amount(c.value(f))));
    t.body.push_back(std::move(row));
    if (c.dy.changes[index(Fig::three_public_total)]) {
        Row last;
        last.cells.push_back(text_cell(std::to_string(c.dy.year - 1), true));
        for (Fig f : kItems) {
            const std::optional<Change>& ch = c.dy.changes[index(f)];
            last.cells.push_back(number_cell(ch ? env.numbers.amount(ch->previous) : env.numbers.not_published()));
        }
        t.body.push_back(std::move(last));
    }
    return t;
}

}  // namespace

std::vector<Table> standard_tables(DisclosureContext& c) {
    std::vector<Table> tables;
    tables.push_back(table_1(c));
    tables.push_back(table_2(c));
    tables.push_back(table_3(c));
    tables.push_back(table_4(c));
    tables.push_back(fund_table(c, 5, Fund::general_public, Fig::general_public));
    tables.push_back(table_6(c));
    tables.push_back(table_7(c));
    tables.push_back(fund_table(c, 8, Fund::government_fund, Fig::government_fund));
    tables.push_back(fund_table(c, 9, Fund::state_capital, Fig::state_capital));
    return tables;
}

}  // namespace gk
