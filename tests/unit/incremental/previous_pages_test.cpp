#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "incremental/previous_pages.h"
#include "unit/support/content_tree.h"
#include "write/site_writer.h"

namespace fs = std::filesystem;

namespace {

gk::InputRecords inputs_with_narrative(std::uint64_t narrative) {
    gk::InputRecords inputs;
    inputs["content/site.toml"] = gk::InputRecord{{}, gk::Hash128{1, 1}};
    inputs["content/departments/a/2020.md"] = gk::InputRecord{{}, gk::Hash128{narrative, narrative}};
    return inputs;
}

// A previous output with one page of department `a`, and its manifest.
struct PreviousSite {
    gk::test::ContentTree tree;
    std::string out;
    gk::Manifest manifest;
    const std::string path = "departments/a/2020/index.html";
    const std::string html = "<html>a 2020</html>";

    PreviousSite() : out(tree.root() + "/../site") {
        gk::SiteWriter writer(out, tree.root());
        REQUIRE_FALSE(writer.prepare());
        writer.add(path, html);
        manifest.outputs = writer.outputs();
        REQUIRE_FALSE(writer.commit());
        const gk::PageFingerprints fingerprints(inputs_with_narrative(2), gk::Hash128{});
        manifest.pages[path] = gk::PageRecord{fingerprints.department("a"), "a 2020", {3, 1}};
    }
};

gk::Department department(const std::string& id) {
    gk::Department d;
    d.id = id;
    return d;
}

}  // namespace

TEST_CASE("a page whose inputs did not change comes from the previous output, with its facts",
          "[incremental][pages]") {
    PreviousSite site;
    gk::PreviousPages pages(site.out, &site.manifest, gk::PageFingerprints(inputs_with_narrative(2), gk::Hash128{}));
    const std::optional<gk::ReusedPage> page = pages.reuse(department("a"), site.path);
    REQUIRE(page);
    CHECK(page->html == site.html);
    CHECK(page->facts.title == "a 2020");
    CHECK(page->facts.terms == std::vector<std::size_t>{3, 1});
    CHECK(pages.reused() == 1);
    CHECK_FALSE(pages.reuse(department("a"), "departments/a/2021/index.html"));  // not recorded
    CHECK_FALSE(pages.reuse(department("b"), site.path));                       // another fingerprint

    pages.wrote(department("a"), site.path, gk::DepartmentPageFacts{"a 2020", {3, 1}});
    CHECK(pages.records() == site.manifest.pages);  // the next manifest records the same
}

TEST_CASE("a page is rendered again when its inputs or its file changed", "[incremental][pages]") {
    PreviousSite site;
    SECTION("its narrative was edited") {
        gk::PreviousPages pages(site.out, &site.manifest, gk::PageFingerprints(inputs_with_narrative(3), gk::Hash128{}));
        CHECK_FALSE(pages.reuse(department("a"), site.path));
    }
    SECTION("the options changed") {
        gk::PreviousPages pages(site.out, &site.manifest, gk::PageFingerprints(inputs_with_narrative(2), gk::Hash128{0, 1}));
        CHECK_FALSE(pages.reuse(department("a"), site.path));
    }
    SECTION("the file was replaced by hand") {
        const fs::path file = fs::path(site.out) / site.path;
        fs::remove(file);
        std::ofstream(file) << "<html>a 2021</html>";  // same size, new inode
        gk::PreviousPages pages(site.out, &site.manifest, gk::PageFingerprints(inputs_with_narrative(2), gk::Hash128{}));
        CHECK_FALSE(pages.reuse(department("a"), site.path));
    }
    SECTION("the file is gone") {
        fs::remove(fs::path(site.out) / site.path);
        gk::PreviousPages pages(site.out, &site.manifest, gk::PageFingerprints(inputs_with_narrative(2), gk::Hash128{}));
        CHECK_FALSE(pages.reuse(department("a"), site.path));
    }
    SECTION("there is no previous manifest") {
        gk::PreviousPages pages(site.out, nullptr, gk::PageFingerprints(inputs_with_narrative(2), gk::Hash128{}));
        CHECK_FALSE(pages.reuse(department("a"), site.path));
    }
}
