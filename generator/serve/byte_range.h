// `Range: bytes=…` (RFC 9110 §14.1-14.3) as the preview server answers it,
// and the multipart/byteranges body (§14.6) that several ranges get: the
// search client asks for many slices of one pack file in one request
// (docs/search-format.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gk {

struct ByteRange {
    std::uint64_t first = 0;
    std::uint64_t last = 0;  // inclusive

    std::uint64_t length() const { return last - first + 1; }
    bool operator==(const ByteRange&) const = default;
};

enum class RangeAnswer { whole, partial, unsatisfiable };

struct RangeResult {
    RangeAnswer answer = RangeAnswer::whole;
    // partial: one or more ranges inside the file, ascending, with no two
    // overlapping or adjacent; more than one asks for a multipart answer.
    std::vector<ByteRange> ranges;
};

// More parts than this (after merging) are answered as one range from the
// first part's first byte to the last part's last byte: see resolve_ranges.
inline constexpr std::size_t kMaxRangeParts = 200;

// `bytes=a-b, c-, -n, …` against a file of `size` bytes.
// - Any syntax error (other units, a range whose last is before its first,
//   garbage) → whole: RFC 9110 lets a server ignore a Range it cannot use.
// - Ranges starting at or past the end, and `-0`, are dropped; none left →
//   unsatisfiable (416).
// - The rest are clipped to the file, sorted and merged where they overlap
//   or touch, so that overlapping ranges cannot multiply the bytes sent.
// - More than kMaxRangeParts parts → the one range covering them all: the
//   client still gets every byte it asked for, in one copy never larger than
//   the file, while a header of thousands of tiny ranges cannot make the
//   server build thousands of parts (Apache's MaxRanges is also 200).
RangeResult resolve_ranges(std::string_view header, std::uint64_t size);

// "bytes a-b/size", the Content-Range of a range (a part's, or a single-range answer's).
std::string content_range(const ByteRange& range, std::uint64_t size);

// A multipart boundary that occurs in none of `parts`: a fixed prefix and a
// counter, the counter raised until no part contains it. Deterministic.
std::string multipart_boundary(const std::vector<std::string>& parts);

// The multipart/byteranges body: for each range and its bytes,
// `--B\r\nContent-Type: T\r\nContent-Range: bytes a-b/size\r\n\r\n<bytes>\r\n`,
// then `--B--\r\n`.
std::string multipart_body(const std::vector<ByteRange>& ranges, const std::vector<std::string>& parts,
                           std::string_view content_type, std::uint64_t size, std::string_view boundary);

}  // namespace gk
