#include "render/render_site.h"

#include <time.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <vector>

#include "index/feed.h"
#include "index/indexing_sink.h"
#include "index/search_index.h"
#include "index/sitemap.h"
#include "parallel/cpu_time.h"
#include "parallel/parallel_for.h"

#include "render/labels.h"
#include "render/markdown.h"
#include "render/numbers.h"
#include "render/pages.h"
#include "render/render_data.h"
#include "render/templates.h"
#include "render/urls.h"

namespace gk {

namespace {

mu::data site_data(const Content& content, const Numbers& numbers) {
    mu::data site;
    set_moved(site, "title", content.site.title);
    set_moved(site, "region", content.site.region);
    set_moved(site, "description", content.site.description);
    set_moved(site, "lang", content.site.language);
    set_moved(site, "unit", numbers.unit());
    return site;
}

// Passes files on and remembers the pages, for the sitemap.
class PageRecorder : public OutputSink {
public:
    explicit PageRecorder(OutputSink& next) : next_(next) {}
    void add(const std::string& path, std::string bytes) override {
        record(path);
        next_.add(path, std::move(bytes));
    }
    void keep(const std::string& path, const PreviousFile& previous) override {
        record(path);
        next_.keep(path, previous);
    }
    const std::vector<std::string>& pages() const { return pages_; }

private:
    void record(const std::string& path) {
        if (!path.ends_with(".html")) return;
        std::lock_guard lock(mutex_);
        pages_.push_back(path);
    }

    OutputSink& next_;
    std::mutex mutex_;
    std::vector<std::string> pages_;
};

std::vector<FeedEntry> feed_entries(const RenderEnv& env, const std::vector<TermUse>& uses) {
    std::vector<FeedEntry> entries;
    const auto& disclosures = env.derived.disclosures;
    for (std::size_t i = 0; i < disclosures.size(); ++i) {
        if (!disclosures[i].dy) throw FiguresNotLoaded("feed.xml");
        const DepartmentYear& dy = *disclosures[i].dy;
        FeedEntry e;
        e.title = uses[i].page_title;
        e.path = uses[i].page_path;
        e.updated = dy.file->published.has() ? *dy.file->published : Date{dy.year, 1, 1};
        mu::data d;
        set_moved(d, "year", std::to_string(dy.year));
        set_moved(d, "total", env.numbers.amount(dy.values[index(Fig::expenditure_total)]));
        set_moved(d, "unit", env.numbers.unit());
        set_moved(d, "published", dy.values[index(Fig::expenditure_total)].has_value());
        e.summary_html = env.labels.sentence(dy.kind == BudgetKind::final_accounts ? "feed.summary_final" : "feed.summary", d);
        entries.push_back(std::move(e));
    }
    return entries;
}

void copy_assets(const Theme& theme, OutputSink& sink) {
    for (const auto& [path, file] : theme.assets) sink.add("assets/" + path, file.text);
}

// A disclosure, taken from the previous output when nothing it is made
// from changed (the sink, and so the search index, gets it all the same).
TermUse disclosure(const RenderEnv& env, const DisclosureRef& d, OutputSink& sink, OutputReuse* reuse) {
    const Department& dept = *d.department;
    TermUse use;
    std::optional<ReusedOutput> page = reuse ? reuse->reuse(disclosure_path(d), &dept) : std::nullopt;
    if (page) {
        use = TermUse{disclosure_path(d), std::move(page->facts.title), std::move(page->facts.terms),
                      department_name(dept), d.year, d.kind};
        sink.keep(use.page_path, page->file);
    } else {
        if (!d.dy) throw FiguresNotLoaded(disclosure_path(d));  // a file left unread: never made from nothing
        use = render_disclosure(env, *d.dy, sink);
    }
    if (reuse) reuse->wrote(use.page_path, &dept, DisclosureFacts{use.page_title, use.terms});
    return use;
}

// The reuse a build that holds the figures of a few departments only may
// count on (RenderOptions::figures_of): what it cannot take from the
// previous output and would have to make must show none of the others'
// figures. Listings (the glossary's term pages) show none at all.
class ReuseWithinFigures : public OutputReuse {
public:
    ReuseWithinFigures(OutputReuse& next, const std::set<std::string>& figures_of)
        : next_(next), figures_of_(figures_of) {}

    std::optional<ReusedOutput> reuse(const std::string& path, const Department* narratives_of) const override {
        std::optional<ReusedOutput> previous = next_.reuse(path, narratives_of);
        if (!previous && !(narratives_of && figures_of_.contains(narratives_of->id))) throw FiguresNotLoaded(path);
        return previous;
    }
    void wrote(const std::string& path, const Department* narratives_of, DisclosureFacts facts) override {
        next_.wrote(path, narratives_of, std::move(facts));
    }
    std::optional<ReusedOutput> reuse_listing(const std::string& path, const Hash128& listed) const override {
        return next_.reuse_listing(path, listed);
    }
    void wrote_listing(const std::string& path, const Hash128& listed) override {
        next_.wrote_listing(path, listed);
    }

private:
    OutputReuse& next_;
    const std::set<std::string>& figures_of_;
};

}  // namespace

std::size_t render_site(const Content& content, const Derived& derived, const Theme& theme, OutputSink& out,
                 Diagnostics& diagnostics, const RenderOptions& options) {
    const TemplateSet templates(theme, diagnostics);
    const Labels labels(theme, templates);
    const Numbers numbers(content.site, labels);
    const GlossaryMatcher glossary(content.glossary);
    mu::data globals;
    set_moved(globals, "label", labels.data());
    set_moved(globals, "site", site_data(content, numbers));
    const RenderEnv env{content, derived, theme, templates, labels, numbers, glossary, globals};
    std::optional<ReuseWithinFigures> within_figures;
    if (options.figures_of && !options.reuse) throw FiguresNotLoaded("every output");  // nothing to take them from
    if (options.figures_of) within_figures.emplace(*options.reuse, *options.figures_of);
    OutputReuse* const reuse = within_figures ? &*within_figures : options.reuse;
    // Pages pass through the search indexer on their way out.
    SearchIndexOptions search_options;
    search_options.title_suffix = " - " + content.site.title;  // as base.mustache writes <title>
    search_options.pages = search_page_info(env);
    search_options.cache_file = options.search_cache_file;
    search_options.cache_key = options.search_cache_key + '\n' + search_options.title_suffix;
    search_options.previous_index = options.previous_search_index;
    search_options.pack_docs = static_cast<std::size_t>(content.site.search_pack_pages);
    // As the build's --jobs allow, not as many threads as happened to add
    // pages: after a narrative edit one thread added the one page rendered
    // anew, and the in-place update of the index ran its three streams one
    // after another (0.1 s of a 1.3 s rebuild at 9,000 department-years).
    search_options.finish_threads = options.jobs > 1 ? 2 : 1;
    search_options.timings = options.timings;
    SearchIndexer indexer(std::move(search_options));
    IndexingSink indexing(out, indexer);
    PageRecorder sink(indexing);

    // Every page but the glossary's is independent of the others: one task
    // each, the biggest first so that no long task is left for the end. The
    // kind of each task is kept for GONGKAI_TIMINGS (time spent per kind).
    enum Kind { kData, kDisclosure, kDepartment, kYear, kOther, kKinds };
    static constexpr const char* kKindNames[kKinds] = {"open data", "disclosures", "department pages", "year pages",
                                                       "other pages"};
    std::vector<TermUse> uses(derived.disclosures.size());
    std::vector<std::pair<Kind, std::function<void()>>> tasks;
    tasks.reserve(derived.disclosures.size() + content.departments.size() + derived.regions.size() + 8);
    tasks.emplace_back(kData, [&] { render_data(content, derived, sink, reuse); });
    for (std::size_t i = 0; i < derived.disclosures.size(); ++i)
        tasks.emplace_back(kDisclosure, [&, i] { uses[i] = disclosure(env, derived.disclosures[i], sink, reuse); });
    // Pages that show no narrative: taken from the previous output after a
    // narrative edit (the glossary's term pages list where terms are used,
    // in narratives too: render_glossary takes them when that list is the
    // same).
    const auto page_task = [&](Kind kind, std::string path, auto render) {
        tasks.emplace_back(kind,
                           [&, path = std::move(path), render] { reuse_or_make(reuse, path, sink, render); });
    };
    for (const Department& dept : content.departments)
        page_task(kDepartment, department_path(dept.id), [&] { render_department(env, dept, sink); });
    for (const RegionYear& region : derived.regions)
        page_task(kYear, year_path(region.year, region.kind), [&] { render_year(env, region, sink); });
    page_task(kOther, overview_path(), [&] { render_overview(env, sink); });
    page_task(kOther, data_index_path(), [&] { render_data_index(env, sink); });
    page_task(kOther, "404.html", [&] { render_not_found(env, sink); });
    page_task(kOther, search_path(), [&] { render_search(env, sink); });
    tasks.emplace_back(kOther, [&] { copy_assets(theme, sink); });
    const std::size_t total = tasks.size() + 1;  // + the glossary
    const bool timings = options.timings;
    std::atomic<std::uint64_t> nanoseconds[kKinds] = {};
    std::atomic<std::size_t> done{0};
    // Each thread indexes its pages a batch at a time (IndexingSink::Batch):
    // a batch's reading counts in the CPU time of the task that filled it,
    // the last one's in none (GONGKAI_TIMINGS times the reading apart).
    const auto in_batches = [&](const std::function<void()>& run) {
        IndexingSink::Batch batch(indexing);
        run();
        batch.finish();
    };
    parallel_for(
        tasks.size(), options.jobs,
        [&](std::size_t i) {
            const std::uint64_t start = timings ? thread_cpu_ns() : 0;
            tasks[i].second();
            if (timings) nanoseconds[tasks[i].first] += thread_cpu_ns() - start;
            const std::size_t now = done.fetch_add(1, std::memory_order_relaxed) + 1;
            if (options.progress) options.progress("rendering", now, total);
        },
        in_batches);
    if (timings) {
        for (int k = 0; k < kKinds; ++k)
            std::fprintf(stderr, "gongkai: render: %s %.3f s CPU\n", kKindNames[k],
                         static_cast<double>(nanoseconds[k].load()) / 1e9);
    }
    const auto after_pages = std::chrono::steady_clock::now();
    render_glossary(env, uses, sink, options.jobs, reuse);
    if (options.progress) options.progress("rendering", total, total);

    FeedInfo feed{content.site.title, labels.get("feed.subtitle"), content.site.region, content.site.base_url,
                  content.site.region};
    // The feed shows no narrative: its entries' titles, dates and totals
    // come from the figures and the labels.
    reuse_or_make(reuse, "feed.xml", sink, [&] { sink.add("feed.xml", feed_xml(feed, feed_entries(env, uses))); });
    sink.add("sitemap.xml", sitemap_xml(sink.pages(), content.site.base_url));
    if (timings) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - after_pages).count();
        std::fprintf(stderr, "gongkai: render: glossary pages, feed and sitemap %.3f s wall\n", seconds);
    }
    // What follows reads nothing of the model: sink.pages() and the index
    // hold their own copies.
    const std::size_t pages = sink.pages().size();
    if (options.pages_rendered) options.pages_rendered();
    if (options.progress) options.progress("indexing", 0, 0);
    const auto index_start = std::chrono::steady_clock::now();
    indexer.finish(out);
    if (timings) {
        const double finish = std::chrono::duration<double>(std::chrono::steady_clock::now() - index_start).count();
        std::fprintf(stderr,
                     "gongkai: search index: %zu pages (%zu from its cache), %.3f s reading pages, %.3f s writing "
                     "shards\n",
                     indexer.pages(), indexer.pages_from_cache(), indexer.seconds_adding(), finish);
        if (indexer.updated_in_place())
            std::fprintf(stderr, "gongkai: search index: finish %.3f s CPU, the previous index updated in place for %zu "
                         "changed pages\n", indexer.seconds_finishing(), indexer.pages_changed());
        else
            std::fprintf(stderr, "gongkai: search index: finish %.3f s CPU, every page's entries walked\n",
                         indexer.seconds_finishing());
        std::string parts;
        for (std::size_t i = 0; i < SearchIndexer::kFinishParts; ++i) {
            char part[96];
            std::snprintf(part, sizeof part, "%s%s %.3f s", i ? ", " : "", SearchIndexer::kFinishPartNames[i],
                          indexer.finish_part_seconds()[i]);
            parts += part;
        }
        std::fprintf(stderr, "gongkai: search index: finish parts (wall): tokens ranked %.3f s, then %s\n",
                     indexer.rank_seconds(), parts.c_str());
    }

    templates.report_misses(diagnostics);
    labels.report_missing(diagnostics);
    return pages;
}

}  // namespace gk
