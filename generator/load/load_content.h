// The load stage: a content folder -> Content. The only stage that reads
// the content; it reports what it cannot read or understand and loads
// everything else, so one run shows every problem.
#pragma once

#include <set>
#include <string>

#include "diag/diagnostics.h"
#include "load/budget_cache.h"
#include "load/unchanged_files.h"
#include "model/content.h"

namespace gk {

// `root` is shown as given in every diagnostic path ("content/site.toml").
// A folder that does not exist is reported as an error too. Departments are
// read and parsed on up to `jobs` threads (each into its own slot, so the
// result does not depend on it; diagnostics are sorted when reported).
// With a load cache, budget files it holds are not parsed again, and those
// parsed cleanly are added to it (the caller saves it). Year files
// `unchanged` knows are read only when needed (load_department.h). With
// `figures_of`, the departments not in it leave their unchanged budget
// files unread (`Department::unread`, load_department.h).
Content load_content(const std::string& root, Diagnostics& diagnostics, unsigned jobs = 1,
                     BudgetCache* cache = nullptr, const UnchangedFiles* unchanged = nullptr,
                     const std::set<std::string>* figures_of = nullptr);

}  // namespace gk
