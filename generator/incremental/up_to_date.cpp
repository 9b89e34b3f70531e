#include "incremental/up_to_date.h"

#include <sys/stat.h>

#include <filesystem>
#include <set>

namespace gk {

namespace fs = std::filesystem;

bool inputs_unchanged(const InputFiles& now, const InputRecords& recorded, InputRecords& hashed) {
    if (now.size() != recorded.size()) return false;
    for (const auto& [key, file] : now) {
        const auto found = recorded.find(key);
        if (found == recorded.end()) return false;
        if (found->second.stamp == file.stamp) continue;
        const std::optional<std::string> bytes = file.path.empty() ? std::string() : read_whole_file(file.path);
        if (!bytes) return false;
        const Hash128 hash = hash128(*bytes);
        hashed[key] = InputRecord{file.stamp, hash};
        if (hash != found->second.hash) return false;
    }
    return true;
}

namespace {

// Every folder that holds a recorded file, as paths under the output.
std::set<std::string> recorded_folders(const OutputRecords& recorded) {
    std::set<std::string> folders;
    for (const auto& [path, record] : recorded) {
        for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
            folders.insert(path.substr(0, slash));
    }
    return folders;
}

bool same_file(const std::string& path, const OutputRecord& record) {
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    const std::int64_t mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    return static_cast<std::uint64_t>(st.st_size) == record.size && mtime == record.mtime_ns &&
           static_cast<std::uint64_t>(st.st_ino) == record.inode;
}

}  // namespace

bool output_as_recorded(const std::string& out_dir, const OutputRecords& recorded) {
    std::string dir = out_dir;
    while (dir.size() > 1 && dir.ends_with('/')) dir.pop_back();
    const std::set<std::string> folders = recorded_folders(recorded);
    std::size_t files = 0, seen_folders = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (ec) return false;
        const std::string path = it->path().string();
        const std::string rel = path.substr(dir.size() + 1);
        if (rel == kManifestName) continue;
        if (it->is_symlink(ec)) return false;
        if (it->is_directory(ec)) {
            if (!folders.count(rel)) return false;
            ++seen_folders;
            continue;
        }
        const auto found = recorded.find(rel);
        if (found == recorded.end() || !same_file(path, found->second)) return false;
        ++files;
    }
    return !ec && files == recorded.size() && seen_folders == folders.size();
}

}  // namespace gk
