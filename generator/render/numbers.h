// How figures read on a page (every string returned is safe as HTML): amounts rounded to the site's decimals with
// thousands separators, percentages with two decimals, "—" for a figure
// that is not published (never 0).
#pragma once

#include <optional>
#include <string>

#include "compute/derived.h"
#include "model/site.h"
#include "render/labels.h"

namespace gk {

class Numbers {
public:
    Numbers(const SiteConfig& site, const Labels& labels);

    std::string amount(const std::optional<Amount>& a) const;    // "1,234.50" or "—"
    std::string percent(const std::optional<Percent>& p) const;  // "19.43%" or "—"
    std::string plain_percent(Percent p) const;                  // "19.43"
    // "+5.90" / "-5.90" / "0.00"
    std::string signed_amount(Amount a) const;
    // "+19.43%" / "-4.80%" / "0.00%"
    std::string signed_percent(Percent p) const;
    // The change as a short table cell, HTML: "+5.90（+19.43%）", "新增 +5.00",
    // "持平", "—" (wording from the labels change.cell, change.new_cell,
    // change.unchanged_cell).
    std::string change_cell(const std::optional<Change>& c) const;
    // The change as words through labels, HTML: "比上年增加5.90万元，增长19.43%".
    std::string change_sentence(const std::optional<Change>& c) const;
    const std::string& unit() const { return unit_; }
    const std::string& not_published() const;
    // A date through the label common.date, HTML: "2020年3月5日". The label
    // may use {{year}}, {{month}}, {{day}}, zero-padded {{month2}} and
    // {{day2}}, and {{month_name}} (the label month.<n>, when the theme has it).
    std::string date(const Date& d) const;
    // A count with the flags a label needs to choose its wording:
    // {{count}}, {{#one}} (exactly 1), {{#many}} (anything else).
    static mu::data count_data(std::size_t count);

    Unit amount_unit() const { return site_.unit; }
    int decimals() const { return site_.decimals; }

private:
    const SiteConfig& site_;
    const Labels& labels_;
    std::string unit_;
};

// Inserts ',' every three digits of the integer part ("1234567.89" -> "1,234,567.89").
std::string group_thousands(const std::string& number);

}  // namespace gk
