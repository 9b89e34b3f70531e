#include "model/figures.h"

namespace gk {

namespace {

constexpr FigureInfo kFigures[] = {
    {Fig::general_public, "general_public", "income", "general_public"},
    {Fig::government_fund, "government_fund", "income", "government_fund"},
    {Fig::state_capital, "state_capital", "income", "state_capital"},
    {Fig::special_account, "special_account", "income", "special_account"},
    {Fig::business, "business", "income", "business"},
    {Fig::income_business_operation, "income_business_operation", "income", "business_operation"},
    {Fig::superior_subsidy, "superior_subsidy", "income", "superior_subsidy"},
    {Fig::subsidiary_remit, "subsidiary_remit", "income", "subsidiary_remit"},
    {Fig::non_fiscal_balance, "non_fiscal_balance", "income", "non_fiscal_balance"},
    {Fig::unit_funds, "unit_funds", "income", "unit_funds"},
    {Fig::income_other, "income_other", "income", "other"},
    {Fig::carryover, "carryover", "income", "carryover"},
    {Fig::income_total, "income_total", "income", "total"},
    {Fig::personnel, "personnel", "expenditure", "personnel"},
    {Fig::public_, "public", "expenditure", "public"},
    {Fig::basic, "basic", "expenditure", "basic"},
    {Fig::project, "project", "expenditure", "project"},
    {Fig::remit_superior, "remit_superior", "expenditure", "remit_superior"},
    {Fig::expenditure_business_operation, "expenditure_business_operation", "expenditure",
     "business_operation"},
    {Fig::subsidiary_subsidy, "subsidiary_subsidy", "expenditure", "subsidiary_subsidy"},
    {Fig::expenditure_other, "expenditure_other", "expenditure", "other"},
    {Fig::expenditure_total, "expenditure_total", "expenditure", "total"},
    {Fig::carry_forward, "carry_forward", "expenditure", "carry_forward"},
    {Fig::outbound, "outbound", "three_public", "outbound"},
    {Fig::vehicle_purchase, "vehicle_purchase", "three_public", "vehicle_purchase"},
    {Fig::vehicle_operation, "vehicle_operation", "three_public", "vehicle_operation"},
    {Fig::vehicle_total, "vehicle_total", "three_public", "vehicle_total"},
    {Fig::reception, "reception", "three_public", "reception"},
    {Fig::three_public_total, "three_public_total", "three_public", "total"},
    {Fig::operating_expenses, "operating_expenses", "operating_expenses", "amount"},
    {Fig::meeting, "meeting", "meetings_training", "meeting"},
    {Fig::training, "training", "meetings_training", "training"},
    {Fig::procurement_total, "procurement_total", "", "procurement_total"},
    {Fig::balance, "balance", "", "balance"},
};
static_assert(std::size(kFigures) == kFigCount);

constexpr Fig kIncomeParts[] = {
    Fig::general_public, Fig::government_fund, Fig::state_capital,
    Fig::special_account, Fig::business, Fig::income_business_operation,
    Fig::superior_subsidy, Fig::subsidiary_remit, Fig::non_fiscal_balance,
    Fig::unit_funds, Fig::income_other, Fig::carryover,
};
constexpr Fig kBasicParts[] = {Fig::personnel, Fig::public_};
constexpr Fig kExpenditureParts[] = {
    Fig::basic, Fig::project, Fig::remit_superior, Fig::expenditure_business_operation,
    Fig::subsidiary_subsidy, Fig::expenditure_other,
};
constexpr Fig kVehicleParts[] = {Fig::vehicle_purchase, Fig::vehicle_operation};
constexpr Fig kThreePublicParts[] = {Fig::outbound, Fig::vehicle_total, Fig::reception};

const TotalRule kRules[] = {
    {Fig::basic, kBasicParts},
    {Fig::vehicle_total, kVehicleParts},
    {Fig::income_total, kIncomeParts},
    {Fig::expenditure_total, kExpenditureParts},
    {Fig::three_public_total, kThreePublicParts},
};

const TotalRule kShareGroups[] = {
    {Fig::income_total, kIncomeParts},
    {Fig::expenditure_total, kExpenditureParts},
    {Fig::basic, kBasicParts},
};

}  // namespace

const FigureInfo& figure_info(Fig f) { return kFigures[index(f)]; }

std::span<const FigureInfo> all_figures() { return kFigures; }

std::optional<Fig> figure_by_name(std::string_view name) {
    for (const FigureInfo& info : kFigures) {
        if (info.name == name) return info.fig;
    }
    return std::nullopt;
}

std::optional<Fig> figure_by_section_key(std::string_view section, std::string_view key) {
    for (const FigureInfo& info : kFigures) {
        if (info.section == section && info.key == key) return info.fig;
    }
    return std::nullopt;
}

std::span<const TotalRule> total_rules() { return kRules; }

const TotalRule* rule_for_total(Fig f) {
    for (const TotalRule& rule : kRules) {
        if (rule.total == f) return &rule;
    }
    return nullptr;
}

std::span<const TotalRule> share_groups() { return kShareGroups; }

}  // namespace gk
