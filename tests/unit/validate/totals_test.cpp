// Per-file rules of spec §7: the year, totals against their parts (§4), the
// balance, and the operating-expenses warning.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk::test;
using Lines = std::vector<std::string>;

namespace {

// The minimal site with `tolerance` and one year file.
Lines check_with_tolerance(const std::string& tolerance, const std::string& year_file) {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("site.toml", "title = \"桥西区\"\nregion = \"桥西区\"\ntolerance = " + tolerance + "\n");
    tree.file("departments/union/2020.toml", year_file);
    return check_content_and_derived(tree);
}

// The sample disclosure's figures (桥西区总工会 2020), which add up.
const std::string kSample = R"(year = 2020
[income]
general_public = 36.27
total = 36.27
[expenditure]
personnel = 31.46
public = 4.81
basic = 36.27
project = 0
total = 36.27
[operating_expenses]
amount = 4.81
[three_public]
outbound = 0
vehicle_purchase = 0
vehicle_operation = 0
vehicle_total = 0
reception = 0
total = 0
)";

}  // namespace

TEST_CASE("the sample disclosure's figures pass every check", "[validate][totals]") {
    CHECK(check_year_file(kSample).empty());
}

TEST_CASE("a year that does not match the file name is an error", "[validate][year]") {
    CHECK(check_year_file("year = 2019\n") ==
          Lines{"departments/union/2020.toml:1:8: error: 'year' is 2019 but the file name says 2020"});
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2021-final.toml", "year = 2020\n");
    CHECK(check_content(tree) ==
          Lines{"departments/union/2021-final.toml:1:8: error: 'year' is 2020 but the file name says 2021"});
}

TEST_CASE("a stated total that differs from its parts is reported with both numbers", "[validate][totals]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 36.27\ntotal = 36.28\n"
                          "[expenditure]\npersonnel = 36.28\n") ==
          Lines{"departments/union/2020.toml:4:9: error: 'total' in [income] is 36.28 but its parts add up to 36.27"});
}

TEST_CASE("every total of the contract is checked against its own parts", "[validate][totals]") {
    // Each total is checked against its parts as printed, a wrong sub-total
    // included: basic counts as 36.00 inside the expenditure total (56.00),
    // vehicle_total as 5.50 inside the three-public total (10.50).
    CHECK(check_year_file(R"(year = 2020
[expenditure]
personnel = 31.46
public = 4.81
basic = 36.00
project = 10
remit_superior = 1
business_operation = 2
subsidiary_subsidy = 3
other = 4
total = 60
[three_public]
outbound = 1
vehicle_purchase = 2
vehicle_operation = 3
vehicle_total = 5.5
reception = 4
total = 11
)") == Lines{"departments/union/2020.toml:5:9: error: 'basic' in [expenditure] is 36.00 but its parts add up to 36.27",
             "departments/union/2020.toml:11:9: error: 'total' in [expenditure] is 60.00 but its parts add up to 56.00",
             "departments/union/2020.toml:16:17: error: 'vehicle_total' in [three_public] is 5.50 but its parts add "
             "up to 5.00",
             "departments/union/2020.toml:18:9: error: 'total' in [three_public] is 11.00 but its parts add up to "
             "10.50"});
}

TEST_CASE("missing parts of a total are 0 and a total given alone is not checked", "[validate][totals]") {
    // Only general_public of the twelve income parts: the others are 0.
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 36.27\ntotal = 36.27\n"
                          "[expenditure]\ntotal = 36.27\n[three_public]\ntotal = 2\n")
              .empty());
}

TEST_CASE("a difference within the tolerance is a warning, beyond it an error", "[validate][totals]") {
    const std::string file = "year = 2020\n[income]\ngeneral_public = 36.27\ntotal = 36.28\n"
                             "[expenditure]\npersonnel = 36.28\n";
    CHECK(check_with_tolerance("0.01", file) ==
          Lines{"departments/union/2020.toml:4:9: warning: 'total' in [income] is 36.28 but its parts add up to "
                "36.27; the difference of 0.01 is within the tolerance (尾差)"});
    CHECK(check_with_tolerance("0.009999", file) ==
          Lines{"departments/union/2020.toml:4:9: error: 'total' in [income] is 36.28 but its parts add up to 36.27"});
}

TEST_CASE("income that does not equal expenditure plus carry-forward is an error", "[validate][balance]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 36.27\ncarryover = 1\n"
                          "[expenditure]\npersonnel = 31.46\npublic = 4.81\ncarry_forward = 0.5\n") ==
          Lines{"departments/union/2020.toml:2:1: error: income (37.27) does not equal expenditure (36.27) plus "
                "carry_forward (0.50): the difference is 0.50"});
    // Pointed at the stated income total when there is one.
    CHECK(check_year_file("year = 2020\n[income]\ntotal = 30\n[expenditure]\ntotal = 36.27\n") ==
          Lines{"departments/union/2020.toml:3:9: error: income (30.00) does not equal expenditure (36.27) plus "
                "carry_forward (0.00): the difference is -6.27"});
}

TEST_CASE("carry-forward completes the expenditure side of the balance", "[validate][balance]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 36.27\ncarryover = 1\n"
                          "[expenditure]\npersonnel = 31.46\npublic = 4.81\ncarry_forward = 1\n")
              .empty());
}

TEST_CASE("the balance is not checked when one side is not published", "[validate][balance]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 36.27\n").empty());
    CHECK(check_year_file("year = 2020\n[expenditure]\npersonnel = 1\n").empty());
}

TEST_CASE("a balance within the tolerance is a warning", "[validate][balance]") {
    CHECK(check_with_tolerance("0.01", "year = 2020\n[income]\ngeneral_public = 36.27\n"
                                       "[expenditure]\npersonnel = 36.26\n") ==
          Lines{"departments/union/2020.toml:2:1: warning: income (36.27) does not equal expenditure (36.26) plus "
                "carry_forward (0.00): the difference is 0.01, within the tolerance (尾差)"});
}

TEST_CASE("a total that does not add up is not reported a second time as an unbalanced file",
          "[validate][balance]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 36.27\ntotal = 40\n"
                          "[expenditure]\npersonnel = 40\n") ==
          Lines{"departments/union/2020.toml:4:9: error: 'total' in [income] is 40.00 but its parts add up to 36.27"});
}

TEST_CASE("operating expenses of 0 while public expenditure is positive is a warning", "[validate][operating]") {
    CHECK(check_year_file("year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n"
                          "[operating_expenses]\namount = 0\n") ==
          Lines{"departments/union/2020.toml:6:10: warning: operating expenses are 0 while public expenditure is "
                "4.81: check the figure, or say why in [notes] operating_expenses"});
}

TEST_CASE("a note on operating expenses answers the warning", "[validate][operating]") {
    CHECK(check_year_file("year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n"
                          "[operating_expenses]\namount = 0\n[notes]\n"
                          "operating_expenses = \"工会的机关正常运转的支出由工会经费支出。\"\n")
              .empty());
}

TEST_CASE("no operating-expenses warning when public expenditure is 0 or either is not published",
          "[validate][operating]") {
    CHECK(check_year_file("year = 2020\n[expenditure]\npersonnel = 1\npublic = 0\n[operating_expenses]\namount = 0\n")
              .empty());
    CHECK(check_year_file("year = 2020\n[expenditure]\npersonnel = 1\npublic = 4.81\n").empty());
    CHECK(check_year_file("year = 2020\n[expenditure]\nbasic = 4.81\n[operating_expenses]\namount = 0\n").empty());
}

TEST_CASE("a wrong sub-total is one error, and the totals above compare with it as printed", "[validate][totals]") {
    // basic is off by 0.01; expenditure total = basic as printed + project, so
    // only the basic line of the document's arithmetic is wrong.
    CHECK(check_year_file("year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\nbasic = 36.28\n"
                          "project = 0\ntotal = 36.28\n") ==
          Lines{"departments/union/2020.toml:5:9: error: 'basic' in [expenditure] is 36.28 but its parts add up to "
                "36.27"});
    // A wrong part under a right sub-total is one error too.
    CHECK(check_year_file("year = 2020\n[expenditure]\npersonnel = 31.47\npublic = 4.81\nbasic = 36.27\n"
                          "project = 0\ntotal = 36.27\n") ==
          Lines{"departments/union/2020.toml:5:9: error: 'basic' in [expenditure] is 36.27 but its parts add up to "
                "36.28"});
}

TEST_CASE("an unbalanced file is reported even when an unrelated total is wrong", "[validate][totals]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 36.27\n[expenditure]\npersonnel = 30\n"
                          "[three_public]\nreception = 1\ntotal = 2\n") ==
          Lines{"departments/union/2020.toml:2:1: error: income (36.27) does not equal expenditure (30.00) plus "
                "carry_forward (0.00): the difference is 6.27",
                "departments/union/2020.toml:8:9: error: 'total' in [three_public] is 2.00 but its parts add up to "
                "1.00"});
    CHECK(check_year_file("year = 2020\nprocurement_total = 5\n[income]\ngeneral_public = 36.27\n[expenditure]\n"
                          "personnel = 30\n[[procurement]]\ntotal = 1\n") ==
          Lines{"departments/union/2020.toml:2:21: error: 'procurement_total' is 5.00 but the [[procurement]] rows "
                "add up to 1.00",
                "departments/union/2020.toml:3:1: error: income (36.27) does not equal expenditure (30.00) plus "
                "carry_forward (0.00): the difference is 6.27"});
}

TEST_CASE("a wrong income total is one error, not also an unbalanced file", "[validate][totals]") {
    CHECK(check_year_file("year = 2020\n[income]\ngeneral_public = 36.27\ntotal = 36.28\n[expenditure]\n"
                          "personnel = 36.27\n") ==
          Lines{"departments/union/2020.toml:4:9: error: 'total' in [income] is 36.28 but its parts add up to 36.27"});
}
