// department.toml plus the department's yearly files (spec §3b).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/budget.h"
#include "model/located.h"

namespace gk {

struct Department {
    std::string id;             // the folder name, a validated slug
    Located<std::string> name;
    std::string short_name;
    std::string code;
    std::string region;         // defaults to the site's region
    std::string category;
    std::int64_t order = 0;
    bool has_order = false;
    bool illustrative = false;
    SourceLoc loc;              // department.toml
    // Budgets then final accounts per year, sorted by (year, kind).
    std::vector<BudgetFile> files;
    // After a narrative edit in another department, the budget files left
    // unread, by (year, kind), sorted: nothing this build makes shows their
    // figures (pipeline.cpp, load_department.h). Not in `files`.
    std::vector<std::pair<int, BudgetKind>> unread;

    const BudgetFile* find(int year, BudgetKind kind) const;
    std::string display_name() const;  // short name when given, else the name
};

}  // namespace gk
