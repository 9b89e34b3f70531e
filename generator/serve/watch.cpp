#include "serve/watch.h"

#include <sys/stat.h>

#include <filesystem>

namespace gk {

namespace fs = std::filesystem;

namespace {

void add_file(const fs::path& path, TreeSnapshot& snapshot) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return;
    const std::int64_t mtime = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    snapshot[path.string()] = {static_cast<std::uintmax_t>(info.st_size), mtime};
}

}  // namespace

TreeSnapshot snapshot_tree(const std::vector<std::string>& roots) {
    TreeSnapshot snapshot;
    for (const std::string& root : roots) {
        std::error_code ec;
        if (fs::is_regular_file(root, ec)) {
            add_file(root, snapshot);
            continue;
        }
        // Symbolic links are followed for files but not for folders, so a
        // link cycle cannot make the walk endless.
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) add_file(it->path(), snapshot);
    }
    return snapshot;
}

}  // namespace gk
