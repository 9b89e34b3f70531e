// The command line only: arguments -> pipeline -> diagnostics -> exit code.
#include "cli/cli.h"

int main(int argc, char** argv) { return gk::run_cli(argc, argv); }
