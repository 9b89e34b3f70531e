#include "write/remove_in_background.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <mutex>
#include <vector>

extern char** environ;

namespace gk {

namespace fs = std::filesystem;

namespace {

// Removers started earlier by this process: reaped once they are done, so
// that the long-running `gongkai serve` leaves no zombies behind.
std::mutex removers_mutex;
std::vector<pid_t> removers;

void reap_finished_removers() {
    std::lock_guard lock(removers_mutex);
    std::erase_if(removers, [](pid_t pid) { return ::waitpid(pid, nullptr, WNOHANG) != 0; });
}

// `rm -rf -- dir` in a new session, with /dev/null for its standard
// streams and none of this process's other descriptors. posix_spawn does
// not copy this process's memory (a fork of a 500 MB build would make its
// every later write to memory a page copy); rm is in every Debian system
// (coreutils is essential).
bool spawn_rm(const fs::path& dir, pid_t& pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    if (::posix_spawn_file_actions_init(&actions) != 0) return false;
    if (::posix_spawnattr_init(&attributes) != 0) {
        ::posix_spawn_file_actions_destroy(&actions);
        return false;
    }
    for (int fd = 0; fd <= 2; ++fd) ::posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_RDWR, 0);
    ::posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
    const std::string path = dir.string();
    char rm[] = "rm", rf[] = "-rf", dashes[] = "--";
    char* argv[] = {rm, rf, dashes, const_cast<char*>(path.c_str()), nullptr};
    const bool started = ::posix_spawn(&pid, "/bin/rm", &actions, &attributes, argv, environ) == 0;
    ::posix_spawnattr_destroy(&attributes);
    ::posix_spawn_file_actions_destroy(&actions);
    return started;
}

}  // namespace

void remove_in_background(const fs::path& dir) {
    reap_finished_removers();
    pid_t pid = 0;
    if (spawn_rm(dir, pid)) {
        std::lock_guard lock(removers_mutex);
        removers.push_back(pid);
        return;
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
}

}  // namespace gk
