// Warnings that need derived figures (spec §6, §7): a [previous] figure
// against last year's file, and [printed] figures against computed ones.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk::test;
using Lines = std::vector<std::string>;

namespace {

// The sample's 2019 budget: expenditure 30.37, three-public 1.
const std::string k2019 = "year = 2019\n[expenditure]\npersonnel = 27\npublic = 3.37\n[three_public]\ntotal = 1\n";

// A department with 2019.toml and `year2020` as 2020.toml, checked in full.
Lines check_two_years(const std::string& year2020, const std::string& year2019 = k2019) {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2019.toml", year2019);
    tree.file("departments/union/2020.toml", year2020);
    return check_content_and_derived(tree);
}

const std::string k2020 = "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n";

}  // namespace

TEST_CASE("a [previous] figure that differs from last year's file is a warning quoting both", "[validate][derived]") {
    CHECK(check_two_years(k2020 + "[previous]\nexpenditure_total = 30.00\nthree_public_total = 1\n") ==
          Lines{"departments/union/2020.toml:6:21: warning: [previous] 'expenditure_total' is 30.00 but 2019.toml "
                "gives 30.37; add a 'note' to [previous] if the base was adjusted"});
}

TEST_CASE("a [previous] figure equal to last year's file passes", "[validate][derived]") {
    CHECK(check_two_years(k2020 + "[previous]\nexpenditure_total = 30.37\npersonnel = 27\n").empty());
}

TEST_CASE("a note or a basis other than budget explains a different [previous] figure", "[validate][derived]") {
    CHECK(check_two_years(k2020 + "[previous]\nnote = \"剔除不再列入部门预算项目支出的转移支付资金\"\n"
                                  "expenditure_total = 30.00\n")
              .empty());
    CHECK(check_two_years(k2020 + "[previous]\nbasis = \"execution\"\nexpenditure_total = 30.00\n").empty());
    CHECK(check_two_years(k2020 + "[previous]\nbasis = \"adjusted\"\nexpenditure_total = 30.00\n").empty());
}

TEST_CASE("a [previous] figure with no file for last year is not compared", "[validate][derived]") {
    CHECK(check_year_file(k2020 + "[previous]\nexpenditure_total = 30.00\n").empty());
}

TEST_CASE("a final-accounts [previous] is compared with last year's final accounts", "[validate][derived]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2019.toml", k2019);
    tree.file("departments/union/2019-final.toml", "year = 2019\n[expenditure]\npersonnel = 28\npublic = 3\n");
    tree.file("departments/union/2020-final.toml",
              "year = 2020\n[expenditure]\npersonnel = 31\n[previous]\nbasis = \"final\"\nexpenditure_total = 30.37\n");
    CHECK(check_content_and_derived(tree) ==
          Lines{"departments/union/2020-final.toml:6:21: warning: [previous] 'expenditure_total' is 30.37 but "
                "2019-final.toml gives 31.00; add a 'note' to [previous] if the base was adjusted"});
}

TEST_CASE("a printed change that differs from the computed one is a warning with both", "[validate][derived]") {
    CHECK(check_two_years(k2020 + "[printed.change.expenditure_total]\namount = 5.8\npercent = 19.44\n") ==
          Lines{"departments/union/2020.toml:6:10: warning: the document printed a change of 5.8 but its figures give "
                "5.90",
                "departments/union/2020.toml:7:11: warning: the document printed 19.44% but its figures give 19.43%"});
}

TEST_CASE("a printed figure is checked to the decimals printed", "[validate][derived]") {
    // 5.90 / 30.37 = 19.427…%: 19.4 and 19.43 and 19 are all right as printed; 5.9 is 5.90.
    CHECK(check_two_years(k2020 + "[printed.change.expenditure_total]\namount = 5.9\npercent = 19.4\n").empty());
    CHECK(check_two_years(k2020 + "[printed.change.expenditure_total]\namount = 6\npercent = 19\n").empty());
    CHECK(check_two_years(k2020 + "[printed.change.expenditure_total]\namount = 5.900000\npercent = 19.4271\n")
              .empty());
    CHECK(check_two_years(k2020 + "[printed.change.expenditure_total]\npercent = 19.5\n") ==
          Lines{"departments/union/2020.toml:6:11: warning: the document printed 19.5% but its figures give 19.43%"});
    CHECK(check_two_years(k2020 + "[printed.change.expenditure_total]\npercent = 19.4200\n") ==
          Lines{"departments/union/2020.toml:6:11: warning: the document printed 19.4200% but its figures give "
                "19.4271%"});
}

TEST_CASE("a printed decrease is compared by its size, since the prose gives the direction", "[validate][derived]") {
    // 45.00 → 40.20: "减少4.80万元，下降10.67%".
    CHECK(check_two_years("year = 2020\n[expenditure]\ntotal = 40.20\n[printed.change.expenditure_total]\n"
                          "amount = 4.80\npercent = 10.67\n",
                          "year = 2019\n[expenditure]\ntotal = 45\n")
              .empty());
    CHECK(check_two_years("year = 2020\n[expenditure]\ntotal = 40.20\n[printed.change.expenditure_total]\n"
                          "amount = -4.80\npercent = -10.67\n",
                          "year = 2019\n[expenditure]\ntotal = 45\n")
              .empty());
}

TEST_CASE("a printed change with nothing to compare with is a warning", "[validate][derived]") {
    CHECK(check_year_file(k2020 + "[printed.change.expenditure_total]\namount = 5.9\npercent = 19.43\n") ==
          Lines{"departments/union/2020.toml:6:10: warning: the document printed a change of 'expenditure_total' but "
                "there is no previous figure to compare with",
                "departments/union/2020.toml:7:11: warning: the document printed a change of 'expenditure_total' but "
                "its figures do not give one"});
}

TEST_CASE("a printed percentage of a change from 0 is a warning", "[validate][derived]") {
    CHECK(check_two_years("year = 2020\n[three_public]\ntotal = 2\n[previous]\nthree_public_total = 0\nnote = \"x\"\n"
                          "[printed.change.three_public_total]\npercent = 100\n") ==
          Lines{"departments/union/2020.toml:8:11: warning: the document printed 100% for 'three_public_total' but "
                "the base is 0, so there is no percentage"});
}

TEST_CASE("a printed share that differs from the computed one is a warning", "[validate][derived]") {
    CHECK(check_year_file(k2020 + "[printed.share]\npersonnel = 86.75\npublic = 13.26\nbasic = 100\n") ==
          Lines{"departments/union/2020.toml:6:13: warning: the document printed 86.75% but its figures give 86.74%"});
}

TEST_CASE("a printed share of a figure that has none is an error", "[validate][derived]") {
    CHECK(check_year_file(k2020 + "[printed.share]\nexpenditure_total = 100\n") ==
          Lines{"departments/union/2020.toml:6:21: error: 'expenditure_total' has no share: shares are of the income "
                "parts, the expenditure parts, and personnel and public within basic"});
}

TEST_CASE("a printed execution rate is checked against final over budget", "[validate][derived]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020.toml", k2020);
    tree.file("departments/union/2020-final.toml", "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.00\n"
                                                   "[printed.execution]\nbasic = 97.7\npersonnel = 100\npublic = 83.16\n");
    CHECK(check_content_and_derived(tree) ==
          Lines{"departments/union/2020-final.toml:6:9: warning: the document printed 97.7% but its figures give "
                "97.77%"});
}

TEST_CASE("a printed execution rate in a budget file is an error", "[validate][derived]") {
    CHECK(check_year_file(k2020 + "[printed.execution]\nbasic = 100\n") ==
          Lines{"departments/union/2020.toml:6:9: error: [printed.execution] belongs in a <year>-final.toml file"});
}

TEST_CASE("printed figures with very many decimals are compared exactly, never wrapped", "[validate][derived]") {
    // These once overflowed 128 bits and produced warnings with garbage figures.
    const std::string zeros(26, '0');
    CHECK(check_two_years("year = 2020\n[expenditure]\npersonnel = 900000000\npublic = 100000000\n"
                          "[previous]\nexpenditure_total = 500000000\nnote = \"x\"\n"
                          "[printed.change.expenditure_total]\namount = 500000000." + zeros +
                          "\npercent = 100." + zeros + "\n[printed.share]\npersonnel = 90." + zeros + "\n")
              .empty());
    CHECK(check_two_years("year = 2020\n[expenditure]\npersonnel = 900000000\npublic = 100000000\n"
                          "[previous]\nexpenditure_total = 0.000001\nnote = \"x\"\n"
                          "[printed.change.expenditure_total]\npercent = 100." + zeros + "\n") ==
          Lines{"departments/union/2020.toml:9:11: warning: the document printed 100." + zeros +
                "% but its figures give 99999999999999900.00%"});
}
