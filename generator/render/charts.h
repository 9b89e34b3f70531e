// Charts as inline SVG, generated at build time: no JavaScript needed.
// Every chart carries a <title> and <desc> (its text alternative) and is
// meant to be shown beside a table with the same figures. All text passed
// in is escaped here (render/html.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/amount.h"

namespace gk {

struct ChartDatum {
    std::string label;              // e.g. "人员经费"
    std::optional<Amount> value;    // not published: drawn as a gap, listed as "—"
};

struct ChartSeries {
    std::string label;                         // e.g. "支出合计"
    std::vector<std::optional<Amount>> values; // one per category
};

struct ChartText {
    std::string title;        // <title>: short name of the chart
    std::string description;  // <desc>: one sentence with the figures, for screen readers
    std::string unit;         // "万元", written after values
    std::string not_published = "—";
    int decimals = 2;         // decimals of the values shown on the chart
    Unit amount_unit = Unit::wan_yuan;
};

// A coordinate as the charts write it: one decimal, as printf("%.1f")
// rounds it, "-0" and "12.0" written "0" and "12"; not finite: "0".
std::string svg_number(double v);

// Horizontal bars, one per datum, value written at the end of each bar;
// responsive (viewBox, width 100%). `id` must be unique on the page.
std::string bar_chart_svg(const std::string& id, const std::vector<ChartDatum>& data, const ChartText& text);

// One bar split into parts (composition), with a legend; parts with a zero
// or unpublished value are left out of the bar but kept in the legend.
std::string stacked_bar_svg(const std::string& id, const std::vector<ChartDatum>& parts, const ChartText& text);

// Lines over categories (years), one per series, points marked and labelled
// with their value; a gap where a value is not published.
std::string line_chart_svg(const std::string& id, const std::vector<std::string>& categories,
                           const std::vector<ChartSeries>& series, const ChartText& text);

}  // namespace gk
