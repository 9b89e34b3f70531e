#include "pipeline.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "cli/progress.h"
#include "compute/compute.h"
#include "diag/diagnostics.h"
#include "incremental/build_id.h"
#include "incremental/incremental_build.h"
#include "incremental/manifest.h"
#include "index/search_index.h"
#include "load/load_content.h"
#include "load/load_theme.h"
#include "parallel/cpu_time.h"
#include "parallel/parallel_for.h"
#include "render/render_site.h"
#include "validate/validate.h"
#include "write/site_writer.h"

namespace gk {

namespace {

// The model and its derived figures, when the content is good enough to
// build from (no errors, or warnings only).
struct Checked {
    Content content;
    std::optional<Derived> derived;
};

// The figures, once no stage reads them any more: the budget files and the
// derived figures are most of the model (about 270 MB at 9,000
// department-years), and the end of the search index, which comes after
// the pages, was the build's peak of memory while they lived (541 against
// 445 MB let go there, at 9,000). Freeing them costs a rebuild after an
// edit nothing measurable. What stays: the departments
// themselves (ids and names), the site, the glossary, and every source
// file (diagnostics quote them).
void let_go_of_figures(Checked& checked) {
    checked.derived.reset();
    for (Department& dept : checked.content.departments) std::vector<BudgetFile>().swap(dept.files);
}

// With `figures_of` (a narrative edit), only those departments' figures
// are loaded, the others' budget files are left unread, and nothing is
// checked: every file the checks read has the bytes the previous build
// checked, narratives report nothing, and its report stands.
Checked load_and_check(const BuildOptions& options, Diagnostics& diagnostics, BudgetCache* cache = nullptr,
                       const UnchangedFiles* unchanged = nullptr, const std::set<std::string>* figures_of = nullptr) {
    const unsigned jobs = effective_jobs(options.jobs);
    Checked checked{load_content(options.content_dir, diagnostics, jobs, cache, unchanged, figures_of), std::nullopt};
    if (!figures_of) validate_content(checked.content, diagnostics, jobs);
    // Derived figures of content with errors would only repeat those errors.
    if (!diagnostics.has_errors()) {
        checked.derived = compute(checked.content, jobs);
        if (!figures_of) check_derived(*checked.derived, diagnostics);
    }
    // Under --strict every warning is reported as the error it then is,
    // whether or not there are other errors.
    if (options.strict) diagnostics.promote_warnings();
    return checked;
}

int report(const Diagnostics& diagnostics, std::ostream& err) {
    err << format_report(diagnostics);
    return diagnostics.has_errors() ? kExitContentErrors : kExitOk;
}

// Prints every problem and says that nothing was written.
int report_failure(const Diagnostics& diagnostics, std::ostream& err) {
    err << format_report(diagnostics);
    err << "gongkai: error: the site was not built; the previous output is unchanged\n";
    return kExitContentErrors;
}

}  // namespace

int run_check(const BuildOptions& options, std::ostream& err) {
    Diagnostics diagnostics;
    try {
        load_and_check(options, diagnostics);
    } catch (const AmountOverflow&) {
        err << format_report(diagnostics);
        err << "gongkai: error: the amounts add up to more than gongkai can hold exactly\n";
        return kExitContentErrors;
    }
    return report(diagnostics, err);
}

namespace {

// The process's resident memory now (/proc/self/statm), for GONGKAI_TIMINGS:
// on this kind of machine, memory touched for the first time is a cost of
// its own (bench/README.md).
double resident_mb() {
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm) return 0;
    unsigned long size = 0, resident = 0;
    const int read = std::fscanf(statm, "%lu %lu", &size, &resident);
    std::fclose(statm);
    return read == 2 ? static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / 1e6 : 0;
}

// One attempt at a build. With `narrative_edit_allowed`, a build after a
// narrative edit loads the figures of the edited departments only
// (incremental/narrative_edit.h); nullopt when that build met an output it
// had to make that shows other figures (an output changed by hand): nothing
// was committed, and the caller builds again with every figure.
std::optional<int> build_once(const BuildOptions& options, std::ostream& out, std::ostream& err,
                              bool narrative_edit_allowed) {
    const auto start = std::chrono::steady_clock::now();
    // On the heap, with the model below: see BuildOptions::leave_memory_to_exit.
    auto incremental_owner = std::make_unique<IncrementalBuild>(options);
    IncrementalBuild& incremental = *incremental_owner;
    // GONGKAI_TIMINGS: the wall time of each stage, for benchmarks.
    const bool timings = std::getenv("GONGKAI_TIMINGS") != nullptr;
    // With each stage's CPU time (all threads): their ratio says how well
    // the stage kept both cores busy.
    const auto process_cpu = [] { return static_cast<double>(cpu_ns(CLOCK_PROCESS_CPUTIME_ID)) / 1e9; };
    auto lap = start;
    double cpu_lap = 0;  // the first stage counts from the start of the process
    const auto stage_done = [&](const char* stage) {
        if (!timings) return;
        const auto now = std::chrono::steady_clock::now();
        const double cpu = process_cpu();
        std::fprintf(stderr, "gongkai: stage: %s %.3f s wall, %.3f s CPU, %.0f MB resident\n", stage,
                     std::chrono::duration<double>(now - lap).count(), cpu - cpu_lap, resident_mb());
        lap = now;
        cpu_lap = cpu;
    };
    if (incremental.up_to_date()) {
        err << incremental.previous_report();
        if (!options.quiet) out << "gongkai: " << options.out_dir << " is up to date: no input changed\n";
        return kExitOk;
    }
    // After a narrative edit only the edited departments' disclosures show
    // figures that must be rendered: the others' are not even decoded.
    const std::optional<std::set<std::string>> narrative_edit =
        narrative_edit_allowed ? incremental.narrative_edit() : std::nullopt;
    const std::set<std::string>* const figures_of = narrative_edit ? &*narrative_edit : nullptr;
    stage_done("previous manifest, inputs scanned");
    if (timings && figures_of)
        std::fprintf(stderr, "gongkai: narrative edit: the figures of %zu of the departments loaded\n",
                     figures_of->size());
    // Made before loading, so that it can look at the spare site meanwhile.
    SiteWriter writer(options.out_dir, options.content_dir, incremental.previous_outputs());
    writer.look_at_spare_early();
    Progress progress(options.progress ? stderr : nullptr);
    progress.update("checking");
    Diagnostics diagnostics;
    // Every message below starts on a clean line: the progress line goes first.
    const auto fail = [&] {
        progress.finish();
        return report_failure(diagnostics, err);
    };
    // Budget files as an earlier build loaded them, beside the output like
    // the search cache; saved once the output folder is known to be usable.
    BudgetCache load_cache(beside_output(options.out_dir, "load-cache").string(), program_identity());
    auto checked_owner = std::make_unique<std::optional<Checked>>();
    std::optional<Checked>& checked = *checked_owner;
    // A narrative edit's load reports again what the previous build
    // reported (department.toml, site.toml, the glossary): its report is
    // printed instead. Should it find an error, the full build reports it.
    Diagnostics load_diagnostics;
    Diagnostics& loading = figures_of ? load_diagnostics : diagnostics;
    try {
        checked.emplace(load_and_check(options, loading, &load_cache, &incremental.unchanged_content(), figures_of));
    } catch (const AmountOverflow&) {
        progress.finish();
        if (figures_of) return std::nullopt;
        err << format_report(diagnostics);
        err << "gongkai: error: the amounts add up to more than gongkai can hold exactly\n";
        return kExitContentErrors;
    }
    if (figures_of && loading.has_errors()) {
        progress.finish();
        return std::nullopt;
    }
    if (diagnostics.has_errors()) return fail();
    stage_done("load, validate, compute");
    if (timings) {
        std::size_t budgets = 0, unread = 0;
        for (const Department& dept : checked->content.departments) {
            budgets += dept.files.size();
            unread += dept.unread.size();
        }
        std::fprintf(stderr, "gongkai: load: %zu budget files loaded, %zu left unread\n", budgets, unread);
        std::fprintf(stderr, "gongkai: load cache: %zu budget files taken from it, %zu parsed into it\n",
                     load_cache.found(), load_cache.added());
    }
    Content& content = checked->content;
    const Derived& derived = *checked->derived;
    if (options.base_url_set) content.site.base_url = options.base_url;

    const std::string theme_dir = find_theme_dir(options.theme_dir, options.content_dir, content.site.theme);
    if (theme_dir.empty()) {
        const std::string wanted = options.theme_dir.empty() ? "theme '" + content.site.theme + "'" : "theme folder '" + options.theme_dir + "'";
        diagnostics.error(content.site.theme_loc, wanted + " not found (looked in themes/ beside the content folder and beside gongkai)");
        return fail();
    }
    incremental.scan_theme(theme_dir, content.site.theme);
    const Theme theme = load_theme(theme_dir, content.root, content.site.language, *content.sources, diagnostics);
    if (diagnostics.has_errors()) return fail();

    // Outputs whose inputs did not change are taken from the previous
    // output instead of being made again (docs/incremental.md).
    incremental.hash_inputs();  // without it, nothing is reused and no manifest written
    ReusableOutputs reusable = incremental.reusable_outputs();
    if (auto refusal = writer.prepare()) {
        progress.finish();
        err << "gongkai: error: " << *refusal << '\n';
        return kExitUsageOrIo;
    }
    // Written while the pages are rendered, on a thread of its own: encoding
    // every budget of a full build (0.36 s at 9,000 department-years) was
    // time nothing else used. It only reads the loaded content, as rendering
    // does. A cache that cannot be written is only slower next time.
    // (A jthread: joined on every way out of this function.)
    // (Not after a narrative edit: it would keep only the budget files
    // loaded, and the cache already holds them all.)
    std::jthread saving_load_cache([&] {
        if (!figures_of) load_cache.save(content);
    });
    RenderOptions render_options;
    render_options.jobs = effective_jobs(options.jobs);
    render_options.timings = timings;
    render_options.reuse = &reusable;
    render_options.figures_of = figures_of;
    // The search index's cache lives beside the output, never in it (a deploy
    // would publish it); without knowing which program wrote it, none is used.
    render_options.search_cache_key = incremental.program_key();
    if (!render_options.search_cache_key.empty())
        render_options.search_cache_file = writer.beside("search-cache").string();
    render_options.previous_search_index = reusable.files_under(SearchIndexer::kFolder);
    render_options.progress = [&](const char* stage, std::size_t done, std::size_t total) {
        progress.update(stage, done, total);
    };
    render_options.pages_rendered = [&] {
        saving_load_cache.join();  // it reads the budget files
        let_go_of_figures(*checked);
        if (options.return_free_memory) options.return_free_memory();
    };
    stage_done(writer.staging_was_spare() ? "theme, staging folder (the spare)" : "theme, staging folder");
    std::size_t pages = 0;
    try {
        pages = render_site(content, derived, theme, writer, diagnostics, render_options);
    } catch (const FiguresNotLoaded& e) {
        progress.finish();
        if (timings) std::fprintf(stderr, "gongkai: narrative edit: %s; building with every figure\n", e.what());
        return std::nullopt;
    } catch (const std::runtime_error& e) {
        // An I/O failure that no sink could report on its own: a full disk
        // under the index's temporary file, a kept file gone meanwhile.
        progress.finish();
        err << "gongkai: error: " << e.what() << "; the previous output is unchanged\n";
        return kExitUsageOrIo;
    }
    if (saving_load_cache.joinable()) saving_load_cache.join();  // (render_site joined it, unless it failed first)
    stage_done("render, index, write");
    progress.update("writing");
    if (diagnostics.has_errors()) return fail();
    const std::string warnings = figures_of ? incremental.previous_report() : format_report(diagnostics);
    // Every file is added: what the site holds, worked out once.
    const OutputRecords outputs = writer.outputs();
    const std::set<std::string> folder_names = folders_of(outputs);
    writer.remove_leftovers(outputs, folder_names);  // before the folders are recorded
    if (const std::optional<std::string> manifest =
            incremental.manifest(outputs, writer.folders(folder_names), reusable.records(), warnings))
        writer.add_manifest(*manifest);
    stage_done("manifest");
    if (auto failure = writer.commit()) {
        progress.finish();
        err << "gongkai: error: " << *failure << "; the previous output is unchanged\n";
        return kExitUsageOrIo;
    }
    stage_done("commit");
    progress.finish();
    err << warnings;
    if (!options.quiet) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // The folder goes in apart: a long path must not cut the figures short.
        char written[100], made[120];
        std::snprintf(written, sizeof written, "gongkai: wrote %zu files (%.1f MB), kept %zu unchanged, to ",
                      writer.files_written(), static_cast<double>(writer.bytes_written()) / 1e6, writer.files_kept());
        std::snprintf(made, sizeof made, ": %zu pages (%zu files not made again) in %.2f s\n", pages,
                      reusable.reused(), seconds);
        out << written << options.out_dir << made;
    }
    if (options.leave_memory_to_exit) {
        (void)incremental_owner.release();
        (void)checked_owner.release();
    }
    return kExitOk;
}

}  // namespace

int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
    if (const std::optional<int> status = build_once(options, out, err, true)) return *status;
    return *build_once(options, out, err, false);
}

}  // namespace gk
