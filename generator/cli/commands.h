// The commands beside build and check (`gongkai new`).
// cli.cpp parses the options and calls these.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pipeline.h"

namespace gk {

// `gongkai new <dept-id> <year>`: writes departments/<dept-id>/<year>.toml
// and <year>.md (and department.toml for a new department) as templates
// that pass `gongkai check`. Never overwrites a file. 0, or 2 for wrong
// usage and I/O failures.
int run_new(const std::vector<std::string>& args, const std::string& content_dir, std::ostream& out,
            std::ostream& err);

}  // namespace gk
