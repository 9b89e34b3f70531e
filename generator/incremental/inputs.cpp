#include "incremental/inputs.h"

#include <atomic>
#include <filesystem>
#include <vector>

#include "incremental/build_id.h"
#include "parallel/parallel_for.h"

namespace gk {

namespace fs = std::filesystem;

void scan_folder(const std::string& folder, const std::string& prefix, InputFiles& into, unsigned jobs) {
    // Entries are named "<dir>/<relative path>": cut that prefix off the
    // strings (fs::relative would resolve every path on disk).
    std::string dir = folder;
    while (dir.size() > 1 && dir.ends_with('/')) dir.pop_back();
    std::error_code ec;
    const auto options = fs::directory_options::follow_directory_symlink | fs::directory_options::skip_permission_denied;
    std::vector<std::string> paths;
    for (auto it = fs::recursive_directory_iterator(dir, options, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->path().filename().string().starts_with(".")) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory(ec)) continue;
        paths.push_back(it->path().string());
    }
    // The stat()s on `jobs` threads: 21,000 files at 9,000 department-years,
    // most of the time a rebuild with nothing changed takes.
    std::vector<std::optional<FileStamp>> stamps(paths.size());
    parallel_for(paths.size(), jobs, [&](std::size_t i) { stamps[i] = stamp_file(paths[i]); });
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string key = prefix + "/" + paths[i].substr(dir.size() + 1);
        // Anything else (a broken link, a pipe) is recorded without bytes: if
        // the loaders refuse it the build fails and writes no manifest, so the
        // next build tries again; if they ignore it, so may the next check.
        into[key] = stamps[i] ? InputFile{std::move(paths[i]), *stamps[i]} : InputFile{};
    }
}

void scan_program(InputFiles& into) {
    const std::string self = "/proc/self/exe";
    if (const std::optional<FileStamp> stamp = stamp_file(self))
        into["gongkai"] = InputFile{self, *stamp, program_build_id()};
}

std::optional<std::string> input_bytes(const InputFile& file) {
    if (file.bytes) return file.bytes;
    return file.path.empty() ? std::string() : read_whole_file(file.path);
}

std::optional<InputRecords> fingerprint_inputs(const InputFiles& files, const InputRecords& known, unsigned jobs) {
    return fingerprint_inputs(files, known, InputRecords{}, jobs);
}

std::optional<InputRecords> fingerprint_inputs(const InputFiles& files, const InputRecords& known,
                                               const InputRecords& known_before, unsigned jobs) {
    // Hashing a first build's content (135 MB at 9,000 department-years) is
    // done on `jobs` threads, each file into its own slot.
    std::vector<const std::pair<const std::string, InputFile>*> entries;
    entries.reserve(files.size());
    for (const auto& entry : files) entries.push_back(&entry);
    std::vector<std::optional<InputRecord>> hashed(entries.size());
    std::atomic<bool> unreadable{false};
    parallel_for(entries.size(), jobs, [&](std::size_t i) {
        const auto& [key, file] = *entries[i];
        const InputRecord* record = nullptr;
        if (const auto found = known.find(key); found != known.end()) record = &found->second;
        else if (const auto before = known_before.find(key); before != known_before.end()) record = &before->second;
        if (record && record->stamp == file.stamp) {
            hashed[i] = *record;
            return;
        }
        const std::optional<std::string> bytes = input_bytes(file);
        if (!bytes) {
            unreadable = true;
            return;
        }
        hashed[i] = InputRecord{file.stamp, hash128(*bytes)};
        // Changed since it was first looked at, perhaps after the build
        // loaded it: these may not be the bytes the build used. A record
        // that matches nothing makes the next build read it again.
        const std::optional<FileStamp> now = file.path.empty() ? file.stamp : stamp_file(file.path);
        if (now != file.stamp) hashed[i] = InputRecord{FileStamp{file.stamp.size, 0, 0, file.stamp.inode}, Hash128{}};
    });
    if (unreadable) return std::nullopt;
    InputRecords records;
    for (std::size_t i = 0; i < entries.size(); ++i) records.emplace_hint(records.end(), entries[i]->first, *hashed[i]);
    return records;
}

}  // namespace gk
