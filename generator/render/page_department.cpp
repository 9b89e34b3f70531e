// departments/<id>/index.html: one department across all its years.
#include "render/figure_tables.h"
#include "render/html.h"
#include "render/pages.h"
#include "render/urls.h"

namespace gk {

namespace {

constexpr Fig kColumns[] = {Fig::income_total,       Fig::expenditure_total,  Fig::basic,
                            Fig::project,            Fig::three_public_total, Fig::operating_expenses};

Table series_table(const RenderEnv& env, const std::vector<const DepartmentYear*>& series, BudgetKind kind,
                   const std::string& from) {
    Table t;
    t.id = kind == BudgetKind::final_accounts ? "series-final" : "series";
    t.caption = env.label(kind == BudgetKind::final_accounts ? "department.series_final_caption" : "department.series_caption");
    t.unit = unit_caption(env);
    Row head;
    head.cells.push_back(text_cell(env.label("table.year"), true));
    for (Fig f : kColumns) {
        Cell c = text_cell(env.figure_label(f), true);
        c.numeric = true;
        head.cells.push_back(c);
    }
    Cell change = text_cell(env.label("table.change_of_total"), true);
    change.numeric = true;
    head.cells.push_back(change);
    if (kind == BudgetKind::final_accounts) {
        Cell c = text_cell(env.label("table.execution"), true);
        c.numeric = true;
        head.cells.push_back(c);
    }
    t.head.push_back(head);
    for (auto it = series.rbegin(); it != series.rend(); ++it) {
        const DepartmentYear& dy = **it;
        Row row;
        row.cells.push_back(html_cell("<a href=\"" + escape_html(link(from, disclosure_path(dy))) + "\">" +
                                          escape_html(year_title(env, dy.year, dy.kind)) + "</a>",
                                      true));
        for (Fig f : kColumns) row.cells.push_back(number_cell(env.numbers.amount(dy.values[index(f)])));
        row.cells.push_back(number_cell(env.numbers.change_cell(dy.changes[index(Fig::expenditure_total)])));
        if (kind == BudgetKind::final_accounts)
            row.cells.push_back(number_cell(env.numbers.percent(dy.execution[index(Fig::expenditure_total)])));
        t.body.push_back(std::move(row));
    }
    return t;
}

std::string trend_chart(const RenderEnv& env, const std::vector<const DepartmentYear*>& series) {
    std::vector<std::string> categories;
    std::vector<ChartSeries> lines;
    for (Fig f : {Fig::expenditure_total, Fig::basic, Fig::project}) lines.push_back({env.figure_label(f), {}});
    for (const DepartmentYear* dy : series) {
        categories.push_back(std::to_string(dy->year));
        lines[0].values.push_back(dy->values[index(Fig::expenditure_total)]);
        lines[1].values.push_back(dy->values[index(Fig::basic)]);
        lines[2].values.push_back(dy->values[index(Fig::project)]);
    }
    std::string description;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        if (i > 0) description += env.label("common.list_separator");
        description += categories[i] + " " + env.figure_label(Fig::expenditure_total) + " " +
                       env.numbers.amount(lines[0].values[i]) + env.numbers.unit();
    }
    return line_chart_svg("trend", categories, lines, chart_text(env, env.label("department.trend_title"), description));
}

}  // namespace

void render_department(const RenderEnv& env, const Department& dept, OutputSink& sink) {
    PageFrame frame;
    frame.path = department_path(dept.id);
    frame.section = "years";
    frame.title = department_name(dept);
    frame.illustrative = dept.illustrative;
    frame.crumbs = {{env.label("nav.home"), overview_path()}};
    const std::vector<const DepartmentYear*> budgets = env.derived.series(dept.id, BudgetKind::budget);
    const std::vector<const DepartmentYear*> finals = env.derived.series(dept.id, BudgetKind::final_accounts);
    mu::data body;
    set_moved(body, "name", department_name(dept));
    set_moved(body, "short", dept.short_name);
    set_moved(body, "has_short", !dept.short_name.empty() && dept.short_name != department_name(dept));
    set_moved(body, "code", dept.code);
    set_moved(body, "has_code", !dept.code.empty());
    set_moved(body, "category", dept.category);
    set_moved(body, "has_category", !dept.category.empty());
    set_moved(body, "region", dept.region);
    set_moved(body, "has_budgets", !budgets.empty());
    set_moved(body, "has_finals", !finals.empty());
    set_moved(body, "table", table_data(env.templates, env.globals, series_table(env, budgets, BudgetKind::budget, frame.path)));
    set_moved(body, "final_table", table_data(env.templates, env.globals, series_table(env, finals, BudgetKind::final_accounts, frame.path)));
    set_moved(body, "has_trend", budgets.size() > 1);
    set_moved(body, "trend_chart_html", budgets.size() > 1 ? trend_chart(env, budgets) : std::string());
    mu::data years{mu::data::type::list};
    for (const DepartmentYear* dy : budgets) push_moved(years, link_item(frame.path, year_title(env, dy->year, dy->kind), disclosure_path(*dy)));
    for (const DepartmentYear* dy : finals) push_moved(years, link_item(frame.path, year_title(env, dy->year, dy->kind), disclosure_path(*dy)));
    set_moved(body, "years", std::move(years));
    emit_page(env, frame, "pages/department", body, sink);
}

}  // namespace gk
