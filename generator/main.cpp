// The command line only: arguments -> pipeline -> diagnostics -> exit code.
#include "cli/cli.h"

#ifdef GONGKAI_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
#ifdef GONGKAI_MIMALLOC
    // mimalloc replaces malloc by being linked; naming one of its functions
    // keeps the linker from dropping it as unused.
    (void)mi_version();
#endif
    return gk::run_cli(argc, argv);
}
