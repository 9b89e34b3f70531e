// render_site tells its caller when every page is rendered and before the
// search index is finished: the pipeline lets go of the figures then
// (pipeline.cpp, let_go_of_figures), so nothing may be read from them
// afterwards.
#include <catch2/catch.hpp>

#include "compute/compute.h"
#include "diag/diagnostics.h"
#include "load/load_content.h"
#include "load/load_theme.h"
#include "render/output.h"
#include "render/render_site.h"
#include "unit/support/content_tree.h"
#include "validate/validate.h"

using namespace gk;

TEST_CASE("render_site calls pages_rendered once, after the pages and before the search index", "[render][memory]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n[expenditure]\npersonnel = 1\n");
    tree.file("departments/union/2020.md", "## 说明\n\n本年度预算。\n");
    Diagnostics diagnostics;
    Content content = load_content(tree.root(), diagnostics);
    validate_content(content, diagnostics);
    std::optional<Derived> derived = compute(content);
    const Theme theme = load_theme(GONGKAI_SOURCE_DIR "/themes/default", content.root, content.site.language,
                                   *content.sources, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());

    MemorySink sink;
    RenderOptions options;
    options.jobs = 2;
    int calls = 0;
    bool page_there = false, feed_there = false, index_there = false;
    options.pages_rendered = [&] {
        ++calls;
        page_there = sink.files().contains("departments/union/2020/index.html");
        feed_there = sink.files().contains("feed.xml");
        index_there = sink.files().contains("search/manifest.json");
        derived.reset();  // as the pipeline does: the figures are gone from here on
    };
    const std::size_t pages = render_site(content, *derived, theme, sink, diagnostics, options);
    CHECK(calls == 1);
    CHECK(page_there);
    CHECK(feed_there);
    CHECK_FALSE(index_there);
    CHECK(sink.files().contains("search/manifest.json"));
    CHECK(pages > 0);
    CHECK_FALSE(diagnostics.has_errors());
}
