// A reference lookup over the written index files: the algorithm of the
// client's core (themes/default/assets/search-core.js) in C++, so that unit
// tests check the index through the same reading the browser does.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gk {

struct SearchHit {
    std::uint32_t doc = 0;
    std::uint64_t score = 0;
    std::uint32_t snippet = 0;  // UTF-16 position in the page's text
};

struct QuerySegment {
    bool word = false;  // a word (found by prefix), else a run of characters (found exactly)
    std::string text;   // UTF-8; words folded to lower-case ASCII
};

// The query's segments, as the client cuts them (duplicates dropped).
std::vector<QuerySegment> parse_query(std::string_view query);

// `read` returns a file under search/ by its path there ("manifest.json",
// "d/3.bin"), or nothing. Hits are ranked: score, then page order.
std::vector<SearchHit> search_index(const std::function<std::optional<std::string>(const std::string&)>& read,
                                    std::string_view query);

}  // namespace gk
