// The pages that show one department, offered from the previous output
// when their fingerprint (incremental/page_fingerprints.h) is the one the
// previous manifest recorded and the file is as that build left it. A
// narrative edit then renders one department's pages again, not all.
#pragma once

#include <atomic>
#include <mutex>
#include <string>

#include "incremental/manifest.h"
#include "incremental/page_fingerprints.h"
#include "render/page_reuse.h"

namespace gk {

class PreviousPages : public PageReuse {
public:
    // `previous`: the previous output's manifest (none: nothing is reused).
    PreviousPages(std::string out_dir, const Manifest* previous, PageFingerprints fingerprints);

    std::optional<ReusedPage> reuse(const Department& dept, const std::string& path) const override;
    void wrote(const Department& dept, const std::string& path, DepartmentPageFacts facts) override;

    // The pages of this build, for its manifest.
    PageRecords records() const;
    // How many pages were taken from the previous output.
    std::size_t reused() const { return reused_; }

private:
    std::string out_dir_;
    const Manifest* previous_;
    PageFingerprints fingerprints_;
    mutable std::atomic<std::size_t> reused_{0};
    mutable std::mutex mutex_;
    PageRecords written_;
};

}  // namespace gk
