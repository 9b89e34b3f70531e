// Inline SVG charts in the Financial Times / GOV.UK manner: flat fills, no
// gradients, direct labels, a legend only where a direct label cannot do.
//
// Units: every length is in viewBox units, which are CSS pixels when the chart
// is shown kWidth wide (CSS scales it to the column). Geometry is the only use
// of floating point here; every printed figure comes from the exact Amount
// through format_rounded / format_percent. Coordinates are written with one
// decimal so that the bytes are the same on every run and every machine.
#include "render/charts.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "model/decimal_literal.h"
#include "model/percent.h"
#include "render/html.h"

namespace gk {

// A coordinate with one decimal, "-0" and "12.0" written "0" and "12".
// std::to_chars with a precision writes what printf("%.1f") writes (the
// standard says so) at a fraction of its cost: snprintf was 2% of a
// build's instructions, a chart has hundreds of coordinates.
std::string svg_number(double v) {
    if (!std::isfinite(v)) v = 0;
    char buf[352];  // the longest double in fixed notation, with one decimal
    const auto [end, error] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
    std::string_view s(buf, error == std::errc{} ? static_cast<std::size_t>(end - buf) : 0);
    if (s.size() > 2 && s.ends_with(".0")) s.remove_suffix(2);
    if (s == "-0") s = "0";
    return std::string(s);
}

namespace {

constexpr double kWidth = 360;   // default viewBox width: 1:1 on a phone; grows only for very long text
constexpr double kPad = 8;       // outer margin
constexpr double kFont = 14;     // labels, values, legend
constexpr double kSmall = 12;    // axis ticks and category labels
constexpr double kLineH = 18;    // line height of wrapped labels
constexpr int kMaxLines = 3;     // longer labels end in "…" (the table beside has them whole)
constexpr const char* kInk = "#1a1a1a";    // text: 17:1 on white
constexpr const char* kMuted = "#505a5f";  // axes and ticks: 7:1 on white
constexpr const char* kGrid = "#dcdfe1";   // gridlines, decorative

// Colour-blind-safe series colours, each at least 4.5:1 against white (so a
// direct label may be written in its series colour) and at least ΔE 14 apart
// from every other under simulated protanopia, deuteranopia and tritanopia.
// Classes chart-series-1..6 let a theme override them.
constexpr std::array<const char*, 6> kPalette = {
    "#0b5cad",  // blue
    "#b5480b",  // orange
    "#00775a",  // green
    "#a3397d",  // magenta
    "#12263f",  // navy
    "#8a3324",  // brick
};

std::string series_class(size_t i) { return "chart-series-" + std::to_string(i % kPalette.size() + 1); }
const char* series_fill(size_t i) { return kPalette[i % kPalette.size()]; }

// --- Text ------------------------------------------------------------------

// Decodes UTF-8; a malformed byte becomes U+FFFD and a control character a
// space, since neither may appear in XML.
std::u32string decode(std::string_view s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
        bool ok = len != 0 && i + static_cast<size_t>(len) <= s.size();
        for (int k = 1; ok && k < len; ++k) {
            const auto cb = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            ok = (cb >> 6) == 0x2;
            c = (c << 6) | (cb & 0x3F);
        }
        const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        if (ok && len > 1 && (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))) ok = false;
        if (!ok) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) c = U' ';
        if (c == 0xFFFE || c == 0xFFFF) c = U'\uFFFD';
        out += c;
        i += static_cast<size_t>(len);
    }
    return out;
}

std::string encode(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// Text for the chart, cut at max code points with "…": a label never needs
// more room than that, and output stays proportional to the input however
// long a label is, even where one is repeated (the tooltip of every point).
std::u32string clip(std::string_view s, size_t max = 200) {
    std::u32string out = decode(s.substr(0, 4 * (max + 1)));
    if (out.size() > max) {
        out.resize(max);
        out += U'…';
    }
    return out;
}

std::string esc(std::u32string_view s) { return escape_html(encode(s)); }
std::string esc(std::string_view s) { return esc(clip(s)); }

// Estimated advance in em: CJK and full-width forms (and the em dash, full
// width in CJK fonts) 1 em, ASCII 0.55 em, other scripts 0.6 em. Errs wide.
double em_width(char32_t c) {
    if (c < 0x80) return 0.55;
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2000 && c <= 0x206F) ||
                      (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                      (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
    return wide ? 1.0 : 0.6;
}

double text_width(std::u32string_view s, double font) {
    double em = 0;
    for (char32_t c : s) em += em_width(c);
    return em * font;
}

using Lines = std::vector<std::u32string>;

double lines_width(const Lines& lines, double font) {
    double w = 0;
    for (const auto& l : lines) w = std::max(w, text_width(l, font));
    return w;
}

// Breaks text into lines no wider than max_px: anywhere between CJK
// characters, at the last space within Latin text. Beyond max_lines the last
// line is cut and ends in "…".
Lines wrap(std::u32string_view text, double max_px, double font, int max_lines) {
    Lines lines(1);
    for (char32_t c : text) {
        std::u32string& cur = lines.back();
        if (!cur.empty() && text_width(cur, font) + em_width(c) * font > max_px) {
            const size_t space = cur.rfind(U' ');
            std::u32string rest;
            if (space != std::u32string::npos && space > 0 && c != U' ') {
                rest = cur.substr(space + 1);
                cur.erase(space);
            }
            lines.push_back(rest);
            if (static_cast<int>(lines.size()) > max_lines) break;  // cut below
        }
        if (c == U' ' && lines.back().empty() && lines.size() > 1) continue;
        lines.back() += c;
    }
    if (static_cast<int>(lines.size()) > max_lines) {
        lines.resize(static_cast<size_t>(max_lines));
        std::u32string& last = lines.back();
        while (!last.empty() && text_width(last, font) + font > max_px) last.pop_back();
        last += U'…';
    }
    return lines;
}

// --- Numbers -----------------------------------------------------------------

double round1(double v) { return std::round(v * 10) / 10; }

// "-1234567.89" -> "-1,234,567.89".
std::string with_separators(const std::string& s) {
    const size_t start = !s.empty() && s[0] == '-' ? 1 : 0;
    const size_t end = std::min(s.find('.'), s.size());
    std::string out = s.substr(0, start);
    for (size_t i = start; i < end; ++i) {
        if (i > start && (end - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out + s.substr(end);
}

int display_decimals(const ChartText& t) { return std::clamp(t.decimals, 0, 10); }

std::string with_unit(const std::string& number, const ChartText& t) {
    return t.unit.empty() ? number : number + " " + t.unit;
}

// "12,345.67 万元", or the not-published mark.
std::string value_text(const std::optional<Amount>& v, const ChartText& t) {
    if (!v) return t.not_published;
    return with_unit(with_separators(format_rounded(*v, t.amount_unit, display_decimals(t))), t);
}

// Share of a positive value in the sum shown: exact, "86.74%".
std::string share_text(const std::optional<Amount>& v, Amount whole, const ChartText& t) {
    if (!v) return t.not_published;
    const auto p = percent_of(*v, whole);
    return p ? format_percent(*p) + "%" : t.not_published;
}

double ratio(Amount part, Amount whole) {
    return whole.fen() > 0 ? std::clamp(static_cast<double>(part.fen()) / static_cast<double>(whole.fen()), 0.0, 1.0)
                           : 0.0;
}

// --- SVG pieces ----------------------------------------------------------------

std::string svg(const std::string& id, const char* kind, double w, double h, const ChartText& t,
                const std::string& body) {
    const std::string eid = esc(decode(id));
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + svg_number(w) + " " + svg_number(h) +
                      "\" role=\"img\" aria-labelledby=\"" + eid + "-title " + eid + "-desc\" class=\"chart chart--" +
                      kind + "\" font-family=\"inherit\" font-size=\"" + svg_number(kFont) + "\">\n";
    // Title and description whole: they are the text alternative.
    out += "<title id=\"" + eid + "-title\">" + esc(decode(t.title)) + "</title>\n";
    out += "<desc id=\"" + eid + "-desc\">" + esc(decode(t.description)) + "</desc>\n";
    return out + body + "</svg>\n";
}

struct TextStyle {
    const char* cls;
    double size = kFont;
    const char* anchor = "start";
    const char* fill = kInk;
    bool bold = false;
};

// Lines of text centred vertically on cy; 0.35 em below the centre is where
// the alphabetic baseline of a centred line falls, in every renderer.
void put_text(std::string& out, double x, double cy, const Lines& lines, const TextStyle& s, double line_h = kLineH) {
    out += "<text class=\"" + std::string(s.cls) + "\" x=\"" + svg_number(x) + "\"";
    if (s.size != kFont) out += " font-size=\"" + svg_number(s.size) + "\"";
    if (std::string_view(s.anchor) != "start") out += " text-anchor=\"" + std::string(s.anchor) + "\"";
    if (s.bold) out += " font-weight=\"bold\"";
    out += " fill=\"" + std::string(s.fill) + "\"";
    const double first = cy - (static_cast<double>(lines.size()) - 1) * line_h / 2 + 0.35 * s.size;
    if (lines.size() == 1) {
        out += " y=\"" + svg_number(first) + "\">" + esc(lines[0]) + "</text>\n";
        return;
    }
    out += ">";
    for (size_t i = 0; i < lines.size(); ++i)
        out += "<tspan x=\"" + svg_number(x) + "\" y=\"" + svg_number(first + static_cast<double>(i) * line_h) + "\">" +
               esc(lines[i]) + "</tspan>";
    out += "</text>\n";
}

void put_text(std::string& out, double x, double cy, const std::string& text, const TextStyle& s) {
    put_text(out, x, cy, Lines{clip(text)}, s);
}

void put_line(std::string& out, const char* cls, double x1, double y1, double x2, double y2, const char* stroke) {
    out += "<line class=\"" + std::string(cls) + "\" x1=\"" + svg_number(x1) + "\" y1=\"" + svg_number(y1) +
           "\" x2=\"" + svg_number(x2) + "\" y2=\"" + svg_number(y2) + "\" stroke=\"" + stroke + "\" stroke-width=\"1\"/>\n";
}

std::string rect_attrs(double x, double y, double w, double h) {
    return " x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(w) + "\" height=\"" +
           svg_number(h) + "\"";
}

}  // namespace

// --- Bar chart ------------------------------------------------------------------

std::string bar_chart_svg(const std::string& id, const std::vector<ChartDatum>& data, const ChartText& text) {
    constexpr double kBarH = 20, kGap = 12, kMinBar = 120;
    struct Row {
        Lines label;
        std::string value;
        double height;
    };
    Amount max;
    for (const auto& d : data)
        if (d.value && *d.value > max) max = *d.value;

    std::vector<Row> rows;
    double label_w = 0, value_w = 0, height = kPad;
    for (const auto& d : data) {
        Row r{wrap(clip(d.label), kWidth * 0.4, kFont, kMaxLines), value_text(d.value, text), 0};
        r.height = std::max(kBarH, static_cast<double>(r.label.size()) * kLineH) + kGap;
        label_w = std::max(label_w, lines_width(r.label, kFont));
        value_w = std::max(value_w, text_width(clip(r.value), kFont));
        height += r.height;
        rows.push_back(std::move(r));
    }
    const double bar_x = round1(kPad + label_w + 10);
    const double width = std::max(kWidth, std::ceil(bar_x + kMinBar + 6 + value_w + kPad));
    const double span = width - kPad - value_w - 6 - bar_x;  // the largest bar

    std::string body;
    double y = kPad;
    for (size_t i = 0; i < rows.size(); ++i) {
        const double cy = y + rows[i].height / 2;
        put_text(body, bar_x - 10, cy, rows[i].label, {"chart-label", kFont, "end"});
        double end = bar_x;
        const auto& v = data[i].value;
        if (v && *v > Amount{} && max > Amount{}) {
            const double w = round1(span * ratio(*v, max));
            body += "<rect class=\"chart-bar chart-series-1\"" + rect_attrs(bar_x, cy - kBarH / 2, w, kBarH) +
                    " fill=\"" + series_fill(0) + "\"/>\n";
            end += w;
        }
        put_text(body, end + 6, cy, rows[i].value, {v ? "chart-value" : "chart-value chart-not-published"});
        y += rows[i].height;
    }
    if (!rows.empty()) put_line(body, "chart-axis", bar_x, kPad, bar_x, y - kGap, kMuted);
    return svg(id, "bar", width, y + kPad, text, body);
}

// --- Stacked bar ------------------------------------------------------------------

std::string stacked_bar_svg(const std::string& id, const std::vector<ChartDatum>& parts, const ChartText& text) {
    constexpr double kBarH = 32, kSwatch = 12, kColGap = 16;
    Amount whole;
    for (const auto& p : parts)
        if (p.value && *p.value > Amount{}) whole += *p.value;

    struct Row {
        Lines label;
        std::string value, share;
        double height;
    };
    std::vector<Row> rows;
    double label_w = 0, value_w = 0, share_w = 0;
    for (const auto& p : parts) {
        Row r{wrap(clip(p.label), kWidth * 0.45, kFont, kMaxLines), value_text(p.value, text),
              share_text(p.value, whole, text), 0};
        r.height = std::max(kLineH, static_cast<double>(r.label.size()) * kLineH) + 8;
        label_w = std::max(label_w, lines_width(r.label, kFont));
        value_w = std::max(value_w, text_width(clip(r.value), kFont));
        share_w = std::max(share_w, text_width(clip(r.share), kFont));
        rows.push_back(std::move(r));
    }
    const double label_x = kPad + kSwatch + 8;
    const double value_right = round1(label_x + label_w + kColGap + value_w);
    const double share_right = round1(value_right + kColGap + share_w);
    const double width = std::max(kWidth, std::ceil(share_right + kPad));
    const double span = width - 2 * kPad;

    std::string body;
    if (whole > Amount{}) {
        // Edges from running exact sums, so the last segment ends at the full width.
        Amount running;
        size_t colour = 0;
        for (size_t i = 0; i < parts.size(); ++i) {
            const auto& v = parts[i].value;
            if (!v || *v <= Amount{}) continue;
            const double x0 = round1(kPad + span * ratio(running, whole));
            running += *v;
            const double x1 = round1(kPad + span * ratio(running, whole));
            body += "<rect class=\"chart-bar " + series_class(colour) + "\"" + rect_attrs(x0, kPad, x1 - x0, kBarH) +
                    " fill=\"" + series_fill(colour) + "\" stroke=\"#fff\" stroke-width=\"1\"><title>" +
                    esc(parts[i].label) + " " + esc(rows[i].value) + " " + esc(rows[i].share) + "</title></rect>\n";
            ++colour;
        }
    } else {
        body += "<rect class=\"chart-bar chart-bar--empty\"" + rect_attrs(kPad, kPad, span, kBarH) +
                " fill=\"none\" stroke=\"" + kMuted + "\" stroke-width=\"1\"/>\n";
    }

    // Legend: swatch, label, value and share in right-aligned columns. Parts
    // without a segment get a hollow swatch, so colours stay with segments.
    body += "<g class=\"chart-legend\">\n";
    double y = kPad + kBarH + 12;
    size_t colour = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const double cy = y + rows[i].height / 2;
        const auto& v = parts[i].value;
        if (v && *v > Amount{} && whole > Amount{}) {
            body += "<rect class=\"chart-swatch " + series_class(colour) + "\"" +
                    rect_attrs(kPad, cy - kSwatch / 2, kSwatch, kSwatch) + " fill=\"" + series_fill(colour) + "\"/>\n";
            ++colour;
        } else {
            body += "<rect class=\"chart-swatch chart-swatch--empty\"" +
                    rect_attrs(kPad + 0.5, cy - kSwatch / 2 + 0.5, kSwatch - 1, kSwatch - 1) + " fill=\"none\" stroke=\"" +
                    kMuted + "\" stroke-width=\"1\"/>\n";
        }
        put_text(body, label_x, cy, rows[i].label, {"chart-label"});
        put_text(body, value_right, cy, rows[i].value, {"chart-value", kFont, "end"});
        put_text(body, share_right, cy, rows[i].share, {"chart-value chart-share", kFont, "end", kInk, true});
        y += rows[i].height;
    }
    body += "</g>\n";
    return svg(id, "stacked", width, y + kPad, text, body);
}

// --- Line chart -----------------------------------------------------------------------

namespace {

// A y axis from 0 in `intervals` equal steps of 1, 2, 2.5 or 5 × 10^n,
// counted in 分; `decimals` is what a tick label needs to show a step exactly.
struct YAxis {
    i128 step_fen = 0;
    int intervals = 1;
    int decimals = 0;
};

YAxis nice_axis(Amount max, Unit unit, int decimals) {
    const int full = max_decimals(unit);
    const int d = std::min(decimals, full);
    // Steps are whole multiples of the smallest figure the chart shows, so
    // tick labels never need more decimals than the values.
    const i128 quantum = pow10_i128(full - d);
    const i128 top = max.fen() > 0 ? (static_cast<i128>(max.fen()) + quantum - 1) / quantum : pow10_i128(d);
    i128 best_step = 0;
    i128 best_top = 0;
    int best_n = 0;
    // Prefer 4-5 intervals, then 3-6, then anything up to 5; within a band the
    // lowest top, then more gridlines.
    for (const auto& [lo, hi] : {std::pair{4, 5}, std::pair{3, 6}, std::pair{1, 5}}) {
        for (int k = 0; k <= 20; ++k) {
            for (int m : {10, 20, 25, 50}) {
                const i128 tenths = m * pow10_i128(k);
                if (tenths % 10 != 0) continue;  // 2.5 quanta is not a whole step
                const i128 step = tenths / 10;
                const i128 n = (top + step - 1) / step;
                if (n < lo || n > hi) continue;
                if (best_n == 0 || n * step < best_top || (n * step == best_top && n > best_n)) {
                    best_step = step, best_top = n * step, best_n = static_cast<int>(n);
                }
            }
        }
        if (best_n != 0) break;
    }
    YAxis axis;
    axis.step_fen = best_step * quantum;
    axis.intervals = best_n;
    axis.decimals = 0;
    while (axis.decimals < d && axis.step_fen % pow10_i128(full - axis.decimals) != 0) ++axis.decimals;
    return axis;
}

}  // namespace

std::string line_chart_svg(const std::string& id, const std::vector<std::string>& categories,
                           const std::vector<ChartSeries>& series, const ChartText& text) {
    constexpr double kPlotH = 220, kTop = 28, kEndGap = 8, kLegendRow = 22;
    const size_t n = categories.size();
    auto value_at = [&](const ChartSeries& s, size_t i) {
        return i < s.values.size() && i < n ? s.values[i] : std::nullopt;
    };

    Amount max;
    for (const auto& s : series)
        for (size_t i = 0; i < n; ++i)
            if (const auto v = value_at(s, i); v && *v > max) max = *v;
    const int full = max_decimals(text.amount_unit);
    const YAxis axis = nice_axis(max, text.amount_unit, display_decimals(text));
    const Amount axis_top = Amount::from_fen(
        static_cast<std::int64_t>(std::min<i128>(axis.step_fen * axis.intervals, INT64_MAX)));

    std::vector<std::string> ticks;
    double tick_w = 0;
    for (int i = 0; i <= axis.intervals; ++i) {
        // Exact: a step is a whole number of units at axis.decimals.
        ticks.push_back(with_separators(format_scaled(axis.step_fen * i / pow10_i128(full - axis.decimals), axis.decimals)));
        tick_w = std::max(tick_w, text_width(clip(ticks.back()), kSmall));
    }

    // Direct labels at the end of each line: series label, then last value.
    struct EndLabel {
        size_t series;
        size_t index;
        Lines lines;
        double y = 0;
    };
    std::vector<EndLabel> ends;
    double end_w = 0;
    for (size_t s = 0; s < series.size(); ++s) {
        for (size_t i = n; i-- > 0;) {
            if (const auto v = value_at(series[s], i)) {
                Lines lines = wrap(clip(series[s].label), 150, kSmall, 2);
                lines.push_back(clip(value_text(v, text)));
                end_w = std::max(end_w, lines_width(lines, kSmall));
                ends.push_back({s, i, std::move(lines)});
                break;
            }
        }
    }
    double labels_h = 0;
    for (const auto& e : ends) labels_h += static_cast<double>(e.lines.size()) * 15 + 6;

    const double plot_l = round1(kPad + tick_w + 8);
    const double plot_r = round1(std::max(kWidth - kPad - end_w - kEndGap, plot_l + 120));
    const double width = std::max(kWidth, std::ceil(plot_r + kEndGap + end_w + kPad));
    const double plot_h = std::max(kPlotH, labels_h);
    const double plot_b = kTop + plot_h;

    double cat_w = 0;
    for (const auto& c : categories) cat_w = std::max(cat_w, text_width(clip(c), kSmall));
    const double inset = std::max(12.0, cat_w / 2);
    auto x_at = [&](size_t i) {
        if (n <= 1) return round1((plot_l + plot_r) / 2);
        return round1(plot_l + inset + (plot_r - plot_l - 2 * inset) * static_cast<double>(i) / static_cast<double>(n - 1));
    };
    auto y_at = [&](Amount v) { return round1(plot_b - plot_h * ratio(v, axis_top)); };

    std::string body;
    // Unit above the axis, gridlines with tick labels, the baseline last so it is on top.
    if (!text.unit.empty())
        put_text(body, kPad, kTop - 16, text.unit, {"chart-axis-unit", kSmall, "start", kMuted});
    body += "<g class=\"chart-axis chart-axis--y\">\n";
    for (int i = 0; i <= axis.intervals; ++i) {
        const double y = round1(plot_b - plot_h * i / axis.intervals);
        if (i > 0) put_line(body, "chart-grid", plot_l, y, plot_r, y, kGrid);
        put_text(body, plot_l - 8, y, ticks[static_cast<size_t>(i)], {"chart-tick", kSmall, "end", kMuted});
    }
    put_line(body, "chart-axis", plot_l, plot_b, plot_r, plot_b, kMuted);
    body += "</g>\n<g class=\"chart-axis chart-axis--x\">\n";
    // Thin the category labels when they would touch, always keeping the last.
    const double spacing = n > 1 ? (plot_r - plot_l - 2 * inset) / static_cast<double>(n - 1) : cat_w + 8;
    const size_t every = static_cast<size_t>(std::max(1.0, std::ceil((cat_w + 8) / std::max(spacing, 1.0))));
    for (size_t i = 0; i < n; ++i)
        if ((n - 1 - i) % every == 0)
            put_text(body, x_at(i), plot_b + 16, categories[i], {"chart-category", kSmall, "middle", kMuted});
    body += "</g>\n";

    for (size_t s = 0; s < series.size(); ++s) {
        const std::string cls = series_class(s);
        const char* colour = series_fill(s);
        body += "<g class=\"chart-series " + cls + "\">\n";
        // One polyline per run of published values: a gap where one is missing.
        std::string points;
        size_t run = 0;
        auto flush = [&] {
            if (run >= 2)
                body += "<polyline class=\"chart-line\" fill=\"none\" stroke=\"" + std::string(colour) +
                        "\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"" +
                        points + "\"/>\n";
            points.clear();
            run = 0;
        };
        for (size_t i = 0; i < n; ++i) {
            const auto v = value_at(series[s], i);
            if (!v) {
                flush();
                continue;
            }
            points += (run ? " " : "") + svg_number(x_at(i)) + "," + svg_number(y_at(*v));
            ++run;
        }
        flush();
        for (size_t i = 0; i < n; ++i)
            if (const auto v = value_at(series[s], i))
                body += "<circle class=\"chart-point\" cx=\"" + svg_number(x_at(i)) + "\" cy=\"" +
                        svg_number(y_at(*v)) +
                        "\" r=\"3.5\" fill=\"" + colour + "\" stroke=\"#fff\" stroke-width=\"1.5\"><title>" +
                        esc(categories[i]) + " " + esc(series[s].label) + " " + esc(value_text(v, text)) +
                        "</title></circle>\n";
        body += "</g>\n";
    }

    // End labels: at their line's last point, pushed apart so none overlap,
    // then back up if the last one would fall below the plot.
    for (auto& e : ends) e.y = y_at(*value_at(series[e.series], e.index));
    std::stable_sort(ends.begin(), ends.end(), [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
    auto half = [](const EndLabel& e) { return static_cast<double>(e.lines.size()) * 15 / 2 + 3; };
    for (size_t i = 0; i < ends.size(); ++i) {
        ends[i].y = std::max(ends[i].y, kTop - 8 + half(ends[i]));
        if (i > 0) ends[i].y = std::max(ends[i].y, ends[i - 1].y + half(ends[i - 1]) + half(ends[i]));
    }
    for (size_t i = ends.size(); i-- > 0;) {
        const double limit = i + 1 < ends.size() ? ends[i + 1].y - half(ends[i + 1]) : plot_b + 8;
        ends[i].y = std::min(ends[i].y, limit - half(ends[i]));
    }
    for (const auto& e : ends) {
        const double x = x_at(e.index) + kEndGap;
        put_text(body, x, e.y, e.lines, {"chart-label chart-end-label", kSmall, "start", series_fill(e.series)}, 15);
    }

    double height = plot_b + 28;
    if (series.size() > 1) {
        // Legend: swatches flowing left to right, wrapping to new rows.
        body += "<g class=\"chart-legend\">\n";
        double x = kPad;
        double y = height + kLegendRow / 2 - 4;
        for (size_t s = 0; s < series.size(); ++s) {
            const Lines label = wrap(clip(series[s].label), width - 2 * kPad - 28, kSmall, 1);
            const double w = 28 + text_width(label[0], kSmall);
            if (x > kPad && x + w > width - kPad) x = kPad, y += kLegendRow;
            body += "<path class=\"chart-swatch " + series_class(s) + "\" d=\"M" + svg_number(x) + " " + svg_number(y) +
                    "h20\" stroke=\"" +
                    series_fill(s) + "\" stroke-width=\"2.5\" stroke-linecap=\"round\"/>\n";
            put_text(body, x + 26, y, label, {"chart-label", kSmall});
            x += w + 16;
        }
        body += "</g>\n";
        height = y + kLegendRow / 2;
    }
    return svg(id, "line", width, height + kPad, text, body);
}

}  // namespace gk
