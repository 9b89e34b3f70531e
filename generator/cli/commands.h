// The commands beside build and check: `gongkai new` and `gongkai serve`.
// cli.cpp parses the options and calls these.
#pragma once

#include <atomic>
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

// `gongkai serve`: builds into a temporary folder, serves it on 127.0.0.1
// and rebuilds when the content or theme changes, until SIGINT/SIGTERM or
// until `stop` becomes true. `port` is the option's text ("" for the
// default, 8000). Prints the URL on `out` once the server listens.
int run_serve(const BuildOptions& options, const std::string& port, std::ostream& out, std::ostream& err,
              const std::atomic<bool>* stop = nullptr);

}  // namespace gk
