// Command-line parsing: `gongkai build|check|serve|new ...`.
#pragma once

namespace gk {

// `return_free_memory`, when given, hands memory the program freed back to
// the system (main.cpp: mimalloc keeps it otherwise): see
// BuildOptions::return_free_memory.
int run_cli(int argc, char** argv, void (*return_free_memory)() = nullptr);

}  // namespace gk
