// Year files the previous build read and that did not change since
// (load/unchanged_files.h): a budget file the load cache holds by the known
// hash is not read at all, a narrative is read only when its text is asked
// for, and a file that cannot be read when it is needed is reported.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "diag/diagnostics.h"
#include "incremental/hash.h"
#include "load/budget_cache.h"
#include "load/load_content.h"
#include "unit/support/content_tree.h"

using namespace gk;
using namespace gk::test;
namespace fs = std::filesystem;

namespace {

const std::string kYear =
    "year = 2020\npublished = 2020-03-10\n[income]\ngeneral_public = 10\ntotal = 10\n"
    "[expenditure]\npersonnel = 10\nbasic = 10\ntotal = 10\n";
const std::string kNarrative = "# 说明\n\n本部门2020年预算。\n";

// What an incremental build would say: these files, by these hashes.
struct Known : UnchangedFiles {
    std::map<std::string, Hash128> files;
    std::optional<Hash128> hash(const std::string& relative) const override {
        const auto found = files.find(relative);
        return found == files.end() ? std::nullopt : std::optional<Hash128>(found->second);
    }
};

struct Site {
    ContentTree tree;
    std::string cache = (fs::path(tree.root()).parent_path() / "load-cache").string();
    Known known;
    Site() {
        add_minimal_site(tree);
        tree.file("departments/union/2020.toml", kYear);
        tree.file("departments/union/2020.md", kNarrative);
        known.files["departments/union/2020.toml"] = hash128(kYear);
        known.files["departments/union/2020.md"] = hash128(kNarrative);
    }
    std::string path(const std::string& relative) const { return (fs::path(tree.root()) / relative).string(); }
    // Loads through the load cache (saved afterwards), with `unchanged`.
    Content load(Diagnostics& diagnostics, const UnchangedFiles* unchanged) {
        BudgetCache load_cache(cache, "test-program");
        Content content = load_content(tree.root(), diagnostics, 1, &load_cache, unchanged);
        load_cache.save(content);
        return content;
    }
};

}  // namespace

TEST_CASE("a budget file known unchanged is taken from the load cache without being read", "[load][unchanged]") {
    Site site;
    Diagnostics first;
    site.load(first, nullptr);  // fills the cache
    REQUIRE(first.error_count() == 0);
    // Known by the hash of what the file held, it is not read: what it holds
    // now (not TOML at all) is never parsed.
    std::ofstream(site.path("departments/union/2020.toml"), std::ios::trunc) << "[[[ not toml";
    Diagnostics again;
    Content content = site.load(again, &site.known);
    CHECK(lines_of(again, site.tree.root()).empty());
    REQUIRE(content.departments.at(0).files.size() == 1);
    CHECK(content.departments.at(0).files.at(0).year == 2020);
    SECTION("unknown, it is read: and reported") {
        Diagnostics read;
        site.load(read, nullptr);
        CHECK(read.error_count() > 0);
    }
}

TEST_CASE("a budget file known unchanged but not in the load cache is read and parsed", "[load][unchanged]") {
    Site site;
    Diagnostics diagnostics;
    Content content = site.load(diagnostics, &site.known);  // an empty cache
    CHECK(lines_of(diagnostics, site.tree.root()).empty());
    REQUIRE(content.departments.at(0).files.size() == 1);
    CHECK(content.departments.at(0).files.at(0).year == 2020);
}

TEST_CASE("a narrative known unchanged is read when its text is first asked for", "[load][unchanged]") {
    Site site;
    Diagnostics diagnostics;
    Content content = site.load(diagnostics, &site.known);
    REQUIRE(diagnostics.error_count() == 0);
    const SourceFile* narrative = content.departments.at(0).files.at(0).narrative.file;
    REQUIRE(narrative != nullptr);
    // Changed after the load: the text is what the file holds when asked.
    const std::string later = "# 说明\n\n改过。\n";
    std::ofstream(site.path("departments/union/2020.md"), std::ios::trunc) << later;
    CHECK(narrative->text() == later);
    CHECK(narrative->line(3) == "改过。");
    SECTION("not known: read at once") {
        Diagnostics eager;
        Content read_now = site.load(eager, nullptr);
        const SourceFile* file = read_now.departments.at(0).files.at(0).narrative.file;
        std::ofstream(site.path("departments/union/2020.md"), std::ios::trunc) << "别的。\n";
        CHECK(file->text() == later);
    }
}

TEST_CASE("a file left unread that is gone when its text is needed is an error, not an empty text",
          "[load][unchanged]") {
    Site site;
    Diagnostics diagnostics;
    Content content = site.load(diagnostics, &site.known);
    const SourceFile* narrative = content.departments.at(0).files.at(0).narrative.file;
    fs::remove(site.path("departments/union/2020.md"));
    CHECK_FALSE(narrative->read());
    CHECK_THROWS_AS(narrative->text(), std::runtime_error);
    CHECK(narrative->line(1).empty());  // diagnostics quote nothing
}

TEST_CASE("after a narrative edit elsewhere, a department's unchanged budget files are left unread",
          "[load][unchanged][narrative]") {
    Site site;
    Diagnostics first;
    site.load(first, nullptr);  // fills the cache
    REQUIRE(first.error_count() == 0);
    // Neither the cache nor the file is read for them: what the file holds
    // now is never parsed.
    std::ofstream(site.path("departments/union/2020.toml"), std::ios::trunc) << "[[[ not toml";
    BudgetCache load_cache(site.cache, "test-program");
    const std::set<std::string> others{"another-department"};
    Diagnostics diagnostics;
    const Content content = load_content(site.tree.root(), diagnostics, 1, &load_cache, &site.known, &others);
    CHECK(lines_of(diagnostics, site.tree.root()).empty());
    CHECK(load_cache.found() == 0);
    CHECK(content.departments.at(0).files.empty());
    CHECK(content.departments.at(0).unread == std::vector<std::pair<int, BudgetKind>>{{2020, BudgetKind::budget}});
    CHECK(content.years() == std::vector<int>{2020});
    SECTION("without a load cache, the same") {
        Diagnostics again;
        const Content loaded = load_content(site.tree.root(), again, 1, nullptr, &site.known, &others);
        CHECK(lines_of(again, site.tree.root()).empty());
        CHECK(loaded.departments.at(0).files.empty());
        CHECK(loaded.departments.at(0).unread.size() == 1);
    }
    SECTION("the department of the edit gets its figures, from the cache") {
        const std::set<std::string> mine{"union"};
        Diagnostics again;
        const Content loaded = load_content(site.tree.root(), again, 1, &load_cache, &site.known, &mine);
        CHECK(lines_of(again, site.tree.root()).empty());
        CHECK(load_cache.found() == 1);
        CHECK(loaded.departments.at(0).unread.empty());
        REQUIRE(loaded.departments.at(0).files.size() == 1);
        CHECK(loaded.departments.at(0).files.at(0).stated[index(Fig::income_total)].has());
        CHECK(loaded.departments.at(0).files.at(0).narrative.file != nullptr);
    }
}
