// The whole build as one short list of steps:
// load → validate → compute → (check derived) → render → index → write.
#pragma once

#include <ostream>
#include <string>

namespace gk {

struct BuildOptions {
    std::string content_dir = "content";
    std::string out_dir = "site";
    std::string theme_dir;         // "" : themes/<site.theme> beside the content folder
    std::string base_url;          // overrides site.toml when set
    bool base_url_set = false;
    unsigned jobs = 0;             // 0: the number of cores
    bool quiet = false;
    bool progress = false;         // a progress line on stderr (the CLI sets it on a terminal)
    bool strict = false;           // warnings are errors
    // The process ends with the build (the CLI): the model (but its
    // figures, let go before the search index's end) and the manifests are
    // left for its exit to free, not taken apart object by object (40-60 ms
    // of a one-second rebuild at 9,000 department-years).
    // Never for a build in a process that goes on (serve).
    bool leave_memory_to_exit = false;
    // Called once the figures are let go, before the search index's end
    // (pipeline.cpp, let_go_of_figures), when given: hands what was freed
    // back to the system. An allocator that keeps freed memory for itself
    // (mimalloc) does not lend it to the end's large new arrays, which then
    // come on top of it.
    void (*return_free_memory)() = nullptr;
};

// Exit statuses (spec §9).
inline constexpr int kExitOk = 0;
inline constexpr int kExitContentErrors = 1;
inline constexpr int kExitUsageOrIo = 2;

// `gongkai check`: load, validate and compute; print every problem.
int run_check(const BuildOptions& options, std::ostream& err);

// `gongkai build`: check, then render and write the site.
int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);

}  // namespace gk
