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

bool output_as_recorded(const std::string& out_dir, const OutputRecords& recorded, const FolderRecords& folders,
                        unsigned jobs) {
    std::string dir = out_dir;
    while (dir.size() > 1 && dir.ends_with('/')) dir.pop_back();
    if (folders_of(recorded).size() != folders.size()) return false;  // not a manifest this check can trust
    if (!same_top_level(dir, recorded, folders)) return false;
    // One lstat() per folder and file (39,000 at 9,000 department-years), on
    // `jobs` threads; the first difference stops the rest.
    std::vector<const std::pair<const std::string, FolderRecord>*> folder_list;
    folder_list.reserve(folders.size());
    for (const auto& entry : folders) folder_list.push_back(&entry);
    std::vector<const std::pair<const std::string, OutputRecord>*> file_list;
    file_list.reserve(recorded.size());
    for (const auto& entry : recorded) file_list.push_back(&entry);
    std::atomic<bool> same{true};
    parallel_for(folder_list.size() + file_list.size(), jobs, [&](std::size_t i) {
        if (!same.load(std::memory_order_relaxed)) return;
        const bool as_recorded =
            i < folder_list.size()
                ? same_folder(dir + "/" + folder_list[i]->first, folder_list[i]->second)
                : output_file_as_recorded(dir + "/" + file_list[i - folder_list.size()]->first,
                                          file_list[i - folder_list.size()]->second);
        if (!as_recorded) same.store(false, std::memory_order_relaxed);
    });
    return same.load();
}

}  // namespace gk
