#include "incremental/previous_pages.h"

#include "incremental/file_stamp.h"
#include "incremental/up_to_date.h"

namespace gk {

PreviousPages::PreviousPages(std::string out_dir, const Manifest* previous, PageFingerprints fingerprints)
    : out_dir_(std::move(out_dir)), previous_(previous), fingerprints_(std::move(fingerprints)) {
    while (out_dir_.size() > 1 && out_dir_.ends_with('/')) out_dir_.pop_back();
}

std::optional<ReusedPage> PreviousPages::reuse(const Department& dept, const std::string& path) const {
    if (!previous_) return std::nullopt;
    const auto page = previous_->pages.find(path);
    const auto output = previous_->outputs.find(path);
    if (page == previous_->pages.end() || output == previous_->outputs.end() ||
        page->second.fingerprint != fingerprints_.department(dept.id))
        return std::nullopt;
    // The file must be the one that build wrote: untouched since (stamp),
    // and, since it is read anyway, with the recorded bytes (hash).
    const std::string file = out_dir_ + "/" + path;
    if (!output_file_as_recorded(file, output->second)) return std::nullopt;
    std::optional<std::string> html = read_whole_file(file);
    if (!html || hash128(*html) != output->second.hash) return std::nullopt;
    ++reused_;
    return ReusedPage{std::move(*html), DepartmentPageFacts{page->second.title, page->second.terms}};
}

void PreviousPages::wrote(const Department& dept, const std::string& path, DepartmentPageFacts facts) {
    PageRecord record{fingerprints_.department(dept.id), std::move(facts.title), std::move(facts.terms)};
    std::lock_guard lock(mutex_);
    written_[path] = std::move(record);
}

PageRecords PreviousPages::records() const {
    std::lock_guard lock(mutex_);
    return written_;
}

}  // namespace gk
