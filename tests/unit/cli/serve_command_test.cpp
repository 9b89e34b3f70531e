#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "cli/commands.h"
#include "unit/support/content_tree.h"

TEST_CASE("gongkai serve refuses a port that is not a number from 0 to 65535", "[cli][serve]") {
    for (const std::string port : {"http", "65536", "-1", "80x"}) {
        std::ostringstream out, err;
        CHECK(gk::run_serve(gk::BuildOptions{}, port, out, err) == 2);
        CHECK(err.str() == "gongkai: error: --port needs a number from 0 to 65535, got '" + port + "'\n");
    }
}

TEST_CASE("gongkai serve prints its address and stops when told", "[cli][serve]") {
    gk::test::ContentTree tree;
    gk::test::add_minimal_site(tree);
    gk::BuildOptions options;
    options.content_dir = tree.root();
    options.theme_dir = GONGKAI_SOURCE_DIR "/themes/default";
    std::ostringstream out, err;
    const std::atomic<bool> stop{true};
    CHECK(gk::run_serve(options, "0", out, err, &stop) == 0);
    CHECK(err.str() == "");
    const std::regex expected("gongkai: site built\ngongkai: serving " + tree.root() +
                              " at http://127\\.0\\.0\\.1:[0-9]+/ \\(Ctrl-C to stop\\)\ngongkai: stopped\n");
    CHECK(std::regex_match(out.str(), expected));
}
