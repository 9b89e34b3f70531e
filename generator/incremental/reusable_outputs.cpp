#include "incremental/reusable_outputs.h"

#include "incremental/up_to_date.h"

namespace gk {

ReusableOutputs::ReusableOutputs(std::string out_dir, const Manifest* previous, OutputFingerprints fingerprints)
    : out_dir_(std::move(out_dir)), previous_(previous), fingerprints_(std::move(fingerprints)) {
    while (out_dir_.size() > 1 && out_dir_.ends_with('/')) out_dir_.pop_back();
}

Hash128 ReusableOutputs::fingerprint(const Department* narratives_of) const {
    return narratives_of ? fingerprints_.department(narratives_of->id) : fingerprints_.shared();
}

Hash128 ReusableOutputs::listing_fingerprint(const Hash128& listed) const {
    return hash128(to_hex(fingerprints_.shared()) + to_hex(listed));
}

std::optional<ReusedOutput> ReusableOutputs::reuse(const std::string& path, const Department* narratives_of) const {
    return reuse_by(path, fingerprint(narratives_of));
}

std::optional<ReusedOutput> ReusableOutputs::reuse_listing(const std::string& path, const Hash128& listed) const {
    return reuse_by(path, listing_fingerprint(listed));
}

std::optional<ReusedOutput> ReusableOutputs::reuse_by(const std::string& path, const Hash128& fingerprint) const {
    if (!previous_) return std::nullopt;
    const auto record = previous_->reusable.find(path);
    const auto output = previous_->outputs.find(path);
    if (record == previous_->reusable.end() || output == previous_->outputs.end() ||
        record->second.fingerprint != fingerprint)
        return std::nullopt;
    // The file must be the one that build wrote: untouched since, as its
    // stamp shows (the same test as for "nothing changed", up_to_date.h).
    // Its bytes are not read: the recorded hash stands for them.
    std::string file = out_dir_ + "/" + path;
    if (!output_file_as_recorded(file, output->second)) return std::nullopt;
    ++reused_;
    const OutputRecord& was = output->second;
    return ReusedOutput{PreviousFile{std::move(file), was.size, was.mtime_ns, was.inode, was.hash},
                        DisclosureFacts{record->second.title, record->second.terms}};
}

std::map<std::string, PreviousOutput> ReusableOutputs::files_under(std::string_view folder) const {
    std::map<std::string, PreviousOutput> files;
    if (!previous_) return files;
    for (auto it = previous_->outputs.lower_bound(std::string(folder));
         it != previous_->outputs.end() && it->first.starts_with(folder); ++it) {
        const OutputRecord& r = it->second;
        files.try_emplace(it->first, PreviousOutput{it->first, PreviousFile{out_dir_ + "/" + it->first, r.size, r.mtime_ns,
                                                                         r.inode, r.hash}});
    }
    return files;
}

void ReusableOutputs::wrote(const std::string& path, const Department* narratives_of, DisclosureFacts facts) {
    record(path, ReusableRecord{fingerprint(narratives_of), std::move(facts.title), std::move(facts.terms)});
}

void ReusableOutputs::wrote_listing(const std::string& path, const Hash128& listed) {
    record(path, ReusableRecord{listing_fingerprint(listed), {}, {}});
}

void ReusableOutputs::record(const std::string& path, ReusableRecord record) {
    std::lock_guard lock(mutex_);
    written_[path] = std::move(record);
}

ReusableRecords ReusableOutputs::records() const {
    std::lock_guard lock(mutex_);
    return written_;
}

}  // namespace gk
