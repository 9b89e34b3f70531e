// The load cache (load/budget_cache.h) and its codec: a budget read back
// from the cache is the budget parsing gives, field for field; only files
// that loaded without a word are kept; a changed, damaged or foreign cache
// is never trusted.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "diag/diagnostics.h"
#include "load/budget_cache.h"
#include "load/budget_codec.h"
#include "load/load_content.h"
#include "unit/support/content_tree.h"

using namespace gk;
using namespace gk::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* kProgram = "test-program";

std::vector<const BudgetFile*> budgets_of(const Content& content) {
    std::vector<const BudgetFile*> out;
    for (const Department& dept : content.departments) {
        for (const BudgetFile& file : dept.files) out.push_back(&file);
    }
    return out;
}

// Every budget of `content` as the codec writes it: positions as line and
// column, so two loads (whose SourceFiles differ) compare.
std::vector<std::string> encoded(const Content& content) {
    std::vector<std::string> out;
    for (const BudgetFile* budget : budgets_of(content)) out.push_back(*encode_budget(*budget, *budget->loc.file));
    return out;
}

std::string year_file(const std::string& income) {
    return "year = 2020\npublished = 2020-03-10\n[income]\ngeneral_public = " + income +
           "\ntotal = " + income + "\n[expenditure]\npersonnel = " + income + "\nbasic = " + income +
           "\ntotal = " + income + "\n";
}

struct Load {
    Content content;
    std::vector<std::string> problems;
    std::size_t found = 0, added = 0;
};

// load_content through a cache at `path`, then saved as the pipeline does.
Load load_with_cache(const ContentTree& tree, const std::string& path, const std::string& program = kProgram) {
    BudgetCache cache(path, program);
    Diagnostics diagnostics;
    Load out;
    out.content = load_content(tree.root(), diagnostics, 2, &cache);
    out.problems = lines_of(diagnostics, tree.root());
    out.found = cache.found();
    out.added = cache.added();
    cache.save(out.content);
    return out;
}

std::string cache_path(const ContentTree& tree) { return (fs::path(tree.root()).parent_path() / "load-cache").string(); }

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

}  // namespace

TEST_CASE("every budget of the demo content read back from its bytes equals the budget parsed", "[load][load-cache]") {
    Diagnostics diagnostics;
    const Content content = load_content(GONGKAI_SOURCE_DIR "/content", diagnostics);
    REQUIRE(diagnostics.error_count() == 0);
    const std::vector<const BudgetFile*> budgets = budgets_of(content);
    REQUIRE(budgets.size() >= 14);  // 4 departments × 3 years, a final account, the sample
    for (const BudgetFile* budget : budgets) {
        INFO(budget->loc.file->path());
        const std::optional<std::string> bytes = encode_budget(*budget, *budget->loc.file);
        REQUIRE(bytes);
        BudgetFile decoded;
        REQUIRE(decode_budget(*bytes, *budget->loc.file, decoded));
        CHECK(decoded.narrative.file == nullptr);  // another file's: attached by the loader
        decoded.narrative = budget->narrative;
        CHECK(decoded == *budget);
    }
}

TEST_CASE("bytes that are not a whole budget record are refused", "[load][load-cache]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", year_file("12.5"));
    Diagnostics diagnostics;
    const Content content = load_content(tree.root(), diagnostics);
    const BudgetFile& budget = content.departments.at(0).files.at(0);
    const SourceFile& file = *budget.loc.file;
    const std::string bytes = *encode_budget(budget, file);
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        BudgetFile decoded;
        CHECK_FALSE(decode_budget(std::string_view(bytes).substr(0, cut), file, decoded));
    }
    BudgetFile decoded;
    CHECK_FALSE(decode_budget(bytes + '\0', file, decoded));
    // The first field is the kind: an enumeration value past its last.
    std::string bad_kind = bytes;
    bad_kind[0] = '\x07';
    CHECK_FALSE(decode_budget(bad_kind, file, decoded));

    SourceSet others;
    BudgetFile foreign = budget;
    foreign.published.loc.file = &others.add("elsewhere.toml", "x = 1\n");
    CHECK_FALSE(encode_budget(foreign, file));
}

TEST_CASE("a second load takes every budget file from the cache and gives the same content", "[load][load-cache]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", year_file("12.5"));
    tree.file("departments/union/2021.toml", year_file("13.75"));
    tree.file("departments/union/2021-final.toml", year_file("13.5").replace(0, 11, "year = 2021"));
    tree.file("departments/women/department.toml", "name = \"妇联\"\n");
    tree.file("departments/women/2020.toml", year_file("12.5"));  // the same bytes as union's 2020

    const Load first = load_with_cache(tree, cache_path(tree));
    CHECK(first.problems.empty());
    CHECK(first.found == 0);
    CHECK(first.added == 4);
    const std::string written = read(cache_path(tree));
    REQUIRE_FALSE(written.empty());

    const Load second = load_with_cache(tree, cache_path(tree));
    CHECK(second.problems.empty());
    CHECK(second.found == 4);
    CHECK(second.added == 0);
    CHECK(encoded(second.content) == encoded(first.content));
    CHECK(read(cache_path(tree)) == written);  // nothing new, nothing unused: not rewritten

    // An edited file is parsed again; the cache then holds this content's
    // files only, as a cache made from scratch would.
    tree.file("departments/union/2021.toml", year_file("14"));
    const Load third = load_with_cache(tree, cache_path(tree));
    CHECK(third.found == 3);
    CHECK(third.added == 1);
    ContentTree fresh;
    add_minimal_site(fresh);
    for (const std::string& name : {"union/2020.toml", "union/2021.toml", "union/2021-final.toml", "women/department.toml",
                                    "women/2020.toml"})
        fresh.file("departments/" + name, read(tree.root() + "/departments/" + name));
    load_with_cache(fresh, cache_path(fresh));
    CHECK(read(cache_path(tree)) == read(cache_path(fresh)));
}

TEST_CASE("a budget file with an error is never cached, so its error is reported every time", "[load][load-cache]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", year_file("\"many\""));
    tree.file("departments/union/2021.toml", year_file("13.75").replace(0, 11, "year = 2021"));
    const Load first = load_with_cache(tree, cache_path(tree));
    REQUIRE_FALSE(first.problems.empty());
    CHECK(first.added == 1);
    const Load second = load_with_cache(tree, cache_path(tree));
    CHECK(second.problems == first.problems);
    CHECK(second.found == 1);
    CHECK(second.added == 0);
}

TEST_CASE("a damaged, foreign or other-unit cache is not used, and a disabled one is not written", "[load][load-cache]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", year_file("12.5"));
    const std::string path = cache_path(tree);
    load_with_cache(tree, path);
    const std::string good = read(path);

    SECTION("one byte changed") {
        std::string damaged = good;
        damaged[damaged.size() / 2] ^= 0x01;
        write(path, damaged);
        CHECK(load_with_cache(tree, path).found == 0);
        CHECK(read(path) == good);  // made again
    }
    SECTION("cut short") {
        write(path, good.substr(0, good.size() - 1));
        CHECK(load_with_cache(tree, path).found == 0);
    }
    SECTION("written by another program") {
        const Load other = load_with_cache(tree, path, "another-program");
        CHECK(other.found == 0);
        CHECK(other.added == 1);
        CHECK(load_with_cache(tree, path).found == 0);  // the other program's now
    }
    SECTION("the site's unit changed: the file's amounts mean something else") {
        tree.file("site.toml", "title = \"桥西区部门预决算公开\"\nregion = \"张家口市桥西区\"\nunit = \"元\"\n");
        const Load in_yuan = load_with_cache(tree, path);
        CHECK(in_yuan.found == 0);
        CHECK(in_yuan.content.departments.at(0).files.at(0).stated[index(Fig::income_total)].value ==
              Amount::from_fen(1250));
    }
    SECTION("no program identity: no cache read or written") {
        fs::remove(path);
        const Load unknown = load_with_cache(tree, path, "");
        CHECK(unknown.added == 0);
        CHECK_FALSE(fs::exists(path));
    }
}
