#include "render/numbers.h"

#include "render/html.h"

namespace gk {

std::string group_thousands(const std::string& number) {
    const std::size_t start = (!number.empty() && (number[0] == '-' || number[0] == '+')) ? 1 : 0;
    std::size_t end = number.find('.');
    if (end == std::string::npos) end = number.size();
    if (end - start <= 3) return number;  // nothing to group (most figures in 万元)
    // Made at its final size: every figure of every page passes here.
    std::string out;
    out.reserve(number.size() + (end - start - 1) / 3);
    out.append(number, 0, start);
    for (std::size_t i = start; i < end; ++i) {
        out += number[i];
        const std::size_t remaining = end - i - 1;
        if (remaining > 0 && remaining % 3 == 0) out += ',';
    }
    out.append(number, end, std::string::npos);
    return out;
}

namespace {

// The label key of a unit: pages name it in the site's language.
std::string unit_label_key(Unit unit) {
    switch (unit) {
        case Unit::yuan: return "unit.yuan";
        case Unit::wan_yuan: return "unit.wan_yuan";
        case Unit::yi_yuan: return "unit.yi_yuan";
    }
    return "unit.yuan";
}

}  // namespace

Numbers::Numbers(const SiteConfig& site, const Labels& labels)
    : site_(site), labels_(labels), unit_(labels.get(unit_label_key(site.unit))) {}

const std::string& Numbers::not_published() const { return labels_.get("common.not_published"); }

std::string Numbers::date(const Date& d) const {
    const auto two_digits = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    mu::data data;
    set_moved(data, "year", std::to_string(d.year));
    set_moved(data, "month", std::to_string(d.month));
    set_moved(data, "day", std::to_string(d.day));
    set_moved(data, "month2", two_digits(d.month));
    set_moved(data, "day2", two_digits(d.day));
    const std::string month_key = "month." + std::to_string(d.month);
    set_moved(data, "month_name", labels_.has(month_key) ? labels_.get(month_key) : std::to_string(d.month));
    return labels_.sentence("common.date", data);
}

mu::data Numbers::count_data(std::size_t count) {
    mu::data data;
    set_moved(data, "count", std::to_string(count));
    set_moved(data, "one", count == 1);
    set_moved(data, "many", count != 1);
    return data;
}

std::string Numbers::amount(const std::optional<Amount>& a) const {
    if (!a) return not_published();
    return group_thousands(format_rounded(*a, site_.unit, site_.decimals));
}

std::string Numbers::plain_percent(Percent p) const { return format_percent(p); }

std::string Numbers::percent(const std::optional<Percent>& p) const {
    if (!p) return not_published();
    return format_percent(*p) + "%";
}

std::string Numbers::signed_amount(Amount a) const {
    const std::string text = group_thousands(format_rounded(a, site_.unit, site_.decimals));
    return a.is_negative() || a.is_zero() ? text : "+" + text;
}

std::string Numbers::signed_percent(Percent p) const {
    return (p.hundredths() > 0 ? "+" : "") + format_percent(p) + "%";
}

std::string Numbers::change_cell(const std::optional<Change>& c) const {
    if (!c) return escape_html(not_published());
    if (c->direction == Direction::unchanged) return escape_html(labels_.get("change.unchanged_cell"));
    mu::data d;
    set_moved(d, "amount", signed_amount(c->amount));
    if (!c->percent) return labels_.sentence("change.new_cell", d);
    std::string percent = signed_percent(*c->percent);
    percent.pop_back();  // the label writes its own "%"
    set_moved(d, "percent", percent);
    return labels_.sentence("change.cell", d);
}

std::string Numbers::change_sentence(const std::optional<Change>& c) const {
    if (!c) return {};
    mu::data d;
    set_moved(d, "amount", amount(c->amount.abs()));
    set_moved(d, "unit", unit_);
    set_moved(d, "previous", amount(c->previous));
    if (c->percent) {
        const Percent p = *c->percent;
        set_moved(d, "percent", format_percent(Percent::from_hundredths(p.hundredths() < 0 ? -p.hundredths() : p.hundredths())));
    } else {
        set_moved(d, "percent", "");
    }
    switch (c->direction) {
        case Direction::unchanged: return labels_.sentence("change.unchanged", d);
        case Direction::increase: return labels_.sentence(c->percent ? "change.increase" : "change.new", d);
        case Direction::decrease: return labels_.sentence("change.decrease", d);
    }
    return {};
}

}  // namespace gk
