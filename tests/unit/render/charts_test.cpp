#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <cstdlib>
#include <random>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "render/charts.h"

using namespace gk;

namespace {

Amount wan(const char* literal) { return parse_amount(literal, Unit::wan_yuan).value; }

ChartText text_for(const std::string& title = "图表") {
    ChartText t;
    t.title = title;
    t.description = "2024年支出合计36.27万元。";
    t.unit = "万元";
    return t;
}

// A minimal XML well-formedness check, enough for what the charts emit:
// one root, tags balanced and properly nested, attributes quoted and not
// repeated, no raw '<' or stray '&' in text or attribute values. Returns an
// empty string when well formed, otherwise what is wrong.
std::string xml_problem(const std::string& xml) {
    auto bad_entity = [](const std::string& s) {
        static const std::regex entity("^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);");
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '<') return true;
            if (s[i] == '&' && !std::regex_search(s.substr(i, 12), entity)) return true;
        }
        return false;
    };
    std::vector<std::string> open;
    int roots = 0;
    size_t i = 0;
    while (i < xml.size()) {
        const size_t lt = xml.find('<', i);
        const std::string text = xml.substr(i, lt == std::string::npos ? std::string::npos : lt - i);
        if (bad_entity(text)) return "bad text: " + text;
        if (open.empty() && text.find_first_not_of(" \n") != std::string::npos) return "text outside root";
        if (lt == std::string::npos) break;
        const size_t gt = xml.find('>', lt);
        if (gt == std::string::npos) return "unterminated tag";
        std::string tag = xml.substr(lt + 1, gt - lt - 1);
        i = gt + 1;
        if (tag.starts_with("/")) {
            if (open.empty() || open.back() != tag.substr(1)) return "mismatched </" + tag.substr(1) + ">";
            open.pop_back();
            continue;
        }
        const bool self_closing = tag.ends_with("/");
        if (self_closing) tag.pop_back();
        static const std::regex name_re("^[A-Za-z][A-Za-z0-9:_-]*");
        std::smatch m;
        if (!std::regex_search(tag, m, name_re)) return "bad tag name in <" + tag + ">";
        const std::string name = m.str();
        std::string rest = tag.substr(name.size());
        static const std::regex attr_re("^\\s+([A-Za-z][A-Za-z0-9:_-]*)=\"([^\"]*)\"");
        std::set<std::string> seen;
        while (std::regex_search(rest, m, attr_re)) {
            if (!seen.insert(m.str(1)).second) return "repeated attribute " + m.str(1);
            if (bad_entity(m.str(2))) return "bad attribute value " + m.str(2);
            rest = m.suffix();
        }
        if (rest.find_first_not_of(" ") != std::string::npos) return "junk in tag <" + tag + ">";
        if (open.empty() && ++roots > 1) return "more than one root";
        if (!self_closing) open.push_back(name);
    }
    return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

std::vector<std::string> all(const std::string& s, const std::string& pattern, int group = 1) {
    std::vector<std::string> out;
    const std::regex re(pattern);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[group].str());
    return out;
}

size_t count(const std::string& s, const std::string& needle) {
    size_t n = 0;
    for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
    return n;
}

// Widths of the bars of a bar chart, in order.
std::vector<double> bar_widths(const std::string& svg) {
    std::vector<double> out;
    for (const auto& w : all(svg, "<rect class=\"chart-bar[^\"]*\" x=\"[^\"]*\" y=\"[^\"]*\" width=\"([^\"]*)\""))
        out.push_back(std::stod(w));
    return out;
}

double viewbox_width(const std::string& svg) {
    return std::stod(all(svg, "viewBox=\"0 0 ([0-9.]+) ")[0]);
}

// Every x-like coordinate lies within [0, viewBox width].
void check_inside_viewbox(const std::string& svg) {
    const double w = viewbox_width(svg);
    for (const auto& x : all(svg, " (x|x1|x2|cx)=\"([^\"]*)\"", 2)) {
        CHECK(std::stod(x) >= 0);
        CHECK(std::stod(x) <= w);
    }
    const std::regex rect("x=\"([^\"]*)\" y=\"[^\"]*\" width=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator(); ++it) {
        CHECK(std::stod((*it)[2].str()) >= 0);
        CHECK(std::stod((*it)[1].str()) + std::stod((*it)[2].str()) <= w);
    }
}

const std::vector<ChartDatum> kSpending = {
    {"基本支出", wan("31.46")}, {"项目支出", wan("4.81")}, {"其他", wan("0")}, {"上缴上级支出", std::nullopt}};

std::vector<std::string> sample_charts() {
    const ChartSeries total{"支出合计", {wan("30.12"), wan("33.5"), std::nullopt, wan("36.27")}};
    const ChartSeries basic{"基本支出", {wan("25"), wan("27.1"), wan("29.9"), wan("31.46")}};
    return {
        bar_chart_svg("bars", kSpending, text_for()),
        bar_chart_svg("no-bars", {}, text_for()),
        stacked_bar_svg("parts", kSpending, text_for()),
        stacked_bar_svg("no-parts", {{"甲", wan("0")}, {"乙", std::nullopt}}, text_for()),
        line_chart_svg("trend", {"2021", "2022", "2023", "2024"}, {total, basic}, text_for()),
        line_chart_svg("one-year", {"2024"}, {total}, text_for()),
        line_chart_svg("empty-line", {}, {}, text_for()),
    };
}

}  // namespace

TEST_CASE("every chart is an SVG image labelled by its own title and description", "[render][charts]") {
    for (const std::string& svg : sample_charts()) {
        const std::string id = all(svg, "<title id=\"([^\"]*)-title\">")[0];
        INFO(svg);
        CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
        CHECK(svg.find("role=\"img\"") != std::string::npos);
        CHECK(svg.find("aria-labelledby=\"" + id + "-title " + id + "-desc\"") != std::string::npos);
        CHECK(svg.find("class=\"chart chart--") != std::string::npos);
        // title then desc come first, before any drawing
        const size_t title = svg.find("<title id=\"" + id + "-title\">图表</title>");
        const size_t desc = svg.find("<desc id=\"" + id + "-desc\">2024年支出合计36.27万元。</desc>");
        CHECK(title == svg.find('\n') + 1);
        CHECK(desc == svg.find('\n', title) + 1);
        // responsive: sized by CSS, not by attributes
        const std::string root = svg.substr(0, svg.find('>'));
        CHECK(root.find(" width=") == std::string::npos);
        CHECK(root.find(" height=") == std::string::npos);
    }
}

TEST_CASE("every chart is well-formed XML", "[render][charts]") {
    std::vector<std::string> charts = sample_charts();
    const std::vector<ChartDatum> hostile = {{"<script>alert(1)</script>", wan("1")}, {"\"onload=\"", wan("2")},
                                             {"a & b", std::nullopt}, {"\x01\xff", wan("3")}};
    const ChartText t = text_for("</title><script>");
    charts.push_back(bar_chart_svg("x", hostile, t));
    charts.push_back(stacked_bar_svg("x", hostile, t));
    charts.push_back(line_chart_svg("x", {"<b>", "&"}, {{"<i>", {wan("1"), wan("2")}}, {"'", {}}}, t));
    for (const std::string& svg : charts) {
        INFO(svg);
        CHECK(xml_problem(svg) == "");
    }
}

TEST_CASE("the well-formedness check itself rejects broken markup", "[render][charts]") {
    CHECK(xml_problem("<svg><g></svg>") != "");
    CHECK(xml_problem("<svg><text>a < b</text></svg>") != "");
    CHECK(xml_problem("<svg><text>a & b</text></svg>") != "");
    CHECK(xml_problem("<svg a=\"1\" a=\"2\"/>") != "");
    CHECK(xml_problem("<svg a=\"1\"><text>a &amp; b</text></svg>") == "");
}

TEST_CASE("bar lengths are proportional to the values and the largest fills the width", "[render][charts]") {
    const std::string svg = bar_chart_svg(
        "bars", {{"甲", wan("100")}, {"乙", wan("50")}, {"丙", wan("25")}, {"丁", wan("12.5")}}, text_for());
    const std::vector<double> w = bar_widths(svg);
    REQUIRE(w.size() == 4);
    CHECK(w[1] == Approx(w[0] / 2).margin(0.1));
    CHECK(w[2] == Approx(w[0] / 4).margin(0.1));
    CHECK(w[3] == Approx(w[0] / 8).margin(0.1));
    // the full width is what is left after the labels and the widest value
    // text: more than half of the 360-unit view box
    CHECK(w[0] > 180);
    check_inside_viewbox(svg);
}

TEST_CASE("bar values are written with thousands separators and the unit", "[render][charts]") {
    const std::string svg = bar_chart_svg("bars", {{"甲", wan("12345.678")}, {"乙", wan("1234567")}}, text_for());
    CHECK(svg.find(">12,345.68 万元</text>") != std::string::npos);
    CHECK(svg.find(">1,234,567.00 万元</text>") != std::string::npos);
}

TEST_CASE("a value that is not published shows the dash and no bar", "[render][charts]") {
    ChartText t = text_for();
    t.not_published = "未公开";
    const std::string svg = bar_chart_svg("bars", {{"甲", wan("3")}, {"乙", std::nullopt}}, t);
    CHECK(bar_widths(svg).size() == 1);
    CHECK(svg.find("class=\"chart-value chart-not-published\"") != std::string::npos);
    CHECK(svg.find(">未公开</text>") != std::string::npos);
    const std::string dash = bar_chart_svg("bars", {{"乙", std::nullopt}}, text_for());
    CHECK(bar_widths(dash).empty());
    CHECK(dash.find(">—</text>") != std::string::npos);
}

TEST_CASE("a zero value has no bar but still shows 0.00", "[render][charts]") {
    const std::string svg = bar_chart_svg("bars", {{"甲", wan("5")}, {"乙", wan("0")}}, text_for());
    CHECK(bar_widths(svg).size() == 1);
    CHECK(svg.find(">0.00 万元</text>") != std::string::npos);
    const std::string zeros = bar_chart_svg("bars", {{"甲", wan("0")}, {"乙", wan("0")}}, text_for());
    CHECK(bar_widths(zeros).empty());
    CHECK(count(zeros, ">0.00 万元</text>") == 2);
    CHECK(xml_problem(zeros) == "");
}

TEST_CASE("negative values draw no bar and nothing outside the view box", "[render][charts]") {
    const std::string svg = bar_chart_svg(
        "bars", {{"甲", Amount::from_fen(-5'000'000)}, {"乙", wan("2")}, {"丙", Amount::from_fen(-1)}}, text_for());
    CHECK(bar_widths(svg).size() == 1);
    CHECK(svg.find(">-5.00 万元</text>") != std::string::npos);
    check_inside_viewbox(svg);
    const std::string line =
        line_chart_svg("l", {"1", "2"}, {{"s", {Amount::from_fen(-9'000'000), wan("1")}}}, text_for());
    check_inside_viewbox(line);
    const std::string parts = stacked_bar_svg("p", {{"甲", Amount::from_fen(-5)}, {"乙", wan("1")}}, text_for());
    check_inside_viewbox(parts);
}

TEST_CASE("the label column fits the longest label and long labels wrap inside the view box", "[render][charts]") {
    const auto label_x = [](const std::string& svg) {
        return std::stod(all(svg, "<line class=\"chart-axis\" x1=\"([^\"]*)\"")[0]);
    };
    const double short_labels = label_x(bar_chart_svg("b", {{"甲", wan("1")}}, text_for()));
    const double eight = label_x(bar_chart_svg("b", {{"一般公共预算收入", wan("1")}}, text_for()));
    CHECK(eight - short_labels == Approx(7 * 14).margin(1));
    // Twelve characters are wider than the label column may be (40% of the
    // view box): the label wraps, and the column is as wide as its longest line.
    const std::string twelve = bar_chart_svg("b", {{"一般公共预算财政拨款收入", wan("1")}}, text_for());
    CHECK(twelve.find("<tspan") != std::string::npos);
    CHECK(label_x(twelve) - short_labels <= 0.4 * 360 - 14 + 1);
    const std::string long_label(90, 'x');
    const std::string svg = bar_chart_svg("b", {{long_label + "一般公共预算财政拨款收入", wan("1")}}, text_for());
    CHECK(svg.find("<tspan") != std::string::npos);
    CHECK(svg.find("…") != std::string::npos);
    CHECK(viewbox_width(svg) == 360);
    check_inside_viewbox(svg);
}

TEST_CASE("labels and every other text come out as inert escaped text", "[render][charts]") {
    ChartText t = text_for("<script>alert(1)</script>");
    t.description = "\"onload=\"alert(1)";
    t.unit = "<b>万元</b>";
    const std::vector<ChartDatum> data = {{"<script>alert(1)</script>", wan("1")}, {"\"onload=\"", wan("2")}};
    const std::vector<std::string> charts = {
        bar_chart_svg("id\"onload=\"x", data, t),
        stacked_bar_svg("id\"onload=\"x", data, t),
        line_chart_svg("id\"onload=\"x", {"<script>", "\"onload=\""}, {{"<script>alert(1)</script>", {wan("1"), wan("2")}}, {"\"onload=\"", {}}}, t),
    };
    for (const std::string& svg : charts) {
        INFO(svg);
        CHECK(svg.find("<script") == std::string::npos);
        CHECK(svg.find("\"onload=\"") == std::string::npos);
        CHECK(svg.find("<b>") == std::string::npos);
        CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        CHECK(svg.find("&quot;onload=&quot;") != std::string::npos);
        CHECK(svg.find("aria-labelledby=\"id&quot;onload=&quot;x-title") != std::string::npos);
        CHECK(xml_problem(svg) == "");
    }
}

TEST_CASE("stacked shares are exact percentages of the sum of the parts", "[render][charts]") {
    const std::string svg = stacked_bar_svg("parts", kSpending, text_for());
    CHECK(svg.find(">86.74%</text>") != std::string::npos);
    CHECK(svg.find(">13.26%</text>") != std::string::npos);
    CHECK(svg.find(">0.00%</text>") != std::string::npos);  // 其他, zero
    CHECK(svg.find(">31.46 万元</text>") != std::string::npos);
    CHECK(svg.find(">4.81 万元</text>") != std::string::npos);
    // unpublished: listed with the dash for value and share
    CHECK(svg.find(">上缴上级支出</text>") != std::string::npos);
    CHECK(count(svg, ">—</text>") == 2);
}

TEST_CASE("stacked segments exist only for positive parts and together fill the bar", "[render][charts]") {
    const std::string svg = stacked_bar_svg("parts", kSpending, text_for());
    const std::vector<double> w = bar_widths(svg);
    REQUIRE(w.size() == 2);
    CHECK(w[0] + w[1] == Approx(viewbox_width(svg) - 16).margin(0.05));
    CHECK(w[0] / (w[0] + w[1]) == Approx(0.8674).margin(0.001));
    CHECK(svg.find("chart-series-1") != std::string::npos);
    CHECK(svg.find("chart-series-2") != std::string::npos);
    CHECK(svg.find("chart-series-3") == std::string::npos);
    CHECK(count(svg, "chart-swatch--empty") == 2);
    CHECK(svg.find("<g class=\"chart-legend\">") != std::string::npos);
}

TEST_CASE("a stacked bar with nothing to show is an empty outline above the legend", "[render][charts]") {
    const std::string svg = stacked_bar_svg("p", {{"甲", wan("0")}, {"乙", std::nullopt}}, text_for());
    CHECK(svg.find("chart-bar chart-bar--empty") != std::string::npos);
    CHECK(svg.find("fill=\"none\"") != std::string::npos);
    CHECK(count(svg, "chart-series-") == 0);
    CHECK(svg.find(">甲</text>") != std::string::npos);
    CHECK(svg.find(">乙</text>") != std::string::npos);
    CHECK(svg.find(">0.00 万元</text>") != std::string::npos);
}

TEST_CASE("the y axis ends at a nice maximum in four or five steps", "[render][charts]") {
    const auto ticks = [](std::vector<std::optional<Amount>> values) {
        return all(line_chart_svg("t", std::vector<std::string>(values.size(), "年"), {{"s", values}}, text_for()),
                   "<text class=\"chart-tick\"[^>]*>([^<]*)</text>");
    };
    CHECK(ticks({wan("31.46"), wan("36.27")}) == std::vector<std::string>{"0", "10", "20", "30", "40"});
    CHECK(ticks({wan("4.81")}) == std::vector<std::string>{"0", "1", "2", "3", "4", "5"});
    CHECK(ticks({wan("1.1")}) == std::vector<std::string>{"0.00", "0.25", "0.50", "0.75", "1.00", "1.25"});
    CHECK(ticks({wan("100")}) == std::vector<std::string>{"0", "20", "40", "60", "80", "100"});
    CHECK(ticks({wan("12345.67")}) == std::vector<std::string>{"0", "2,500", "5,000", "7,500", "10,000", "12,500"});
    CHECK(ticks({wan("0.03")}) == std::vector<std::string>{"0.00", "0.01", "0.02", "0.03"});
    // nothing to scale: an axis from 0 to 1 unit
    CHECK(ticks({std::nullopt, wan("0")}).back() == "1.0");
}

TEST_CASE("a line breaks where a value is not published", "[render][charts]") {
    const auto polylines = [](std::vector<std::optional<Amount>> values) {
        return count(line_chart_svg("t", std::vector<std::string>(values.size(), "年"), {{"s", values}}, text_for()),
                     "<polyline");
    };
    CHECK(polylines({wan("1"), wan("2"), wan("3")}) == 1);
    CHECK(polylines({wan("1"), wan("2"), std::nullopt, wan("3"), wan("4")}) == 2);
    // an isolated point has a marker but no line
    const std::string svg = line_chart_svg("t", {"a", "b", "c", "d"}, {{"s", {wan("1"), std::nullopt, wan("3"), wan("4")}}},
                                           text_for());
    CHECK(count(svg, "<polyline") == 1);
    CHECK(count(svg, "<circle") == 3);
}

TEST_CASE("a single category draws points without a line", "[render][charts]") {
    const std::string svg = line_chart_svg("t", {"2024"}, {{"甲", {wan("3")}}, {"乙", {wan("2")}}}, text_for());
    CHECK(count(svg, "<polyline") == 0);
    CHECK(count(svg, "<circle") == 2);
    check_inside_viewbox(svg);
}

TEST_CASE("each line is labelled at its end with its name and last published value", "[render][charts]") {
    const std::string svg =
        line_chart_svg("t", {"2022", "2023", "2024"}, {{"支出合计", {wan("30"), wan("36.27"), std::nullopt}}}, text_for());
    const auto end = all(svg, "<text class=\"chart-label chart-end-label\"[^>]*>(.*?)</text>");
    REQUIRE(end.size() == 1);
    CHECK(end[0].find(">支出合计<") != std::string::npos);
    CHECK(end[0].find(">36.27 万元<") != std::string::npos);
    CHECK(svg.find("chart-legend") == std::string::npos);  // one series: direct label only
}

TEST_CASE("end labels of lines ending close together do not overlap", "[render][charts]") {
    const std::string svg = line_chart_svg(
        "t", {"2023", "2024"}, {{"甲", {wan("10"), wan("20")}}, {"乙", {wan("10"), wan("20.01")}}, {"丙", {wan("1"), wan("20")}}},
        text_for());
    std::vector<double> ys;
    for (const auto& y : all(svg, "<text class=\"chart-label chart-end-label\"[^>]*><tspan x=\"[^\"]*\" y=\"([^\"]*)\""))
        ys.push_back(std::stod(y));
    REQUIRE(ys.size() == 3);
    std::sort(ys.begin(), ys.end());
    CHECK(ys[1] - ys[0] >= 30);
    CHECK(ys[2] - ys[1] >= 30);
}

TEST_CASE("several series get a legend and a colour each", "[render][charts]") {
    const std::string svg =
        line_chart_svg("t", {"2023", "2024"}, {{"甲", {wan("1"), wan("2")}}, {"乙", {wan("2"), std::nullopt}}}, text_for());
    CHECK(svg.find("<g class=\"chart-legend\">") != std::string::npos);
    CHECK(svg.find("<g class=\"chart-series chart-series-1\">") != std::string::npos);
    CHECK(svg.find("<g class=\"chart-series chart-series-2\">") != std::string::npos);
    CHECK(svg.find("stroke=\"#0b5cad\"") != std::string::npos);
    CHECK(svg.find("stroke=\"#b5480b\"") != std::string::npos);
}

TEST_CASE("thousands of rows with huge labels give output in proportion to the rows", "[render][charts][pathological]") {
    std::vector<ChartDatum> data;
    ChartSeries line{std::string(100'000, 'y'), {}};
    std::vector<std::string> years;
    for (int i = 0; i < 3'000; ++i) {
        data.push_back({std::string(20'000, 'x') + std::to_string(i), Amount::from_fen(i * 12'345)});
        line.values.push_back(i % 7 == 0 ? std::nullopt : std::optional<Amount>(Amount::from_fen(i * 999)));
        years.push_back(std::to_string(2000 + i));
    }
    const std::string bars = bar_chart_svg("b", data, text_for());
    const std::string parts = stacked_bar_svg("s", data, text_for());
    const std::string lines = line_chart_svg("l", years, {line, line}, text_for());
    CHECK(count(bars, "<rect class=\"chart-bar") == 2'999);
    CHECK(bars.size() < 3'000 * 600);
    CHECK(parts.size() < 3'000 * 2'000);
    CHECK(lines.size() < 2 * 3'000 * 1'000);
    CHECK(count(lines, "<polyline") == 2 * 429);  // a break at every 7th of 3,000 points
}

TEST_CASE("the same input gives the same bytes", "[render][charts]") {
    CHECK(sample_charts() == sample_charts());
}

TEST_CASE("coordinates are written with at most one decimal", "[render][charts]") {
    for (const std::string& svg : sample_charts()) {
        for (const auto& v : all(svg, " (x|y|x1|y1|x2|y2|cx|cy|width|height)=\"([^\"]*)\"", 2)) {
            INFO(v);
            CHECK(std::regex_match(v, std::regex("-?[0-9]+(\\.[0-9])?")));
        }
    }
}

namespace {

// What svg_number wrote with snprintf before it used std::to_chars.
std::string printf_number(double v) {
    if (!std::isfinite(v)) v = 0;
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

}  // namespace

TEST_CASE("a chart coordinate is written as printf writes it with one decimal", "[render][charts]") {
    CHECK(svg_number(12.0) == "12");
    CHECK(svg_number(-0.04) == "0");
    CHECK(svg_number(0.25) == "0.2");   // a tie, exactly representable: to even, as printf
    CHECK(svg_number(0.35) == "0.3");   // 0.34999…: below the tie
    CHECK(svg_number(2.75) == "2.8");
    CHECK(svg_number(-1.25) == "-1.2");
    CHECK(svg_number(1e300).size() == 301);
    CHECK(svg_number(std::numeric_limits<double>::infinity()) == "0");
    CHECK(svg_number(std::nan("")) == "0");
    std::mt19937_64 random(20261127);
    std::uniform_real_distribution<double> near(-1000.0, 1000.0);
    std::uniform_int_distribution<long> ties(-200000, 200000);
    for (int i = 0; i < 200000; ++i) {
        const double a = near(random);
        const double tie = static_cast<double>(ties(random)) / 4.0;  // x.25, x.75: exact ties
        const double hundredth = static_cast<double>(ties(random)) / 100.0;
        REQUIRE(svg_number(a) == printf_number(a));
        REQUIRE(svg_number(tie) == printf_number(tie));
        REQUIRE(svg_number(hundredth) == printf_number(hundredth));
    }
}
