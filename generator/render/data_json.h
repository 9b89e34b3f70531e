// The open data of a department-year as JSON (spec §8): its inputs and
// every derived figure, amounts in the site unit, a figure that is not
// published as null.
#pragma once

#include <string>

#include "compute/derived.h"
#include "model/site.h"
#include "render/json_writer.h"

namespace gk {

std::string department_year_json(const DepartmentYear& dy, const SiteConfig& site);
void write_department_year(JsonWriter& json, const DepartmentYear& dy, const SiteConfig& site);

// data/departments/<id>/<year>.json or <year>-final.json (relative path).
std::string department_year_json_path(const DepartmentYear& dy);
std::string department_year_json_path(const DisclosureRef& d);
std::string kind_suffix(BudgetKind kind);  // "" or "-final"

}  // namespace gk
