// The GNU build ID of the running program: a hash the linker computes over
// the linked executable, read from the program's own notes in memory.
#pragma once

#include <optional>
#include <string>

namespace gk {

// The build ID's bytes, or nullopt when the program was linked without one
// (then the caller hashes the executable file instead).
std::optional<std::string> program_build_id();

}  // namespace gk
