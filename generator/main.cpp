// The command line only: arguments -> pipeline -> diagnostics -> exit code.
#include "cli/cli.h"

#ifdef GONGKAI_MIMALLOC
#include <mimalloc.h>

#include <cstdlib>
#endif

int main(int argc, char** argv) {
#ifdef GONGKAI_MIMALLOC
    // mimalloc replaces malloc by being linked; naming one of its functions
    // keeps the linker from dropping it as unused.
    (void)mi_version();
    // Huge (2 MiB) pages where the kernel allows them (madvise): loading and
    // rendering touch hundreds of megabytes once, and a page fault per
    // 4 KiB page was a tenth of a build's time (bench/README.md).
    // MIMALLOC_LARGE_OS_PAGES in the environment still decides.
    if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) mi_option_enable(mi_option_large_os_pages);
    return gk::run_cli(argc, argv, [] { mi_collect(true); });
#else
    return gk::run_cli(argc, argv);
#endif
}
