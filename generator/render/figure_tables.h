// Tables and charts of figures that several pages show: the composition of
// income or expenditure (each part, its share, its change), and a figure's
// series over the years.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/charts.h"
#include "render/render_env.h"
#include "render/table.h"

namespace gk {

// One figure's values as a page shows them.
struct FigureView {
    PerFigure<std::optional<Amount>> const* values = nullptr;
    PerFigure<std::optional<Percent>> const* shares = nullptr;
    PerFigure<std::optional<Change>> const* changes = nullptr;      // may be null
    PerFigure<std::optional<Percent>> const* execution = nullptr;   // final accounts only
    PerFigure<std::optional<Amount>> const* budget_values = nullptr; // final accounts only
};

// Rows: each part of `group` (skipping parts that are zero, unless
// `all_parts`), then the total. Columns: item, amount, share, change
// (when view.changes), budget and execution (when view.execution).
Table composition_table(const RenderEnv& env, const std::string& id, const std::string& caption,
                        const TotalRule& group, const FigureView& view, bool all_parts);

// The parts of a group as chart data (labels from the theme).
std::vector<ChartDatum> composition_chart_data(const RenderEnv& env, const TotalRule& group,
                                               const PerFigure<std::optional<Amount>>& values, bool all_parts);

// The chart text for amounts: unit, decimals, "—", and a description.
ChartText chart_text(const RenderEnv& env, const std::string& title, const std::string& description);

// "单位：万元" for table captions.
std::string unit_caption(const RenderEnv& env);

// The share group whose total is `total` (income_total, expenditure_total, basic).
const TotalRule& share_group(Fig total);

// A sentence describing chart data for screen readers: "label value unit；...".
std::string describe(const RenderEnv& env, const std::vector<ChartDatum>& data);

}  // namespace gk
