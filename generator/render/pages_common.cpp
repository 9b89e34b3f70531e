#include "render/pages.h"

namespace gk {

bool any_illustrative(const std::vector<const DepartmentYear*>& members) {
    for (const DepartmentYear* dy : members) {
        if (dy->department->illustrative) return true;
    }
    return false;
}

std::string department_name(const Department& d) { return d.name.value.value_or(d.id); }

std::string year_title(const RenderEnv& env, int year, BudgetKind kind) {
    mu::data d;
    set_moved(d, "year", std::to_string(year));
    return env.labels.sentence(kind == BudgetKind::final_accounts ? "year.title_final" : "year.title", d);
}

}  // namespace gk
