#include "incremental/output_fingerprints.h"

namespace gk {

namespace {

constexpr std::string_view kDepartments = "content/departments/";

// "2020.md" or "2020-final.md", as the loader names narratives.
bool is_narrative_name(std::string_view name) {
    if (name.size() < 7) return false;
    for (std::size_t i = 0; i < 4; ++i) {
        if (name[i] < '0' || name[i] > '9') return false;
    }
    const std::string_view rest = name.substr(4);
    return rest == ".md" || rest == "-final.md";
}

void append_record(std::string& out, const std::string& key, const Hash128& hash) {
    out += key;
    out += '\0';
    out += to_hex(hash);
    out += '\n';
}

}  // namespace

std::optional<std::string_view> narrative_department(std::string_view key) {
    if (!key.starts_with(kDepartments)) return std::nullopt;
    const std::string_view rest = key.substr(kDepartments.size());
    const std::size_t slash = rest.find('/');
    if (slash == 0 || slash == std::string_view::npos) return std::nullopt;
    if (!is_narrative_name(rest.substr(slash + 1))) return std::nullopt;  // also refuses deeper paths
    return rest.substr(0, slash);
}

OutputFingerprints::OutputFingerprints(const InputRecords& inputs, const Hash128& options) {
    std::string shared = to_hex(options) + '\n';
    for (const auto& [key, record] : inputs) {
        if (const std::optional<std::string_view> department = narrative_department(key))
            append_record(narratives_[std::string(*department)], key, record.hash);
        else
            append_record(shared, key, record.hash);
    }
    shared_ = hash128(shared);
}

Hash128 OutputFingerprints::department(const std::string& id) const {
    // Never equal to shared(): a page with narratives is not one without.
    const auto found = narratives_.find(id);
    return hash128("department\n" + to_hex(shared_) + '\n' + (found == narratives_.end() ? "" : found->second));
}

}  // namespace gk
