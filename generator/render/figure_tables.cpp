#include "render/figure_tables.h"

#include "render/html.h"

namespace gk {

const TotalRule& share_group(Fig total) {
    for (const TotalRule& g : share_groups()) {
        if (g.total == total) return g;
    }
    return share_groups().front();
}

std::string unit_caption(const RenderEnv& env) {
    mu::data d;
    set_moved(d, "unit", env.numbers.unit());
    return env.labels.sentence("table.unit", d);
}

ChartText chart_text(const RenderEnv& env, const std::string& title, const std::string& description) {
    ChartText t;
    t.title = title;
    t.description = description;
    t.unit = env.numbers.unit();
    t.not_published = env.numbers.not_published();
    t.decimals = env.numbers.decimals();
    t.amount_unit = env.numbers.amount_unit();
    return t;
}

std::string describe(const RenderEnv& env, const std::vector<ChartDatum>& data) {
    std::string out;
    for (const ChartDatum& d : data) {
        if (!out.empty()) out += env.label("common.list_separator");
        out += d.label + " " + env.numbers.amount(d.value) + (d.value ? env.numbers.unit() : "");
    }
    return out;
}

std::vector<ChartDatum> composition_chart_data(const RenderEnv& env, const TotalRule& group,
                                               const PerFigure<std::optional<Amount>>& values, bool all_parts) {
    std::vector<ChartDatum> data;
    for (Fig part : group.parts) {
        const std::optional<Amount>& v = values[index(part)];
        if (!all_parts && (!v || v->is_zero())) continue;
        data.push_back({env.figure_label(part), v});
    }
    return data;
}

Table composition_table(const RenderEnv& env, const std::string& id, const std::string& caption,
                        const TotalRule& group, const FigureView& view, bool all_parts) {
    Table t;
    t.id = id;
    t.caption = caption;
    t.unit = unit_caption(env);
    Row head;
    head.cells.push_back(text_cell(env.label("table.item"), true));
    if (view.execution) {
        head.cells.push_back(text_cell(env.label("table.budget_amount"), true));
        head.cells.push_back(text_cell(env.label("table.final_amount"), true));
        head.cells.push_back(text_cell(env.label("table.execution"), true));
    } else {
        head.cells.push_back(text_cell(env.label("table.amount"), true));
    }
    head.cells.push_back(text_cell(env.label("table.share"), true));
    if (view.changes) head.cells.push_back(text_cell(env.label("table.change"), true));
    for (std::size_t i = 1; i < head.cells.size(); ++i) head.cells[i].numeric = true;
    t.head.push_back(head);

    const auto add_row = [&](Fig fig, bool total) {
        Row row;
        row.total = total;
        row.cells.push_back(text_cell(env.figure_label(fig), true));
        if (view.execution) row.cells.push_back(number_cell(env.numbers.amount((*view.budget_values)[index(fig)])));
        row.cells.push_back(number_cell(env.numbers.amount((*view.values)[index(fig)])));
        if (view.execution) row.cells.push_back(number_cell(env.numbers.percent((*view.execution)[index(fig)])));
        const std::optional<Percent> share = total && (*view.values)[index(fig)] && !(*view.values)[index(fig)]->is_zero()
                                                 ? std::optional(Percent::from_hundredths(10000))
                                                 : (*view.shares)[index(fig)];
        row.cells.push_back(number_cell(env.numbers.percent(share)));
        if (view.changes) row.cells.push_back(number_cell(env.numbers.change_cell((*view.changes)[index(fig)])));
        t.body.push_back(std::move(row));
    };
    bool any = false;
    for (Fig part : group.parts) {
        const std::optional<Amount>& v = (*view.values)[index(part)];
        if (!all_parts && v && v->is_zero()) continue;
        if (!all_parts && !v) continue;
        add_row(part, false);
        any = true;
    }
    if (any || (*view.values)[index(group.total)]) add_row(group.total, true);
    t.empty_note = env.label("table.not_published_note");
    return t;
}

}  // namespace gk
