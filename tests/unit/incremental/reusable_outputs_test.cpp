#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "incremental/reusable_outputs.h"
#include "unit/support/content_tree.h"
#include "write/site_writer.h"

namespace fs = std::filesystem;

namespace {

gk::InputRecords inputs(std::uint64_t narrative, std::uint64_t figures = 1) {
    gk::InputRecords records;
    records["content/departments/a/2020.toml"] = gk::InputRecord{{}, gk::Hash128{figures, figures}};
    records["content/departments/a/2020.md"] = gk::InputRecord{{}, gk::Hash128{narrative, narrative}};
    return records;
}

gk::Department department(const std::string& id) {
    gk::Department d;
    d.id = id;
    return d;
}

// A previous output with a disclosure of department `a` and a page that
// shows no narrative, and its manifest.
struct PreviousSite {
    gk::test::ContentTree tree;
    std::string out;
    gk::Manifest manifest;
    const gk::Department a = department("a");
    const std::string disclosure = "departments/a/2020/index.html";
    const std::string year = "2020/index.html";

    PreviousSite() : out(tree.root() + "/../site") {
        gk::SiteWriter writer(out, tree.root());
        REQUIRE_FALSE(writer.prepare());
        writer.add(disclosure, "<html>a 2020</html>");
        writer.add(year, "<html>2020</html>");
        manifest.outputs = writer.outputs();
        REQUIRE_FALSE(writer.commit());
        gk::ReusableOutputs made(out, nullptr, gk::OutputFingerprints(inputs(2), gk::Hash128{}));
        made.wrote(disclosure, &a, gk::DisclosureFacts{"a 2020", {3, 1}});
        made.wrote(year, nullptr, {});
        manifest.reusable = made.records();
    }
    gk::ReusableOutputs next(const gk::InputRecords& now, gk::Hash128 options = {}) const {
        return gk::ReusableOutputs(out, &manifest, gk::OutputFingerprints(now, options));
    }
};

}  // namespace

TEST_CASE("an output whose inputs did not change comes from the previous output, with its facts",
          "[incremental][reuse]") {
    PreviousSite site;
    gk::ReusableOutputs outputs = site.next(inputs(2));
    const std::optional<gk::ReusedOutput> page = outputs.reuse(site.disclosure, &site.a);
    REQUIRE(page);
    // Where the file is and what the manifest says of it; not its bytes.
    CHECK(page->file.file == site.out + "/" + site.disclosure);
    CHECK(page->file.hash == gk::hash128("<html>a 2020</html>"));
    const gk::OutputRecord& recorded = site.manifest.outputs.at(site.disclosure);
    CHECK(page->file.size == recorded.size);
    CHECK(page->file.mtime_ns == recorded.mtime_ns);
    CHECK(page->file.inode == recorded.inode);
    CHECK(page->facts.title == "a 2020");
    CHECK(page->facts.terms == std::vector<std::size_t>{3, 1});
    const std::optional<gk::ReusedOutput> year = outputs.reuse(site.year, nullptr);
    REQUIRE(year);
    CHECK(year->file.hash == gk::hash128("<html>2020</html>"));
    CHECK(outputs.reused() == 2);

    CHECK_FALSE(outputs.reuse("departments/a/2021/index.html", &site.a));  // not recorded
    const gk::Department b = department("b");
    CHECK_FALSE(outputs.reuse(site.disclosure, &b));                       // another department's fingerprint
    CHECK_FALSE(outputs.reuse(site.disclosure, nullptr));                  // recorded as showing a narrative
    CHECK_FALSE(outputs.reuse(site.year, &site.a));                        // recorded as showing none

    outputs.wrote(site.disclosure, &site.a, gk::DisclosureFacts{"a 2020", {3, 1}});
    outputs.wrote(site.year, nullptr, {});
    CHECK(outputs.records() == site.manifest.reusable);  // the next manifest records the same
}

TEST_CASE("a narrative edit makes its disclosure again, not the outputs that show no narrative",
          "[incremental][reuse]") {
    PreviousSite site;
    const gk::ReusableOutputs outputs = site.next(inputs(3));
    CHECK_FALSE(outputs.reuse(site.disclosure, &site.a));
    CHECK(outputs.reuse(site.year, nullptr));
}

TEST_CASE("an output is made again when other inputs, the options or its file changed", "[incremental][reuse]") {
    PreviousSite site;
    SECTION("a figure was edited") {
        const gk::ReusableOutputs outputs = site.next(inputs(2, 5));
        CHECK_FALSE(outputs.reuse(site.disclosure, &site.a));
        CHECK_FALSE(outputs.reuse(site.year, nullptr));
    }
    SECTION("the options changed") {
        const gk::ReusableOutputs outputs = site.next(inputs(2), gk::Hash128{0, 1});
        CHECK_FALSE(outputs.reuse(site.disclosure, &site.a));
        CHECK_FALSE(outputs.reuse(site.year, nullptr));
    }
    SECTION("the file was replaced by hand") {
        const fs::path file = fs::path(site.out) / site.disclosure;
        fs::remove(file);
        std::ofstream(file) << "<html>a 2021</html>";  // same size, new inode and mtime
        CHECK_FALSE(site.next(inputs(2)).reuse(site.disclosure, &site.a));
    }
    SECTION("the file is gone") {
        fs::remove(fs::path(site.out) / site.year);
        CHECK_FALSE(site.next(inputs(2)).reuse(site.year, nullptr));
    }
    SECTION("there is no previous manifest") {
        const gk::ReusableOutputs outputs(site.out, nullptr, gk::OutputFingerprints(inputs(2), gk::Hash128{}));
        CHECK_FALSE(outputs.reuse(site.disclosure, &site.a));
        CHECK_FALSE(outputs.reuse(site.year, nullptr));
    }
}

TEST_CASE("the previous output's files under a folder are found by their paths", "[incremental][reuse]") {
    PreviousSite site;
    const gk::ReusableOutputs outputs = site.next(inputs(2));
    const std::map<std::string, gk::PreviousOutput> files = outputs.files_under("departments/");
    REQUIRE(files.size() == 1);
    const gk::PreviousOutput& page = files.at(site.disclosure);
    CHECK(page.path == site.disclosure);
    CHECK(page.file.hash == gk::hash128("<html>a 2020</html>"));
    CHECK(page.file.file == site.out + "/" + site.disclosure);
    CHECK(page.file.inode == site.manifest.outputs.at(site.disclosure).inode);
    CHECK(outputs.files_under("search/pages/").empty());
    CHECK(gk::ReusableOutputs(site.out, nullptr, gk::OutputFingerprints(inputs(2), gk::Hash128{}))
              .files_under("departments/")
              .empty());  // no previous manifest
}

TEST_CASE("a page that lists pages showing narratives is reused only when what it lists is the same",
          "[incremental][reuse]") {
    gk::test::ContentTree tree;
    const std::string out = tree.root() + "/../site";
    const std::string term = "glossary/t/index.html";
    const gk::Hash128 listed = gk::hash128("departments/a/2020/index.html\n");
    gk::Manifest manifest;
    {
        gk::SiteWriter writer(out, tree.root());
        REQUIRE_FALSE(writer.prepare());
        writer.add(term, "<html>t: a 2020</html>");
        manifest.outputs = writer.outputs();
        REQUIRE_FALSE(writer.commit());
        gk::ReusableOutputs made(out, nullptr, gk::OutputFingerprints(inputs(2), gk::Hash128{}));
        made.wrote_listing(term, listed);
        manifest.reusable = made.records();
    }
    const auto next = [&](const gk::InputRecords& now) {
        return gk::ReusableOutputs(out, &manifest, gk::OutputFingerprints(now, gk::Hash128{}));
    };
    // A narrative edited, the list the same: taken.
    gk::ReusableOutputs after_narrative = next(inputs(3));
    const std::optional<gk::ReusedOutput> page = after_narrative.reuse_listing(term, listed);
    REQUIRE(page);
    CHECK(page->file.hash == gk::hash128("<html>t: a 2020</html>"));
    // The list changed, or an input every page shares did: made again.
    CHECK_FALSE(after_narrative.reuse_listing(term, gk::hash128("")));
    CHECK_FALSE(next(inputs(3, 2)).reuse_listing(term, listed));
    // Not a page that shows no narrative, nor one department's.
    CHECK_FALSE(after_narrative.reuse(term, nullptr));
    // What this build wrote is what the next one asks about.
    after_narrative.wrote_listing(term, listed);
    CHECK(after_narrative.records().at(term) == manifest.reusable.at(term));
}
