#include "render/numbers.h"

#include "render/html.h"

namespace gk {

std::string group_thousands(const std::string& number) {
    std::size_t start = (!number.empty() && (number[0] == '-' || number[0] == '+')) ? 1 : 0;
    std::size_t end = number.find('.');
    if (end == std::string::npos) end = number.size();
    std::string out = number.substr(0, start);
    for (std::size_t i = start; i < end; ++i) {
        out += number[i];
        const std::size_t remaining = end - i - 1;
        if (remaining > 0 && remaining % 3 == 0) out += ',';
    }
    out += number.substr(end);
    return out;
}

Numbers::Numbers(const SiteConfig& site, const Labels& labels)
    : site_(site), labels_(labels), unit_(unit_name(site.unit)) {}

const std::string& Numbers::not_published() const { return labels_.get("common.not_published"); }

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

std::string Numbers::change_cell(const std::optional<Change>& c) const {
    if (!c) return escape_html(not_published());
    if (c->direction == Direction::unchanged) return escape_html(labels_.get("change.unchanged_cell"));
    mu::data d;
    d.set("amount", signed_amount(c->amount));
    if (!c->percent) return labels_.sentence("change.new_cell", d);
    d.set("percent", (c->percent->hundredths() > 0 ? "+" : "") + format_percent(*c->percent));
    return labels_.sentence("change.cell", d);
}

std::string Numbers::change_sentence(const std::optional<Change>& c) const {
    if (!c) return {};
    mu::data d;
    d.set("amount", amount(c->amount.abs()));
    d.set("unit", unit_);
    d.set("previous", amount(c->previous));
    if (c->percent) {
        const Percent p = *c->percent;
        d.set("percent", format_percent(Percent::from_hundredths(p.hundredths() < 0 ? -p.hundredths() : p.hundredths())));
    } else {
        d.set("percent", "");
    }
    switch (c->direction) {
        case Direction::unchanged: return labels_.sentence("change.unchanged", d);
        case Direction::increase: return labels_.sentence(c->percent ? "change.increase" : "change.new", d);
        case Direction::decrease: return labels_.sentence("change.decrease", d);
    }
    return {};
}

}  // namespace gk
