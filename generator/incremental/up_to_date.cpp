#include "incremental/up_to_date.h"

#include "parallel/parallel_for.h"
#include "render/output.h"

#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <vector>

namespace gk {

namespace fs = std::filesystem;

bool inputs_unchanged(const InputFiles& now, const InputRecords& recorded, InputRecords& hashed) {
    if (now.size() != recorded.size()) return false;
    for (const auto& [key, file] : now) {
        const auto found = recorded.find(key);
        if (found == recorded.end()) return false;
        if (found->second.stamp == file.stamp) continue;
        const std::optional<std::string> bytes = input_bytes(file);
        if (!bytes) return false;
        const Hash128 hash = hash128(*bytes);
        hashed[key] = InputRecord{file.stamp, hash};
        if (hash != found->second.hash) return false;
    }
    return true;
}

namespace {

std::int64_t mtime_of(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

bool same_folder(const std::string& path, const FolderRecord& record) {
    struct stat st;
    return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && mtime_of(st) == record.mtime_ns &&
           static_cast<std::uint64_t>(st.st_ino) == record.inode;
}

// The output folder itself changed when the manifest was written into it:
// list it instead. Every entry must be a recorded file or folder.
bool same_top_level(const std::string& dir, const OutputRecords& recorded, const FolderRecords& folders) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) return false;
        const std::string name = it->path().filename().string();
        if (name != kManifestName && !recorded.count(name) && !folders.count(name)) return false;
    }
    return !ec;
}

}  // namespace

bool output_file_as_recorded(const std::string& path, const OutputRecord& record) {
    return still_as_recorded(PreviousFile{path, record.size, record.mtime_ns, record.inode, record.hash});
}

namespace {

// True when every item of `items` passes `check`, run on `jobs` threads;
// the first that does not stops the rest.
template <typename Map, typename Check>
bool all_of(const Map& items, unsigned jobs, Check check) {
    std::vector<const typename Map::value_type*> list;
    list.reserve(items.size());
    for (const auto& entry : items) list.push_back(&entry);
    std::atomic<bool> same{true};
    parallel_for(list.size(), jobs, [&](std::size_t i) {
        if (!same.load(std::memory_order_relaxed)) return;
        if (!check(*list[i])) same.store(false, std::memory_order_relaxed);
    });
    return same.load();
}

std::string without_trailing_slash(std::string dir) {
    while (dir.size() > 1 && dir.ends_with('/')) dir.pop_back();
    return dir;
}

}  // namespace

bool folders_as_recorded(const std::string& out_dir, const OutputRecords& recorded, const FolderRecords& folders,
                         unsigned jobs) {
    const std::string dir = without_trailing_slash(out_dir);
    if (folders_of(recorded).size() != folders.size()) return false;  // not a manifest this check can trust
    if (!same_top_level(dir, recorded, folders)) return false;
    // One lstat() per folder (15,000 at 9,000 department-years).
    return all_of(folders, jobs, [&](const auto& folder) { return same_folder(dir + "/" + folder.first, folder.second); });
}

bool output_as_recorded(const std::string& out_dir, const OutputRecords& recorded, const FolderRecords& folders,
                        unsigned jobs) {
    const std::string dir = without_trailing_slash(out_dir);
    // And one lstat() per file (24,500 at 9,000 department-years).
    return folders_as_recorded(dir, recorded, folders, jobs) &&
           all_of(recorded, jobs, [&](const auto& file) { return output_file_as_recorded(dir + "/" + file.first, file.second); });
}

}  // namespace gk
