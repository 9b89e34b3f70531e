// The figures the published 2020 disclosure of 桥西区总工会 states, as the
// compute stage derives them from the demo content (content/) — and, where
// the file states only the parts, from the parts alone.
#include <catch2/catch.hpp>

#include "compute/compute.h"
#include "diag/diagnostics.h"
#include "load/load_content.h"
#include "model/percent.h"
#include "unit/support/content_tree.h"
#include "validate/validate.h"

using namespace gk;

namespace {

const std::string kSample = "qiaoxi-federation-of-trade-unions";

std::string wan(const std::optional<Amount>& a) { return a ? format_exact(*a, Unit::wan_yuan, 2) : "null"; }
std::string pct(const std::optional<Percent>& p) { return p ? format_percent(*p) : "null"; }

const DepartmentYear* find_year(const Derived& derived, const std::string& dept, int year) {
    for (const DepartmentYear& dy : derived.department_years) {
        if (dy.department->id == dept && dy.year == year && dy.kind == BudgetKind::budget) return &dy;
    }
    return nullptr;
}

struct Loaded {
    Diagnostics diagnostics;
    Content content;
    Derived derived;
};

// load → validate → compute, as the pipeline runs them.
std::unique_ptr<Loaded> run_stages(const std::string& root) {
    auto loaded = std::make_unique<Loaded>();
    loaded->content = load_content(root, loaded->diagnostics);
    validate_content(loaded->content, loaded->diagnostics);
    REQUIRE(loaded->diagnostics.error_count() == 0);
    loaded->derived = compute(loaded->content);
    return loaded;
}

}  // namespace

TEST_CASE("the sample disclosure's totals come out of compute as the document prints them", "[compute][sample]") {
    const auto run = run_stages(GONGKAI_SOURCE_DIR "/content");
    const DepartmentYear* dy = find_year(run->derived, kSample, 2020);
    REQUIRE(dy != nullptr);
    CHECK(wan(dy->values[index(Fig::personnel)]) == "31.46");
    CHECK(wan(dy->values[index(Fig::public_)]) == "4.81");
    CHECK(wan(dy->values[index(Fig::basic)]) == "36.27");
    CHECK(wan(dy->values[index(Fig::expenditure_total)]) == "36.27");
    CHECK(wan(dy->values[index(Fig::income_total)]) == "36.27");
    CHECK(wan(dy->values[index(Fig::three_public_total)]) == "0.00");
    // 人员经费 31.46 of 36.27 is 86.74%; 日常公用经费 4.81 is 13.26%.
    CHECK(pct(dy->shares[index(Fig::personnel)]) == "86.74");
    CHECK(pct(dy->shares[index(Fig::public_)]) == "13.26");
}

TEST_CASE("the sample disclosure's change from 2019 is +5.90 and +19.43%", "[compute][sample]") {
    const auto run = run_stages(GONGKAI_SOURCE_DIR "/content");
    const DepartmentYear* dy = find_year(run->derived, kSample, 2020);
    REQUIRE(dy != nullptr);
    const auto& change = dy->changes[index(Fig::expenditure_total)];
    REQUIRE(change.has_value());
    CHECK(wan(change->previous) == "30.37");
    CHECK(wan(change->amount) == "5.90");
    CHECK(pct(change->percent) == "19.43");
    CHECK(change->direction == Direction::increase);
    CHECK(change->from_previous_section);
    // “三公”经费均与2019年持平: 0 → 0 is unchanged and has no percentage.
    const auto& three = dy->changes[index(Fig::three_public_total)];
    REQUIRE(three.has_value());
    CHECK(three->direction == Direction::unchanged);
    CHECK(pct(three->percent) == "null");
}

TEST_CASE("totals the file leaves out are the sums of its parts, 36.27 = 31.46 + 4.81", "[compute][sample]") {
    test::ContentTree tree;
    test::add_minimal_site(tree);
    tree.file("departments/union/2020.toml",
              "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n"
              "[previous]\nbasis = \"budget\"\nexpenditure_total = 30.37\n");
    const auto run = run_stages(tree.root());
    const DepartmentYear* dy = find_year(run->derived, "union", 2020);
    REQUIRE(dy != nullptr);
    CHECK(wan(dy->values[index(Fig::basic)]) == "36.27");
    CHECK(wan(dy->values[index(Fig::expenditure_total)]) == "36.27");
    // Parts not given are not published, so neither is a total over them.
    CHECK(wan(dy->values[index(Fig::income_total)]) == "null");
    const auto& change = dy->changes[index(Fig::expenditure_total)];
    REQUIRE(change.has_value());
    CHECK(wan(change->amount) == "5.90");
    CHECK(pct(change->percent) == "19.43");
}
