#include <catch2/catch.hpp>

#include "text/percent.h"

using gk::percent_decode;

TEST_CASE("percent_decode turns %XY into bytes, in either case, and keeps the rest", "[text][percent]") {
    CHECK(percent_decode("a%2Fb%2fc") == std::optional<std::string>("a/b/c"));
    CHECK(percent_decode("%25%09%0A") == std::optional<std::string>("%\t\n"));
    CHECK(percent_decode("%E4%B8%89") == std::optional<std::string>("三"));
    CHECK(percent_decode("plain text") == std::optional<std::string>("plain text"));
    CHECK(percent_decode("") == std::optional<std::string>(""));
    CHECK(percent_decode("%00")->size() == 1);
}

TEST_CASE("percent_decode refuses a % without two hex digits", "[text][percent]") {
    CHECK_FALSE(percent_decode("%"));
    CHECK_FALSE(percent_decode("abc%2"));
    CHECK_FALSE(percent_decode("%G0"));
    CHECK_FALSE(percent_decode("%+1"));
    CHECK_FALSE(percent_decode("%-1"));
}
