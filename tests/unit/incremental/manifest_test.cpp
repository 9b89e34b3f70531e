#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "incremental/manifest.h"

using gk::Manifest;

namespace {

Manifest sample() {
    Manifest m;
    m.generator = "0.1.0";
    m.options = gk::Hash128{1, 2};
    m.theme_name = "default";
    m.report = "content/site.toml:1:1: warning: a line\n  with 100% of\tthings\n";
    m.inputs["content/site.toml"] = gk::InputRecord{gk::FileStamp{10, 1'700'000'000'123'456'789, 5, 42}, gk::Hash128{3, 4}};
    m.inputs["content/odd\tname%\n.md"] = gk::InputRecord{gk::FileStamp{0, -1, 0, 0}, gk::Hash128{}};
    m.outputs["index.html"] = gk::OutputRecord{19539, 7, 8, gk::Hash128{5, 6}};
    m.outputs[".gongkai-site"] = gk::OutputRecord{1, 2, 3, gk::Hash128{7, 8}};
    m.outputs["a/b/c.html"] = gk::OutputRecord{1, 2, 3, gk::Hash128{9, 10}};
    m.folders["a"] = gk::FolderRecord{11, 12};
    m.folders["a/b"] = gk::FolderRecord{13, 14};
    m.reusable["a/b/c.html"] = gk::ReusableRecord{gk::Hash128{15, 16}, "区财政局\t2021年%部门预算", {0, 7, 12}};
    m.reusable["a/index.html"] = gk::ReusableRecord{gk::Hash128{17, 18}, "", {}};
    return m;
}

}  // namespace

TEST_CASE("a manifest reads back as it was written, odd file names and the report included", "[incremental][manifest]") {
    const Manifest m = sample();
    const std::string text = gk::format_manifest(m);
    const auto back = gk::parse_manifest(text);
    REQUIRE(back);
    CHECK(*back == m);
    CHECK(gk::format_manifest(*back) == text);
}

TEST_CASE("a manifest whose lines are out of order reads back the same", "[incremental][manifest]") {
    // format_manifest writes each kind of line in key order, and reading
    // relies on it only for speed: a manifest put together by hand is read.
    const Manifest m = sample();
    const std::string text = gk::format_manifest(m);
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end - start + 1));
        start = end + 1;
    }
    std::reverse(lines.begin() + 5, lines.end());  // after the first line and the four fields
    std::string reversed;
    for (const std::string& line : lines) reversed += line;
    REQUIRE(reversed != text);
    const auto back = gk::parse_manifest(reversed);
    REQUIRE(back);
    CHECK(*back == m);
}

TEST_CASE("a manifest is one line per file", "[incremental][manifest]") {
    Manifest m;
    m.generator = "0.1.0";
    m.theme_name = "default";
    m.inputs["content/a b.md"] = gk::InputRecord{gk::FileStamp{1, 2, 3, 4}, gk::Hash128{0, 1}};
    m.outputs["a/index.html"] = gk::OutputRecord{5, 6, 7, gk::Hash128{0, 2}};
    m.folders["a"] = gk::FolderRecord{8, 9};
    CHECK(gk::format_manifest(m) ==
          "gongkai-manifest 1\n"
          "generator\t0.1.0\n"
          "options\t00000000000000000000000000000000\n"
          "theme\tdefault\n"
          "report\t\n"
          "input\t1\t2\t3\t4\t00000000000000000000000000000001\tcontent/a b.md\n"
          "output\t5\t6\t7\t00000000000000000000000000000002\ta/index.html\n"
          "folder\t8\t9\ta\n");
    m.reusable["a/index.html"] = gk::ReusableRecord{gk::Hash128{0, 3}, "区财政局", {2, 10}};
    CHECK(gk::format_manifest(m).ends_with("folder\t8\t9\ta\n"
                                           "reusable\t00000000000000000000000000000003\t2,10\t区财政局\ta/index.html\n"));
}

TEST_CASE("a damaged or foreign manifest is not read, so the build is a full one", "[incremental][manifest]") {
    const std::string text = gk::format_manifest(sample());
    CHECK_FALSE(gk::parse_manifest(text.substr(0, text.size() - 1)));              // cut short
    CHECK_FALSE(gk::parse_manifest(text.substr(0, text.size() / 2)));
    CHECK_FALSE(gk::parse_manifest("gongkai-manifest 2\n" + text.substr(19)));    // another format
    CHECK_FALSE(gk::parse_manifest(text + "frobnicate\tyes\n"));                  // unknown line
    CHECK_FALSE(gk::parse_manifest(text + "output\t1\t2\t3\tzz\tx.html\n"));      // bad hash
    const std::string hash = "00000000000000000000000000000003";
    CHECK(gk::parse_manifest(text + "reusable\t" + hash + "\t1,2\tt\tx.html\n"));
    CHECK_FALSE(gk::parse_manifest(text + "reusable\t" + hash + "\t1,\tt\tx.html\n"));  // trailing comma
    CHECK_FALSE(gk::parse_manifest(text + "reusable\t" + hash + "\t1,,2\tt\tx.html\n"));
    CHECK_FALSE(gk::parse_manifest(text + "reusable\t" + hash + "\tx\tt\tx.html\n"));   // not a number
    CHECK_FALSE(gk::parse_manifest(text + "reusable\t" + hash + "\t1\tx.html\n"));       // a field short
    CHECK_FALSE(gk::parse_manifest(text + "reusable\t" + hash + "\t\tt\ta/b/c.html\n")); // twice
    CHECK_FALSE(gk::parse_manifest(text + "output\t1\t2\t3\t" + std::string(32, '0') + "\tindex.html\n"));  // twice
    CHECK_FALSE(gk::parse_manifest(text + "report\tbad %4 escape\n"));
    // A field too many, and many too many (a line has 7 at most).
    CHECK_FALSE(gk::parse_manifest(text + "folder\t1\t2\tnew\textra\n"));
    CHECK_FALSE(gk::parse_manifest(text + "input\t1\t2\t3\t4\t" + hash + "\tk\tx\ty\tz\n"));
    CHECK(gk::parse_manifest(text + "input\t1\t2\t3\t4\t" + hash + "\tcontent/new.toml\n"));
    CHECK_FALSE(gk::parse_manifest(""));
}

TEST_CASE("the folders of the outputs are every folder on the way to each file", "[incremental][manifest]") {
    gk::OutputRecords outputs;
    for (const char* path : {"index.html", "a/b/c.html", "a/d.html", "e/f/g/h.json"}) outputs[path] = gk::OutputRecord{};
    CHECK(gk::folders_of(outputs) == std::set<std::string>{"a", "a/b", "e", "e/f", "e/f/g"});
}

TEST_CASE("a manifest read for its files only has the outputs and folders, and its header checked", "[incremental][manifest]") {
    const Manifest m = sample();
    const std::string text = gk::format_manifest(m);
    const auto files = gk::parse_manifest(text, gk::ManifestParts::files);
    REQUIRE(files);
    CHECK(files->outputs == m.outputs);
    CHECK(files->folders == m.folders);
    CHECK(files->generator == m.generator);
    CHECK(files->inputs.empty());
    CHECK(files->reusable.empty());
    // What it reads is checked as a whole reading checks it…
    CHECK_FALSE(gk::parse_manifest(text + "output\t1\t2\t3\tzz\tx.html\n", gk::ManifestParts::files));
    CHECK_FALSE(gk::parse_manifest(text + "frobnicate\tyes\n", gk::ManifestParts::files));
    CHECK_FALSE(gk::parse_manifest(text.substr(0, text.size() - 1), gk::ManifestParts::files));
    // …and the lines it passes over are not read at all.
    CHECK(gk::parse_manifest(text + "input\tnot a number\n", gk::ManifestParts::files));
    CHECK_FALSE(gk::parse_manifest(text + "input\tnot a number\n"));
}
