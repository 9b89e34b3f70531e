// A build hands freed memory back to the system once, when the figures are
// let go before the search index's end (BuildOptions::return_free_memory:
// the command passes mimalloc's collection), and not when it stops first.
#include <catch2/catch.hpp>

#include <sstream>

#include "pipeline.h"
#include "unit/support/content_tree.h"

using namespace gk;

namespace {

int calls = 0;
void count_call() { ++calls; }

int build(const test::ContentTree& tree) {
    BuildOptions options;
    options.content_dir = tree.root();
    options.out_dir = tree.root() + "/../site";
    options.theme_dir = GONGKAI_SOURCE_DIR "/themes/default";
    options.quiet = true;
    options.return_free_memory = &count_call;
    std::ostringstream out, err;
    return run_build(options, out, err);
}

}  // namespace

TEST_CASE("a build returns freed memory once, after the pages, and not when the content has errors", "[cli][memory]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("departments/union/2020.toml", "year = 2020\n[expenditure]\npersonnel = 1\n");
    calls = 0;
    REQUIRE(build(tree) == kExitOk);
    CHECK(calls == 1);

    tree.file("departments/union/2021.toml", "year = 2021\n[expenditure]\npersonnel = -1\n");
    calls = 0;
    CHECK(build(tree) == kExitContentErrors);
    CHECK(calls == 0);
}
