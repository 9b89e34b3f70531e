#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "serve/byte_range.h"

using gk::ByteRange;
using gk::RangeAnswer;
using gk::RangeResult;

namespace {

std::vector<ByteRange> ranges(std::string_view header, std::uint64_t size) {
    const RangeResult result = gk::resolve_ranges(header, size);
    REQUIRE(result.answer == RangeAnswer::partial);
    return result.ranges;
}

RangeAnswer answer(std::string_view header, std::uint64_t size) { return gk::resolve_ranges(header, size).answer; }

}  // namespace

TEST_CASE("a Range header is read as a list of byte ranges", "[serve]") {
    CHECK(ranges("bytes=2-5", 10) == std::vector<ByteRange>{{2, 5}});
    CHECK(ranges("bytes=0-1,4-5", 10) == std::vector<ByteRange>{{0, 1}, {4, 5}});
    CHECK(ranges("bytes=0-1 , 4-5,\t7-", 10) == std::vector<ByteRange>{{0, 1}, {4, 5}, {7, 9}});
    CHECK(ranges("bytes=8-100", 10) == std::vector<ByteRange>{{8, 9}});
    CHECK(ranges("bytes=0-99999999999999999999999", 10) == std::vector<ByteRange>{{0, 9}});
    // Empty list elements are ignored (RFC 9110 §5.6.1.2); the unit's case is not significant.
    CHECK(ranges("bytes=,0-1,,4-5,", 10) == std::vector<ByteRange>{{0, 1}, {4, 5}});
    CHECK(ranges("Bytes=0-1", 10) == std::vector<ByteRange>{{0, 1}});
}

TEST_CASE("suffix ranges count from the end of the file", "[serve]") {
    CHECK(ranges("bytes=-3", 10) == std::vector<ByteRange>{{7, 9}});
    CHECK(ranges("bytes=-30", 10) == std::vector<ByteRange>{{0, 9}});
    CHECK(ranges("bytes=0-1,-2", 10) == std::vector<ByteRange>{{0, 1}, {8, 9}});
    CHECK(answer("bytes=-0", 10) == RangeAnswer::unsatisfiable);
    CHECK(answer("bytes=-5", 0) == RangeAnswer::unsatisfiable);
}

TEST_CASE("ranges are sorted and merged where they overlap or touch", "[serve]") {
    CHECK(ranges("bytes=6-7,0-1", 10) == std::vector<ByteRange>{{0, 1}, {6, 7}});
    CHECK(ranges("bytes=0-3,2-5", 10) == std::vector<ByteRange>{{0, 5}});
    CHECK(ranges("bytes=0-1,2-3", 10) == std::vector<ByteRange>{{0, 3}});
    CHECK(ranges("bytes=4-5,0-9,2-2", 10) == std::vector<ByteRange>{{0, 9}});
    CHECK(ranges("bytes=0-0,0-0,0-0,0-0", 10) == std::vector<ByteRange>{{0, 0}});
    CHECK(ranges("bytes=0-1,5-6,3-4,8-", 10) == std::vector<ByteRange>{{0, 1}, {3, 6}, {8, 9}});
}

TEST_CASE("unsatisfiable ranges are dropped and none left is unsatisfiable", "[serve]") {
    CHECK(ranges("bytes=2-3,10-11", 10) == std::vector<ByteRange>{{2, 3}});
    CHECK(ranges("bytes=20-,-0,4-", 10) == std::vector<ByteRange>{{4, 9}});
    CHECK(answer("bytes=10-11", 10) == RangeAnswer::unsatisfiable);
    CHECK(answer("bytes=10-11,12-,-0", 10) == RangeAnswer::unsatisfiable);
    CHECK(answer("bytes=0-", 0) == RangeAnswer::unsatisfiable);
}

TEST_CASE("a Range header with bad syntax anywhere asks for the whole file", "[serve]") {
    for (const std::string_view header : {"", "items=0-1", "bytes", "bytes=", "bytes=,", "bytes=5", "bytes=5-2",
                                          "bytes=0-1,5-2", "bytes=0-1,x", "bytes=0-1,4-5;", "bytes=a-b", "bytes=1 -2",
                                          "bytes=+1-2", "bytes=-1-2", "bytes=--1", "bytes=0-1,-", "bytes = 0-1"}) {
        INFO(header);
        CHECK(answer(header, 10) == RangeAnswer::whole);
    }
}

TEST_CASE("more than 200 parts become one range covering them all", "[serve]") {
    std::string header = "bytes=";
    for (int i = 0; i < 201; ++i) header += std::to_string(10 + 2 * i) + "-" + std::to_string(10 + 2 * i) + ",";
    CHECK(ranges(header, 1000) == std::vector<ByteRange>{{10, 410}});
    header.resize(header.rfind("410-410,"));  // 200 parts are answered as asked
    CHECK(ranges(header, 1000).size() == 200);
}

TEST_CASE("a multipart boundary is never found in the parts", "[serve]") {
    CHECK(gk::multipart_boundary({"abc", "def"}) == "gongkai-byteranges-0");
    CHECK(gk::multipart_boundary({"x--gongkai-byteranges-0", "gongkai-byteranges-10"}) == "gongkai-byteranges-2");
}
