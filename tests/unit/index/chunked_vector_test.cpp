#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "index/chunked_vector.h"

using gk::ChunkedVector;

TEST_CASE("a chunked vector keeps every element in place as it grows, block after block", "[index]") {
    ChunkedVector<std::uint64_t, 3> v;  // blocks of 8 (each mapped on its own: a page)
    CHECK(v.empty());
    std::vector<const std::uint64_t*> addresses;
    for (std::uint64_t i = 0; i < 100; ++i) {
        v.push_back(i * 7);
        addresses.push_back(&v[i]);
    }
    CHECK(v.size() == 100);
    for (std::size_t i = 0; i < 100; ++i) {
        CHECK(v[i] == i * 7);
        CHECK(&v[i] == addresses[i]);  // never moved
    }
    v[42] += 1;
    CHECK(v[42] == 42 * 7 + 1);
    const auto& constant = v;
    CHECK(constant[99] == 99 * 7);
    v.release();
    CHECK(v.empty());
    v.push_back(5);
    CHECK(v.size() == 1);
    CHECK(v[0] == 5);
}
