// data/<year>.csv: one row per department, every figure in the site unit.
#pragma once

#include <string>

#include "compute/derived.h"
#include "model/site.h"

namespace gk {

std::string region_year_csv(const RegionYear& region, const SiteConfig& site);
std::string region_year_csv_path(const RegionYear& region);

// RFC 4180 quoting when needed.
void append_csv_field(std::string& out, std::string_view field);

}  // namespace gk
