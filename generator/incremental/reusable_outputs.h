// The outputs of the previous build that this one may take as they are:
// those whose fingerprint (incremental/output_fingerprints.h) is the one
// the previous manifest recorded and whose file is as that build left it.
// A narrative edit then renders one department's disclosures again, not
// all pages.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "incremental/manifest.h"
#include "incremental/output_fingerprints.h"
#include "render/output_reuse.h"

namespace gk {

class ReusableOutputs : public OutputReuse {
public:
    // `previous`: the previous output's manifest (none: nothing is reused).
    ReusableOutputs(std::string out_dir, const Manifest* previous, OutputFingerprints fingerprints);

    std::optional<ReusedOutput> reuse(const std::string& path, const Department* narratives_of) const override;
    void wrote(const std::string& path, const Department* narratives_of, DisclosureFacts facts) override;
    std::optional<ReusedOutput> reuse_listing(const std::string& path, const Hash128& listed) const override;
    void wrote_listing(const std::string& path, const Hash128& listed) override;

    // The previous output's files under `folder` (a prefix of their paths)
    // by path, when any output may be reused at all: files a later stage
    // may copy from or update (the search index's packs and shards).
    std::map<std::string, PreviousOutput> files_under(std::string_view folder) const;

    // The reusable outputs of this build, for its manifest.
    ReusableRecords records() const;
    // How many outputs were taken from the previous output.
    std::size_t reused() const { return reused_; }

private:
    Hash128 fingerprint(const Department* narratives_of) const;
    // The shared fingerprint and what a listing lists, as one.
    Hash128 listing_fingerprint(const Hash128& listed) const;
    std::optional<ReusedOutput> reuse_by(const std::string& path, const Hash128& fingerprint) const;
    void record(const std::string& path, ReusableRecord record);

    std::string out_dir_;
    const Manifest* previous_;
    OutputFingerprints fingerprints_;
    mutable std::atomic<std::size_t> reused_{0};
    mutable std::mutex mutex_;
    ReusableRecords written_;
};

}  // namespace gk
