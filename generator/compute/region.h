// Across departments: the region's totals per year, each department's rank
// and share, and the region's own change from year to year.
#pragma once

#include "compute/derived.h"

namespace gk {

// Builds derived.regions from derived.department_years and fills each
// department-year's rank and region_share.
void compute_regions(Derived& derived);

}  // namespace gk
