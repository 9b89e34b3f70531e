// The GNU build ID of the running program: a hash the linker computes over
// the linked executable, read from the program's own notes in memory.
#pragma once

#include <optional>
#include <string>

namespace gk {

// The build ID's bytes, or nullopt when the program was linked without one
// (then the caller hashes the executable file instead).
std::optional<std::string> program_build_id();

// "<version> <hash of the build ID>": what names this program in the files
// it keeps for the next build; empty when it has no build ID.
std::string program_identity();

}  // namespace gk
