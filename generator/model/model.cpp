#include <set>

#include "model/budget.h"
#include "model/content.h"
#include "model/department.h"

namespace gk {

std::string_view note_key_name(NoteKey key) {
    static constexpr std::string_view kNames[] = {
        "duties", "income", "expenditure", "change", "operating_expenses",
        "three_public", "performance", "procurement", "assets", "other",
    };
    static_assert(std::size(kNames) == kNoteCount);
    return kNames[static_cast<std::size_t>(key)];
}

const BudgetFile* Department::find(int year, BudgetKind kind) const {
    for (const BudgetFile& f : files) {
        if (f.year == year && f.kind == kind) return &f;
    }
    return nullptr;
}

std::string Department::display_name() const {
    if (!short_name.empty()) return short_name;
    return name.value.value_or(id);
}

std::vector<int> Content::years() const {
    std::set<int> years;
    for (const Department& d : departments) {
        for (const BudgetFile& f : d.files) years.insert(f.year);
        for (const auto& [year, kind] : d.unread) years.insert(year);
    }
    return {years.begin(), years.end()};
}

}  // namespace gk
