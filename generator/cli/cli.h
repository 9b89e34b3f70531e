// Command-line parsing: `gongkai build|check|serve|new ...`.
#pragma once

namespace gk {

int run_cli(int argc, char** argv);

}  // namespace gk
