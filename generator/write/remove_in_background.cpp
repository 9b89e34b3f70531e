#include "write/remove_in_background.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace gk {

namespace fs = std::filesystem;

namespace {

// In the grandchild: no terminal, no inherited descriptors (a pipe, a
// listening socket of `gongkai serve`).
void detach() {
    ::setsid();
    const int null = ::open("/dev/null", O_RDWR);
    if (null >= 0) {
        for (int fd = 0; fd <= 2; ++fd) ::dup2(null, fd);
    }
    ::close_range(3, ~0U, 0);
}

}  // namespace

void remove_in_background(const fs::path& dir) {
    std::error_code ec;
    const pid_t child = ::fork();
    if (child < 0) {
        fs::remove_all(dir, ec);
        return;
    }
    if (child == 0) {
        // The child starts the grandchild and exits at once, so the
        // grandchild belongs to init, which reaps it: no zombie, even under
        // the long-running `gongkai serve`.
        if (::fork() == 0) {
            detach();
            fs::remove_all(dir, ec);
        }
        ::_exit(0);
    }
    ::waitpid(child, nullptr, 0);
}

}  // namespace gk
