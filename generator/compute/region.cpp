#include "compute/region.h"

#include <algorithm>
#include <map>

#include "compute/year_over_year.h"

namespace gk {

namespace {

void sum_members(RegionYear& region) {
    for (const DepartmentYear* dy : region.members) {
        for (std::size_t f = 0; f < kFigCount; ++f) {
            if (!dy->values[f]) continue;
            region.totals[f] = region.totals[f].value_or(Amount{}) + *dy->values[f];
            ++region.contributors[f];
        }
    }
}

// Competition ranking ("1224") by descending value; ties keep department order.
void rank_members(RegionYear& region, std::vector<DepartmentYear>& all) {
    std::vector<DepartmentYear*> members;
    for (const DepartmentYear* dy : region.members) members.push_back(&all[static_cast<std::size_t>(dy - all.data())]);
    for (std::size_t f = 0; f < kFigCount; ++f) {
        std::vector<DepartmentYear*> ranked;
        for (DepartmentYear* dy : members) {
            if (dy->values[f]) ranked.push_back(dy);
        }
        std::stable_sort(ranked.begin(), ranked.end(), [f](const DepartmentYear* a, const DepartmentYear* b) {
            return *a->values[f] > *b->values[f];
        });
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            const bool tie = i > 0 && *ranked[i]->values[f] == *ranked[i - 1]->values[f];
            ranked[i]->rank[f] = tie ? ranked[i - 1]->rank[f] : static_cast<int>(i + 1);
            if (region.totals[f]) ranked[i]->region_share[f] = percent_of(*ranked[i]->values[f], *region.totals[f]);
        }
    }
}

// The region's change compares like with like: only departments that publish
// the figure in both years count, so a department that joins or leaves the
// portal does not read as a rise or fall of the region's budget.
void compare_with_previous(RegionYear& region) {
    for (std::size_t f = 0; f < kFigCount; ++f) {
        std::optional<Amount> current, previous;
        for (const DepartmentYear* dy : region.members) {
            if (!dy->values[f] || !dy->previous || !dy->previous->values[f]) continue;
            current = current.value_or(Amount{}) + *dy->values[f];
            previous = previous.value_or(Amount{}) + *dy->previous->values[f];
            ++region.comparable[f];
        }
        if (current && previous) region.changes[f] = change_between(*previous, *current);
    }
}

}  // namespace

void compute_regions(Derived& derived) {
    std::map<std::pair<int, BudgetKind>, std::vector<const DepartmentYear*>> groups;
    // A year that only budget files left unread have is still a year of
    // the site (its pages are the previous build's).
    for (const DisclosureRef& d : derived.disclosures) {
        std::vector<const DepartmentYear*>& members = groups[{d.year, d.kind}];
        if (d.dy) members.push_back(d.dy);
    }
    derived.regions.reserve(groups.size());
    for (auto& [key, members] : groups) {
        RegionYear region;
        region.year = key.first;
        region.kind = key.second;
        region.members = std::move(members);
        sum_members(region);
        for (const TotalRule& group : share_groups()) {
            if (!region.totals[index(group.total)]) continue;
            for (Fig part : group.parts) {
                if (region.totals[index(part)])
                    region.shares[index(part)] = percent_of(*region.totals[index(part)], *region.totals[index(group.total)]);
            }
        }
        derived.regions.push_back(std::move(region));
    }
    for (RegionYear& region : derived.regions) {
        rank_members(region, derived.department_years);
        for (const RegionYear& other : derived.regions) {
            if (other.kind == region.kind && other.year == region.year - 1) region.previous = &other;
        }
        if (!region.previous) continue;
        compare_with_previous(region);
    }
}

}  // namespace gk
