#include "incremental/narrative_edit.h"

#include "incremental/output_fingerprints.h"

namespace gk {

std::optional<std::set<std::string>> only_narratives_changed(const InputFiles& now, const InputRecords& recorded,
                                                              InputRecords& hashed) {
    if (now.size() != recorded.size()) return std::nullopt;
    std::set<std::string> departments;
    for (const auto& [key, file] : now) {
        const auto found = recorded.find(key);
        if (found == recorded.end()) return std::nullopt;
        if (found->second.stamp == file.stamp) continue;
        const std::optional<std::string_view> department = narrative_department(key);
        // A changed stamp on a narrative of a department already counted
        // needs no reading now: hash_inputs() reads it anyway.
        if (department && departments.contains(std::string(*department))) continue;
        const std::optional<std::string> bytes = input_bytes(file);
        if (!bytes) return std::nullopt;
        const Hash128 hash = hash128(*bytes);
        hashed[key] = InputRecord{file.stamp, hash};
        if (hash == found->second.hash) continue;
        if (!department) return std::nullopt;
        departments.emplace(*department);
    }
    if (departments.empty()) return std::nullopt;
    return departments;
}

}  // namespace gk
