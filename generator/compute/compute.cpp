#include "compute/compute.h"

#include <climits>

#include "compute/classification.h"
#include "compute/region.h"
#include "compute/resolve_figures.h"
#include "compute/year_over_year.h"
#include "parallel/parallel_for.h"

namespace gk {

namespace {

void compute_shares(DepartmentYear& dy) {
    for (const TotalRule& group : share_groups()) {
        const std::optional<Amount>& total = dy.values[index(group.total)];
        if (!total) continue;
        for (Fig part : group.parts) {
            if (const std::optional<Amount>& value = dy.values[index(part)])
                dy.shares[index(part)] = percent_of(*value, *total);
        }
    }
}

void compute_execution(DepartmentYear& final_year, const DepartmentYear& budget) {
    for (std::size_t f = 0; f < kFigCount; ++f) {
        if (final_year.values[f] && budget.values[f]) final_year.execution[f] = percent_of(*final_year.values[f], *budget.values[f]);
    }
}

// Fills `dy`, default-constructed, in place: a DepartmentYear is a few
// kilobytes.
void compute_one(const Department& dept, const BudgetFile& file, Amount tolerance, DepartmentYear& dy) {
    dy.department = &dept;
    dy.file = &file;
    dy.year = file.year;
    dy.kind = file.kind;
    dy.values = resolve_figures(file, tolerance).values;
    compute_shares(dy);
    dy.functions = roll_up_functions(file.by_function);
    dy.economics = roll_up_economics(file.by_economic);
    dy.procurement_totals.reserve(file.procurement.size());
    for (const ProcurementRow& row : file.procurement) dy.procurement_totals.push_back(procurement_row_total(row));
}

void link_years(Derived& derived) {
    for (DepartmentYear& dy : derived.department_years) {
        const std::string& id = dy.department->id;
        if (const DepartmentYear* p = derived.find(id, dy.year - 1, dy.kind)) dy.previous = p;
        if (const DepartmentYear* n = derived.find(id, dy.year + 1, dy.kind)) dy.next = n;
        if (dy.kind == BudgetKind::final_accounts) {
            dy.budget = derived.find(id, dy.year, BudgetKind::budget);
        } else {
            dy.final_accounts = derived.find(id, dy.year, BudgetKind::final_accounts);
        }
    }
}

}  // namespace

const DepartmentYear* Derived::find(const std::string& department_id, int year, BudgetKind kind) const {
    const auto it = by_key.find({department_id, year, kind});
    return it == by_key.end() ? nullptr : &department_years[it->second];
}

const RegionYear* Derived::region(int year, BudgetKind kind) const {
    for (const RegionYear& r : regions) {
        if (r.year == year && r.kind == kind) return &r;
    }
    return nullptr;
}

std::vector<const DepartmentYear*> Derived::series(const std::string& department_id, BudgetKind kind) const {
    std::vector<const DepartmentYear*> out;
    // by_key is ordered by (id, year, kind): the department's years are adjacent.
    for (auto it = by_key.lower_bound({department_id, INT_MIN, BudgetKind::budget});
         it != by_key.end() && std::get<0>(it->first) == department_id; ++it) {
        if (std::get<2>(it->first) == kind) out.push_back(&department_years[it->second]);
    }
    return out;
}

Derived compute(const Content& content, unsigned jobs) {
    Derived derived;
    std::vector<std::pair<const Department*, const BudgetFile*>> files;
    for (const Department& dept : content.departments) {
        for (const BudgetFile& file : dept.files) {
            derived.by_key[{dept.id, file.year, file.kind}] = files.size();
            files.emplace_back(&dept, &file);
        }
        // Every department-year, those left unread too (no figures to
        // derive: a narrative edit elsewhere), by (year, kind).
        const std::size_t first = derived.disclosures.size();
        for (const BudgetFile& file : dept.files) derived.disclosures.push_back({&dept, file.year, file.kind, nullptr});
        for (const auto& [year, kind] : dept.unread) derived.disclosures.push_back({&dept, year, kind, nullptr});
        if (!dept.unread.empty())
            std::sort(derived.disclosures.begin() + static_cast<std::ptrdiff_t>(first), derived.disclosures.end(),
                      [](const DisclosureRef& a, const DisclosureRef& b) {
                          return std::pair(a.year, a.kind) < std::pair(b.year, b.kind);
                      });
    }
    // Every department-year on its own: in parallel, each into its slot.
    derived.department_years.resize(files.size());
    parallel_for(files.size(), jobs, [&](std::size_t i) {
        compute_one(*files[i].first, *files[i].second, content.site.tolerance, derived.department_years[i]);
    });
    link_years(derived);
    // Each reads the values of its neighbours (all computed above) and
    // writes only its own changes and execution rates.
    parallel_for(derived.department_years.size(), jobs, [&](std::size_t i) {
        DepartmentYear& dy = derived.department_years[i];
        compute_changes(dy);
        if (dy.budget) compute_execution(dy, *dy.budget);
    });
    for (DisclosureRef& d : derived.disclosures) d.dy = derived.find(d.department->id, d.year, d.kind);
    compute_regions(derived);
    return derived;
}

}  // namespace gk
