// A build that loaded the figures of a few departments only (a narrative
// edit, pipeline.cpp) must never make an output that shows others'
// figures: render_site throws FiguresNotLoaded instead, and the pipeline
// builds again with every figure (tests/incremental/: the
// narrative-and-edited-output case).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "compute/compute.h"
#include "diag/diagnostics.h"
#include "load/load_content.h"
#include "load/load_theme.h"
#include "render/output.h"
#include "render/render_site.h"
#include "unit/support/content_tree.h"
#include "validate/validate.h"

using namespace gk;

namespace {

// Takes nothing from a previous output: every output must be made.
class NothingToReuse : public OutputReuse {
public:
    std::optional<ReusedOutput> reuse(const std::string&, const Department*) const override { return std::nullopt; }
    void wrote(const std::string&, const Department*, DisclosureFacts) override {}
    std::optional<ReusedOutput> reuse_listing(const std::string&, const Hash128&) const override { return std::nullopt; }
    void wrote_listing(const std::string&, const Hash128&) override {}
};

// Takes every output of an earlier build (written to `dir`) but the
// disclosures of `made`, which must be made again.
class AllButOneDepartment : public OutputReuse {
public:
    AllButOneDepartment(const std::map<std::string, std::string>& earlier, std::string dir, std::string made)
        : earlier_(earlier), dir_(std::move(dir)), made_(std::move(made)) {}
    std::optional<ReusedOutput> reuse(const std::string& path, const Department* narratives_of) const override {
        if (narratives_of && narratives_of->id == made_) return std::nullopt;
        return taken(path);
    }
    void wrote(const std::string&, const Department*, DisclosureFacts) override {}
    std::optional<ReusedOutput> reuse_listing(const std::string& path, const Hash128&) const override {
        return taken(path);
    }
    void wrote_listing(const std::string&, const Hash128&) override {}

private:
    std::optional<ReusedOutput> taken(const std::string& path) const {
        const auto found = earlier_.find(path);
        if (found == earlier_.end()) return std::nullopt;
        return ReusedOutput{PreviousFile{dir_ + "/" + path, found->second.size(), 0, 0, hash128(found->second)}, {}};
    }
    const std::map<std::string, std::string>& earlier_;
    std::string dir_, made_;
};

// Keeps what it is given to keep apart from what it is given to write.
class KeepingSink : public MemorySink {
public:
    void keep(const std::string& path, const PreviousFile&) override {
        std::lock_guard lock(mutex_);
        kept_.insert(path);
    }
    const std::set<std::string>& kept() const { return kept_; }

private:
    std::mutex mutex_;
    std::set<std::string> kept_;
};

struct Site {
    test::ContentTree tree;
    Diagnostics diagnostics;
    Content content;
    std::optional<Derived> derived;
    std::optional<Theme> theme;
    Site() {
        test::add_minimal_site(tree);
        tree.file("departments/union/2020.toml", "year = 2020\n[expenditure]\npersonnel = 1\n");
        tree.file("departments/union/2020.md", "## 说明\n\n本年度预算。\n");
        tree.file("departments/tax/department.toml", "name = \"张家口市桥西区税务局\"\n");
        tree.file("departments/tax/2020.toml", "year = 2020\n[expenditure]\npersonnel = 2\n");
        tree.file("departments/tax/2020.md", "## 说明\n\n税务。\n");
        content = load_content(tree.root(), diagnostics);
        validate_content(content, diagnostics);
        derived = compute(content);
        theme.emplace(load_theme(GONGKAI_SOURCE_DIR "/themes/default", content.root, content.site.language,
                                 *content.sources, diagnostics));
        REQUIRE_FALSE(diagnostics.has_errors());
    }
};

}  // namespace

TEST_CASE("with the figures of some departments only, an output that must be made from others' throws",
          "[render][narrative]") {
    Site site;
    MemorySink sink;
    NothingToReuse nothing;
    RenderOptions options;
    options.reuse = &nothing;
    SECTION("the department's own disclosure may be made, the overview may not") {
        const std::set<std::string> mine{"union"};
        options.figures_of = &mine;
        CHECK_THROWS_AS(render_site(site.content, *site.derived, *site.theme, sink, site.diagnostics, options),
                        FiguresNotLoaded);
    }
    SECTION("without anything to take outputs from, nothing may be made") {
        const std::set<std::string> mine{"union"};
        options.figures_of = &mine;
        options.reuse = nullptr;
        CHECK_THROWS_AS(render_site(site.content, *site.derived, *site.theme, sink, site.diagnostics, options),
                        FiguresNotLoaded);
    }
    SECTION("with every figure, everything is made") {
        options.figures_of = nullptr;
        render_site(site.content, *site.derived, *site.theme, sink, site.diagnostics, options);
        CHECK(sink.files().contains("index.html"));
        CHECK(sink.files().contains("departments/union/2020/index.html"));
        CHECK_FALSE(site.diagnostics.has_errors());
    }
}

TEST_CASE("with the figures of some departments only, their disclosures are made and everything else taken",
          "[render][narrative]") {
    Site site;
    MemorySink first;
    render_site(site.content, *site.derived, *site.theme, first, site.diagnostics, RenderOptions{});
    const std::string dir = site.tree.root() + "/../earlier";
    for (const auto& [path, bytes] : first.files()) {
        std::filesystem::create_directories(std::filesystem::path(dir + "/" + path).parent_path());
        std::ofstream(dir + "/" + path, std::ios::binary) << bytes;
    }
    AllButOneDepartment reuse(first.files(), dir, "union");
    const std::set<std::string> mine{"union"};
    RenderOptions options;
    options.reuse = &reuse;
    options.figures_of = &mine;
    KeepingSink sink;
    render_site(site.content, *site.derived, *site.theme, sink, site.diagnostics, options);
    CHECK(sink.files().contains("departments/union/2020/index.html"));
    CHECK_FALSE(sink.files().contains("departments/tax/2020/index.html"));
    CHECK(sink.kept().contains("departments/tax/2020/index.html"));
    CHECK(sink.kept().contains("index.html"));
    CHECK(sink.kept().contains("feed.xml"));
    CHECK(sink.files().at("departments/union/2020/index.html") == first.files().at("departments/union/2020/index.html"));
    CHECK_FALSE(site.diagnostics.has_errors());
}
