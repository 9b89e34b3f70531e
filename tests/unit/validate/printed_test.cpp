// [printed] entries that cannot apply to their file are errors of the file,
// reported by validate together with every other error of the run.
#include <catch2/catch.hpp>

#include "unit/support/content_tree.h"

using namespace gk::test;
using Lines = std::vector<std::string>;

namespace {

Lines validate_year_file(const std::string& text) { return check_site_file("departments/union/2020.toml", text); }

}  // namespace

TEST_CASE("a printed execution rate in a budget file is found with the other errors", "[validate][printed]") {
    CHECK(validate_year_file("year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\ntotal = 36.28\n"
                             "[printed.execution]\nbasic = 100\n") ==
          Lines{"departments/union/2020.toml:5:9: error: 'total' in [expenditure] is 36.28 but its parts add up to "
                "36.27",
                "departments/union/2020.toml:7:9: error: [printed.execution] belongs in a <year>-final.toml file"});
}

TEST_CASE("a printed share of a figure without a share is an error before compute", "[validate][printed]") {
    CHECK(validate_year_file("year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n"
                             "[printed.share]\nexpenditure_total = 100\npersonnel = 86.74\n") ==
          Lines{"departments/union/2020.toml:6:21: error: 'expenditure_total' has no share: shares are of the "
                "income parts, the expenditure parts, and personnel and public within basic"});
}

TEST_CASE("a printed execution rate in a final accounts file is not an error of the file", "[validate][printed]") {
    ContentTree tree;
    add_minimal_site(tree);
    tree.file("departments/union/2020-final.toml",
              "year = 2020\n[expenditure]\npersonnel = 31.46\npublic = 4.81\n[printed.execution]\nbasic = 100\n");
    CHECK(check_content(tree).empty());
}
