#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "cli/progress.h"

namespace {

std::string read_all(std::FILE* f) {
    std::fflush(f);
    std::rewind(f);
    std::string text;
    char buf[256];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    return text;
}

}  // namespace

TEST_CASE("the progress line names the stage, done of total, the share and the rate", "[cli][progress]") {
    CHECK(gk::Progress::line("rendering", 1500, 6000, 2.0) == "gongkai: rendering 1500/6000 (25%), 750/s");
    CHECK(gk::Progress::line("indexing", 0, 0, 1.25) == "gongkai: indexing ... 1.2 s");
}

TEST_CASE("a build that ends within a second prints no progress at all", "[cli][progress]") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    {
        gk::Progress progress(f);
        progress.update("rendering", 3, 10);
        progress.finish();
    }
    CHECK(read_all(f).empty());
    std::fclose(f);
}

TEST_CASE("a longer build redraws one line in place and clears it at the end", "[cli][progress]") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    {
        gk::Progress progress(f);
        progress.update("rendering", 5, 10);
        std::this_thread::sleep_for(std::chrono::milliseconds(1600));
        progress.finish();
    }
    const std::string text = read_all(f);
    CHECK(text.starts_with("\rgongkai: rendering 5/10 (50%), "));
    CHECK(text.find('\n') == std::string::npos);
    CHECK(text.ends_with("\r\033[K"));
    std::fclose(f);
}
