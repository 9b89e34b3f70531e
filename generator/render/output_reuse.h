// Outputs a build may take from the previous output instead of making them
// again: those whose inputs did not change. Whether one may be taken is the
// incremental stage's decision (incremental/reusable_outputs.h); render only
// asks, naming what the output shows, and says which such outputs it wrote,
// so that the next build can ask again.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "incremental/hash.h"
#include "model/department.h"
#include "render/output.h"

namespace gk {

// What the rest of the build needs of a disclosure besides its bytes: its
// title and the glossary terms it uses (for the term pages and the feed).
// Empty for other outputs.
struct DisclosureFacts {
    std::string title;
    std::vector<std::size_t> terms;
};

struct ReusedOutput {
    PreviousFile file;  // handed to the sink's keep(): its bytes are not read here
    DisclosureFacts facts;
};

// An output must be made from figures the model does not hold (budget
// files a narrative edit left unread, RenderOptions::figures_of): the build must start
// again with all of them. Nothing was committed.
class FiguresNotLoaded : public std::runtime_error {
public:
    explicit FiguresNotLoaded(const std::string& path)
        : std::runtime_error("'" + path + "' must be made again, and it shows figures that were not loaded") {}
};

class OutputReuse {
public:
    virtual ~OutputReuse() = default;
    // The output at `path` as the previous build wrote it, when nothing it
    // is made from changed; nullopt: make it. `narratives_of`: the one
    // department whose narratives it shows (a disclosure), or null for an
    // output that shows none. Never ask for outputs that show several
    // departments' narratives (the glossary's term pages). Thread-safe.
    virtual std::optional<ReusedOutput> reuse(const std::string& path, const Department* narratives_of) const = 0;
    // Every such output this build writes, made or reused. Thread-safe.
    virtual void wrote(const std::string& path, const Department* narratives_of, DisclosureFacts facts) = 0;

    // An output that shows no narrative but lists pages that do (a glossary
    // term's page lists the disclosures that use the term): taken when no
    // input but the narratives changed and `listed`, a hash of what it
    // lists, is what the previous build's was. Thread-safe.
    virtual std::optional<ReusedOutput> reuse_listing(const std::string& path, const Hash128& listed) const = 0;
    // Every such output this build writes, made or reused. Thread-safe.
    virtual void wrote_listing(const std::string& path, const Hash128& listed) = 0;
};

// The output at `path`, which shows no narrative: the previous build's when
// `reuse` (may be null) offers it, kept by `sink`; else `make()` makes it
// and hands it to `sink` itself. `reuse` is told either way.
template <typename Make>
void reuse_or_make(OutputReuse* reuse, const std::string& path, OutputSink& sink, Make make) {
    if (std::optional<ReusedOutput> previous = reuse ? reuse->reuse(path, nullptr) : std::nullopt)
        sink.keep(path, previous->file);
    else
        make();
    if (reuse) reuse->wrote(path, nullptr, {});
}

}  // namespace gk
