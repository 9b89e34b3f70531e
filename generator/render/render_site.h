// The render stage: model + derived figures + theme -> every page of the
// portal, its assets and its open data, handed to the sink as produced.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "compute/derived.h"
#include "diag/diagnostics.h"
#include "model/content.h"
#include "model/theme.h"
#include "render/output.h"
#include "render/output_reuse.h"

namespace gk {

struct RenderOptions {
    // Threads that render pages at once. The output is the same for any
    // number: every page is a pure function of the model, and everything
    // that gathers over pages (search index, sitemap, glossary uses) sorts
    // or indexes what it gathers.
    unsigned jobs = 1;
    // GONGKAI_TIMINGS: print the CPU time per kind of page and the wall time
    // of what runs after them (the pipeline reads the environment once).
    bool timings = false;
    // Told where rendering is, from whichever thread moved it on: the
    // stage ("rendering": pages or groups of files done of the total, then
    // "indexing" without a count). May be empty.
    std::function<void(const char* stage, std::size_t done, std::size_t total)> progress;
    // Where pages that show one department may come from instead of being
    // rendered, and is told of every such page (null: render them all).
    OutputReuse* reuse = nullptr;
    // The departments whose figures the model holds, when it holds only
    // theirs (a narrative edit, pipeline.cpp): every other output that shows
    // figures must then come from `reuse`, and render_site throws
    // FiguresNotLoaded when one does not. Null: the model holds them all.
    const std::set<std::string>* figures_of = nullptr;
    // Where the search index keeps what it took from each page between
    // builds (index/search_cache.h; empty: nowhere), and what identifies the
    // program that wrote it.
    std::string search_cache_file;
    std::string search_cache_key;
    // The previous output's search index files (SearchIndexOptions::previous_index).
    std::map<std::string, PreviousOutput> previous_search_index;
    // Called once every page is rendered, before the search index is
    // finished: from then on render_site reads nothing of the content and
    // derived figures, and the caller may let them go (the end of the
    // index is the build's peak of memory). May be empty.
    std::function<void()> pages_rendered;
};

// Returns the number of HTML pages written. Reports template and label problems (a template asking for a value no
// page provides, a missing label) as errors: the build must then fail.
std::size_t render_site(const Content& content, const Derived& derived, const Theme& theme, OutputSink& sink,
                 Diagnostics& diagnostics, const RenderOptions& options = {});

}  // namespace gk
