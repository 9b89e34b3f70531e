#include <catch2/catch.hpp>

#include "incremental/hash.h"

using gk::Hash128;
using gk::hash128;

TEST_CASE("the high half of hash128 is XXH64 with seed 0, checked against xxhsum", "[incremental][hash]") {
    // Lengths 0, 1, 31 (every tail step) and 64 (two whole stripes): xxhsum -H1.
    CHECK(hash128("").high == 0xef46db3751d8e999ULL);
    CHECK(hash128("a").high == 0xd24ec4f1a98c6e5bULL);
    CHECK(hash128("abcdefghijklmnopqrstuvwxyz01234").high == 0x16058c7b947da137ULL);
    CHECK(hash128("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!?").high == 0x177ae9f7ff227505ULL);
    CHECK(hash128("The quick brown fox jumps over the lazy dog, twice over and over.").high == 0x19fca9f17fbf2695ULL);
}

TEST_CASE("one changed byte anywhere changes both halves of the hash", "[incremental][hash]") {
    const std::string text(100, 'x');
    const Hash128 base = hash128(text);
    CHECK(base.high != base.low);
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string changed = text;
        changed[i] = 'y';
        const Hash128 h = hash128(changed);
        INFO("byte " << i);
        CHECK(h.high != base.high);
        CHECK(h.low != base.low);
    }
    CHECK(hash128(text + '\0') != base);  // a longer text, even by a zero byte
}

TEST_CASE("a hash prints as 32 hex digits and reads back", "[incremental][hash]") {
    const Hash128 h{0x0123456789abcdefULL, 0xfedcba9876543210ULL};
    CHECK(gk::to_hex(h) == "0123456789abcdeffedcba9876543210");
    CHECK(gk::parse_hash("0123456789abcdeffedcba9876543210") == h);
    CHECK_FALSE(gk::parse_hash("0123456789abcdeffedcba987654321"));   // 31 digits
    CHECK_FALSE(gk::parse_hash("0123456789ABCDEFfedcba9876543210"));  // not as written
    CHECK_FALSE(gk::parse_hash("0123456789abcdeffedcba987654321g"));
}
