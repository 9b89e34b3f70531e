// index.html: the region in its latest year, and links to every year.
#include "render/figure_tables.h"
#include "render/html.h"
#include "render/pages.h"
#include "render/urls.h"

namespace gk {

namespace {

const RegionYear* latest_budget_region(const Derived& derived) {
    const RegionYear* latest = nullptr;
    for (const RegionYear& r : derived.regions) {
        if (r.kind == BudgetKind::budget && (!latest || r.year > latest->year)) latest = &r;
    }
    return latest;
}

mu::data card(const RenderEnv& env, const std::string& name, const std::string& value, const std::string& unit,
              const std::optional<Change>& change) {
    mu::data c;
    set_moved(c, "name", name);
    set_moved(c, "value", value);
    set_moved(c, "unit", unit);
    set_moved(c, "has_change", change.has_value());
    set_moved(c, "change_html", env.numbers.change_sentence(change));
    return c;
}

Table departments_table(const RenderEnv& env, const RegionYear& region, const std::string& from) {
    Table t;
    t.id = "departments";
    mu::data cap;
    set_moved(cap, "year", std::to_string(region.year));
    t.caption = env.labels.get("overview.departments_caption");
    t.unit = unit_caption(env);
    Row head;
    for (const char* key : {"table.rank", "table.department", "table.category", "figure.expenditure_total",
                            "table.region_share", "table.change", "figure.three_public_total"}) {
        head.cells.push_back(text_cell(env.label(key), true));
    }
    for (std::size_t i : {0, 3, 4, 5, 6}) head.cells[i].numeric = true;
    t.head.push_back(head);
    std::vector<const DepartmentYear*> ranked = region.members;
    const std::size_t f = index(Fig::expenditure_total);
    std::stable_sort(ranked.begin(), ranked.end(), [f](const DepartmentYear* a, const DepartmentYear* b) {
        const int ra = a->rank[f] == 0 ? INT32_MAX : a->rank[f];
        const int rb = b->rank[f] == 0 ? INT32_MAX : b->rank[f];
        return ra < rb;
    });
    for (const DepartmentYear* dy : ranked) {
        Row row;
        row.cells.push_back(number_cell(dy->rank[f] > 0 ? std::to_string(dy->rank[f]) : env.numbers.not_published()));
        std::string name = "<a href=\"" + escape_html(link(from, disclosure_path(*dy))) + "\">" +
                           escape_html(department_name(*dy->department)) + "</a>";
        if (dy->department->illustrative) name += " <span class=\"tag\">" + escape_html(env.label("illustrative.tag")) + "</span>";
        row.cells.push_back(html_cell(name, true));
        row.cells.push_back(text_cell(dy->department->category));
        row.cells.push_back(number_cell(env.numbers.amount(dy->values[f])));
        row.cells.push_back(number_cell(env.numbers.percent(dy->region_share[f])));
        row.cells.push_back(number_cell(env.numbers.change_cell(dy->changes[f])));
        row.cells.push_back(number_cell(env.numbers.amount(dy->values[index(Fig::three_public_total)])));
        t.body.push_back(std::move(row));
    }
    t.empty_note = env.label("overview.no_departments");
    return t;
}

Table years_table(const RenderEnv& env, const std::string& from) {
    Table t;
    t.id = "years";
    t.caption = env.label("overview.years_caption");
    t.unit = unit_caption(env);
    Row head;
    for (const char* key : {"table.year", "table.departments_count", "figure.income_total", "figure.expenditure_total",
                            "table.change", "figure.three_public_total"}) {
        head.cells.push_back(text_cell(env.label(key), true));
    }
    for (std::size_t i = 1; i < head.cells.size(); ++i) head.cells[i].numeric = true;
    t.head.push_back(head);
    for (auto it = env.derived.regions.rbegin(); it != env.derived.regions.rend(); ++it) {
        const RegionYear& r = *it;
        Row row;
        std::string name = "<a href=\"" + escape_html(link(from, year_path(r.year, r.kind))) + "\">" +
                           escape_html(year_title(env, r.year, r.kind)) + "</a>";
        row.cells.push_back(html_cell(name, true));
        row.cells.push_back(number_cell(std::to_string(r.members.size())));
        row.cells.push_back(number_cell(env.numbers.amount(r.totals[index(Fig::income_total)])));
        row.cells.push_back(number_cell(env.numbers.amount(r.totals[index(Fig::expenditure_total)])));
        row.cells.push_back(number_cell(env.numbers.change_cell(r.changes[index(Fig::expenditure_total)])));
        row.cells.push_back(number_cell(env.numbers.amount(r.totals[index(Fig::three_public_total)])));
        t.body.push_back(std::move(row));
    }
    return t;
}

std::string trend_chart(const RenderEnv& env) {
    std::vector<std::string> categories;
    ChartSeries series{env.figure_label(Fig::expenditure_total), {}};
    for (const RegionYear& r : env.derived.regions) {
        if (r.kind != BudgetKind::budget) continue;
        categories.push_back(std::to_string(r.year));
        series.values.push_back(r.totals[index(Fig::expenditure_total)]);
    }
    std::string description;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        if (i > 0) description += env.label("common.list_separator");
        description += categories[i] + " " + env.numbers.amount(series.values[i]) + env.numbers.unit();
    }
    return line_chart_svg("trend", categories, {series}, chart_text(env, env.label("overview.trend_title"), description));
}

}  // namespace

void render_overview(const RenderEnv& env, OutputSink& sink) {
    PageFrame frame;
    frame.path = overview_path();
    frame.section = "home";
    frame.title = env.label("overview.title");
    mu::data body;
    const RegionYear* region = latest_budget_region(env.derived);
    set_moved(body, "has_region", region != nullptr);
    set_moved(body, "region_name", env.content.site.region);
    if (!region) {
        set_moved(body, "year", "");
        emit_page(env, frame, "pages/index", body, sink);
        return;
    }
    frame.illustrative = any_illustrative(region->members);
    const std::string year = std::to_string(region->year);
    set_moved(body, "year", year);
    set_moved(body, "year_href", link(frame.path, year_path(region->year, region->kind)));

    mu::data summary;
    set_moved(summary, "year", year);
    set_moved(summary, "region", env.content.site.region);
    set_moved(summary, "count", std::to_string(region->members.size()));
    set_moved(summary, "total", env.numbers.amount(region->totals[index(Fig::expenditure_total)]));
    set_moved(summary, "unit", env.numbers.unit());
    set_moved(summary, "change_html", env.numbers.change_sentence(region->changes[index(Fig::expenditure_total)]));
    set_moved(summary, "has_change", region->changes[index(Fig::expenditure_total)].has_value());
    set_moved(body, "summary_html", env.labels.sentence("overview.summary", summary));

    mu::data cards{mu::data::type::list};
    const auto amount_card = [&](Fig f) {
        push_moved(cards, card(env, env.figure_label(f), env.numbers.amount(region->totals[index(f)]), env.numbers.unit(),
                             region->changes[index(f)]));
    };
    amount_card(Fig::expenditure_total);
    amount_card(Fig::income_total);
    push_moved(cards, card(env, env.label("overview.departments_count"), std::to_string(region->members.size()),
                         env.label("overview.departments_unit"), std::nullopt));
    amount_card(Fig::three_public_total);
    set_moved(body, "cards", std::move(cards));

    FigureView view{&region->totals, &region->shares, &region->changes, nullptr, nullptr};
    const TotalRule& income = share_group(Fig::income_total);
    const TotalRule& expenditure = share_group(Fig::expenditure_total);
    set_moved(body, "income_table", table_data(env.templates, env.globals, composition_table(env, "income", env.label("overview.income_caption"), income, view, false)));
    set_moved(body, "expenditure_table", table_data(env.templates, env.globals, composition_table(env, "expenditure", env.label("overview.expenditure_caption"), expenditure, view, false)));
    const auto income_data = composition_chart_data(env, income, region->totals, false);
    const auto expenditure_data = composition_chart_data(env, expenditure, region->totals, false);
    set_moved(body, "income_chart_html", stacked_bar_svg("income-chart", income_data,
                                                  chart_text(env, env.label("overview.income_caption"), describe(env, income_data))));
    set_moved(body, "expenditure_chart_html",
             stacked_bar_svg("expenditure-chart", expenditure_data,
                             chart_text(env, env.label("overview.expenditure_caption"), describe(env, expenditure_data))));
    set_moved(body, "departments_table", table_data(env.templates, env.globals, departments_table(env, *region, frame.path)));
    set_moved(body, "years_table", table_data(env.templates, env.globals, years_table(env, frame.path)));
    set_moved(body, "trend_chart_html", trend_chart(env));
    emit_page(env, frame, "pages/index", body, sink);
}

}  // namespace gk
