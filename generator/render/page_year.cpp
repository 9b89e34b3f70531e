// <year>/index.html: every department in that year with totals, shares,
// ranks and changes.
#include "render/figure_tables.h"
#include "render/html.h"
#include "render/pages.h"
#include "render/urls.h"

namespace gk {

namespace {

// The columns of the year table: a figure with its rank and change.
constexpr Fig kColumns[] = {Fig::income_total, Fig::expenditure_total, Fig::basic, Fig::project, Fig::three_public_total};

Table year_table(const RenderEnv& env, const RegionYear& region, const std::string& from) {
    Table t;
    t.id = "departments";
    t.caption = year_title(env, region.year, region.kind);
    t.unit = unit_caption(env);
    Row head;
    head.cells.push_back(text_cell(env.label("table.department"), true));
    for (Fig f : kColumns) {
        Cell c = text_cell(env.figure_label(f), true);
        c.numeric = true;
        head.cells.push_back(c);
    }
    for (const char* key : {"table.region_share", "table.rank", "table.change"}) {
        Cell c = text_cell(env.label(key), true);
        c.numeric = true;
        head.cells.push_back(c);
    }
    if (region.kind == BudgetKind::final_accounts) {
        Cell c = text_cell(env.label("table.execution"), true);
        c.numeric = true;
        head.cells.push_back(c);
    }
    t.head.push_back(head);
    const std::size_t total = index(Fig::expenditure_total);
    for (const DepartmentYear* dy : region.members) {
        Row row;
        std::string name = "<a href=\"" + escape_html(link(from, disclosure_path(*dy))) + "\">" +
                           escape_html(department_name(*dy->department)) + "</a>";
        if (dy->department->illustrative) name += " <span class=\"tag\">" + escape_html(env.label("illustrative.tag")) + "</span>";
        row.cells.push_back(html_cell(name, true));
        for (Fig f : kColumns) row.cells.push_back(number_cell(env.numbers.amount(dy->values[index(f)])));
        row.cells.push_back(number_cell(env.numbers.percent(dy->region_share[total])));
        row.cells.push_back(number_cell(dy->rank[total] > 0 ? std::to_string(dy->rank[total]) : env.numbers.not_published()));
        row.cells.push_back(number_cell(env.numbers.change_cell(dy->changes[total])));
        if (region.kind == BudgetKind::final_accounts) row.cells.push_back(number_cell(env.numbers.percent(dy->execution[total])));
        t.body.push_back(std::move(row));
    }
    Row sum;
    sum.total = true;
    sum.cells.push_back(text_cell(env.label("table.region_total"), true));
    for (Fig f : kColumns) sum.cells.push_back(number_cell(env.numbers.amount(region.totals[index(f)])));
    sum.cells.push_back(number_cell(env.numbers.percent(Percent::from_hundredths(10000))));
    sum.cells.push_back(number_cell(""));
    sum.cells.push_back(number_cell(env.numbers.change_cell(region.changes[total])));
    if (region.kind == BudgetKind::final_accounts) sum.cells.push_back(number_cell(""));
    t.body.push_back(std::move(sum));
    return t;
}

std::string ranking_chart(const RenderEnv& env, const RegionYear& region) {
    std::vector<const DepartmentYear*> ranked = region.members;
    const std::size_t f = index(Fig::expenditure_total);
    std::stable_sort(ranked.begin(), ranked.end(), [f](const DepartmentYear* a, const DepartmentYear* b) {
        return a->values[f].value_or(Amount{}) > b->values[f].value_or(Amount{});
    });
    std::vector<ChartDatum> data;
    for (const DepartmentYear* dy : ranked) data.push_back({department_name(*dy->department), dy->values[f]});
    return bar_chart_svg("ranking", data, chart_text(env, env.label("year.chart_title"), describe(env, data)));
}

}  // namespace

void render_year(const RenderEnv& env, const RegionYear& region, OutputSink& sink) {
    PageFrame frame;
    frame.path = year_path(region.year, region.kind);
    frame.section = "years";
    frame.title = year_title(env, region.year, region.kind);
    frame.illustrative = any_illustrative(region.members);
    frame.crumbs = {{env.label("nav.home"), overview_path()}};
    mu::data body;
    set_moved(body, "heading", frame.title);
    mu::data summary;
    set_moved(summary, "year", std::to_string(region.year));
    set_moved(summary, "count", std::to_string(region.members.size()));
    set_moved(summary, "total", env.numbers.amount(region.totals[index(Fig::expenditure_total)]));
    set_moved(summary, "unit", env.numbers.unit());
    set_moved(summary, "has_change", region.changes[index(Fig::expenditure_total)].has_value());
    set_moved(summary, "change_html", env.numbers.change_sentence(region.changes[index(Fig::expenditure_total)]));
    set_moved(body, "summary_html", env.labels.sentence(region.kind == BudgetKind::final_accounts ? "year.summary_final" : "year.summary", summary));
    set_moved(body, "table", table_data(env.templates, env.globals, year_table(env, region, frame.path)));
    set_moved(body, "chart_html", ranking_chart(env, region));
    mu::data years{mu::data::type::list};
    for (const RegionYear& r : env.derived.regions) {
        mu::data y = link_item(frame.path, year_title(env, r.year, r.kind), year_path(r.year, r.kind));
        set_moved(y, "current", &r == &region);
        push_moved(years, std::move(y));
    }
    set_moved(body, "years", std::move(years));
    set_moved(body, "csv_href", link(frame.path, "data/" + std::to_string(region.year) + (region.kind == BudgetKind::final_accounts ? "-final" : "") + ".csv"));
    emit_page(env, frame, "pages/year", body, sink);
}

}  // namespace gk
