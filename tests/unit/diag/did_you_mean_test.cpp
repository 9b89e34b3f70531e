#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "diag/did_you_mean.h"

using namespace gk;

namespace {

const std::vector<std::string_view> kExpenditureKeys = {
    "personnel", "public", "basic", "project", "remit_superior", "business_operation",
    "subsidiary_subsidy", "other", "total", "carry_forward"};

std::optional<std::string> suggest(std::string_view word) { return closest_match(word, kExpenditureKeys); }

}  // namespace

TEST_CASE("a misspelt key gets the key it was meant to be", "[diag][did_you_mean]") {
    CHECK(suggest("personel") == "personnel");     // a letter missing
    CHECK(suggest("personnell") == "personnel");   // a letter too many
    CHECK(suggest("pubilc") == "public");          // two letters swapped
    CHECK(suggest("totl") == "total");
    CHECK(suggest("carryforward") == "carry_forward");
    CHECK(suggest("Project") == "project");
}

TEST_CASE("an unrelated word gets no suggestion", "[diag][did_you_mean]") {
    CHECK_FALSE(suggest("amount").has_value());
    CHECK_FALSE(suggest("year").has_value());
    CHECK_FALSE(suggest("x").has_value());
    CHECK_FALSE(suggest("").has_value());
    CHECK_FALSE(suggest("三公经费").has_value());
    CHECK_FALSE(closest_match("personel", {}).has_value());
}

TEST_CASE("a very long word gets no suggestion and costs nothing", "[diag][did_you_mean]") {
    CHECK_FALSE(suggest(std::string(65, 'p')).has_value());
    CHECK_FALSE(suggest(std::string(100000, 'a')).has_value());
}

TEST_CASE("of two equally close candidates the earlier one is suggested", "[diag][did_you_mean]") {
    const std::vector<std::string_view> candidates = {"meeting", "meetinx"};
    CHECK(closest_match("meetinq", candidates) == "meeting");
    const std::vector<std::string_view> reversed = {"meetinx", "meeting"};
    CHECK(closest_match("meetinq", reversed) == "meetinx");
}

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps", "[diag][did_you_mean]") {
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("ab", "ba") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("same", "same") == 0);
    CHECK(edit_distance("personel", "personnel") == 1);
}
