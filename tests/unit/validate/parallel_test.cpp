// Validate and compute run department by department on several threads:
// what they report, and where an overflow stops them, must not depend on it.
#include <catch2/catch.hpp>

#include "compute/compute.h"
#include "load/load_content.h"
#include "model/amount.h"
#include "unit/support/content_tree.h"
#include "validate/validate.h"

using namespace gk;
using namespace gk::test;

namespace {

// Departments d00..d11, each with a year whose income does not add up (an
// error per department, in every department's own file).
void add_departments(ContentTree& tree, int count) {
    for (int i = 0; i < count; ++i) {
        const std::string id = "d" + std::string(i < 10 ? "0" : "") + std::to_string(i);
        tree.file("departments/" + id + "/department.toml", "name = \"部门" + id + "\"\n");  // sorted as the ids
        tree.file("departments/" + id + "/2020.toml",
                  "year = 2020\n[income]\ngeneral_public = 1.00\ntotal = " + std::to_string(i + 2) + ".00\n");
    }
}

struct Outcome {
    std::vector<std::string> lines;
    bool overflowed = false;
};

Outcome validate_with(const ContentTree& tree, unsigned jobs) {
    Diagnostics diagnostics;
    const Content content = load_content(tree.root(), diagnostics, jobs);
    Outcome out;
    try {
        validate_content(content, diagnostics, jobs);
    } catch (const AmountOverflow&) {
        out.overflowed = true;
    }
    out.lines = lines_of(diagnostics, tree.root());
    return out;
}

}  // namespace

TEST_CASE("validating on several threads reports what one thread reports", "[validate][parallel]") {
    ContentTree tree;
    add_minimal_site(tree);
    add_departments(tree, 12);
    const Outcome one = validate_with(tree, 1);
    REQUIRE(one.lines.size() == 12);
    for (unsigned jobs : {2u, 4u}) {
        const Outcome many = validate_with(tree, jobs);
        CHECK(many.lines == one.lines);
        CHECK(!many.overflowed);
    }
}

TEST_CASE("an overflow stops validation where one thread would have stopped", "[validate][parallel]") {
    ContentTree tree;
    add_minimal_site(tree);
    add_departments(tree, 12);
    // The sixth department's procurement rows add up beyond 64 bits: the
    // departments after it are never checked, on any number of threads.
    std::string rows = "year = 2021\n";
    for (int i = 0; i < 100; ++i) rows += "[[procurement]]\nitem = \"x\"\ntotal = 100000000000\n";
    tree.file("departments/d05/2021.toml", rows);
    const Outcome one = validate_with(tree, 1);
    REQUIRE(one.overflowed);
    REQUIRE(one.lines.size() == 6);  // d00..d05's income errors (d05's 2020 is checked before its 2021)
    for (unsigned jobs : {2u, 4u}) {
        const Outcome many = validate_with(tree, jobs);
        CHECK(many.overflowed);
        CHECK(many.lines == one.lines);
    }
}

TEST_CASE("computing on several threads gives the same derived figures", "[compute][parallel]") {
    ContentTree tree;
    add_minimal_site(tree);
    for (int i = 0; i < 9; ++i) {
        const std::string id = "d" + std::to_string(i);
        tree.file("departments/" + id + "/department.toml", "name = \"部门" + std::to_string(i) + "\"\n");
        for (int year : {2019, 2020, 2021}) {
            tree.file("departments/" + id + "/" + std::to_string(year) + ".toml",
                      "year = " + std::to_string(year) + "\n[income]\ngeneral_public = " +
                          std::to_string(i * 3 + year % 7) + ".25\nother = 1.00\n");
        }
    }
    Diagnostics diagnostics;
    const Content content = load_content(tree.root(), diagnostics);
    REQUIRE(!diagnostics.has_errors());
    const Derived one = compute(content, 1);
    const Derived four = compute(content, 4);
    REQUIRE(one.department_years.size() == 27);
    REQUIRE(four.department_years.size() == one.department_years.size());
    for (std::size_t i = 0; i < one.department_years.size(); ++i) {
        const DepartmentYear& a = one.department_years[i];
        const DepartmentYear& b = four.department_years[i];
        CHECK(a.department == b.department);
        CHECK(a.year == b.year);
        CHECK(a.values == b.values);
        CHECK(a.shares == b.shares);
        CHECK(a.rank == b.rank);
        CHECK((a.previous ? a.previous - one.department_years.data() : -1) ==
              (b.previous ? b.previous - four.department_years.data() : -1));
        for (std::size_t f = 0; f < kFigCount; ++f) {
            CHECK(a.changes[f].has_value() == b.changes[f].has_value());
            if (a.changes[f] && b.changes[f]) CHECK(a.changes[f]->amount == b.changes[f]->amount);
        }
    }
}
