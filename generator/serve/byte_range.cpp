#include "serve/byte_range.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace gk {

namespace {

// 1*DIGIT. A number too large for 64 bits is still a number, just larger
// than any file: `bytes=0-99999999999999999999` means "to the end".
std::optional<std::uint64_t> number(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || end != text.data() + text.size()) return std::nullopt;
    if (ec == std::errc::result_out_of_range) return UINT64_MAX;
    if (ec != std::errc()) return std::nullopt;
    return value;
}

std::string_view trim_ows(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The range unit is compared without regard to case (RFC 9110 §14.1).
bool starts_with_bytes_unit(std::string_view header) {
    constexpr std::string_view unit = "bytes=";
    if (header.size() < unit.size()) return false;
    return std::equal(unit.begin(), unit.end(), header.begin(),
                      [](char u, char h) { return u == std::tolower(static_cast<unsigned char>(h)); });
}

// One range-spec: the range it asks for clipped to the file, nullopt when it
// asks for nothing there (unsatisfiable). Sets `valid` to false on bad syntax.
std::optional<ByteRange> range_spec(std::string_view spec, std::uint64_t size, bool& valid) {
    const std::size_t dash = spec.find('-');
    if (dash == std::string_view::npos) {
        valid = false;
        return std::nullopt;
    }
    const std::string_view first_text = spec.substr(0, dash), last_text = spec.substr(dash + 1);
    if (first_text.empty()) {  // suffix-range: the last n bytes
        const std::optional<std::uint64_t> suffix = number(last_text);
        if (!suffix) valid = false;
        if (!suffix || *suffix == 0 || size == 0) return std::nullopt;
        return ByteRange{size - std::min(*suffix, size), size - 1};
    }
    const std::optional<std::uint64_t> first = number(first_text);
    const std::optional<std::uint64_t> last = last_text.empty() ? std::optional<std::uint64_t>(UINT64_MAX)
                                                                 : number(last_text);
    if (!first || !last || *last < *first) {
        valid = false;
        return std::nullopt;
    }
    if (*first >= size) return std::nullopt;
    return ByteRange{*first, std::min(*last, size - 1)};
}

// Sorted, and overlapping or adjacent ranges made one.
std::vector<ByteRange> merged(std::vector<ByteRange> ranges) {
    std::sort(ranges.begin(), ranges.end(), [](const ByteRange& a, const ByteRange& b) { return a.first < b.first; });
    std::vector<ByteRange> out;
    for (const ByteRange& range : ranges) {
        // `last` is below the file's size, so `last + 1` cannot overflow.
        if (!out.empty() && range.first <= out.back().last + 1) out.back().last = std::max(out.back().last, range.last);
        else out.push_back(range);
    }
    return out;
}

}  // namespace

RangeResult resolve_ranges(std::string_view header, std::uint64_t size) {
    const RangeResult whole;
    if (!starts_with_bytes_unit(header)) return whole;
    std::string_view set = header.substr(6);
    // range-set = 1#range-spec: elements separated by commas with optional
    // whitespace; empty elements are ignored (RFC 9110 §5.6.1.2), but there
    // must be at least one range-spec.
    bool valid = true, any_spec = false;
    std::vector<ByteRange> satisfiable;
    while (valid) {
        const std::size_t comma = set.find(',');
        const std::string_view element = trim_ows(set.substr(0, comma));
        if (!element.empty()) {
            any_spec = true;
            if (const std::optional<ByteRange> range = range_spec(element, size, valid)) satisfiable.push_back(*range);
        }
        if (comma == std::string_view::npos) break;
        set.remove_prefix(comma + 1);
    }
    if (!valid || !any_spec) return whole;
    if (satisfiable.empty()) return {RangeAnswer::unsatisfiable, {}};
    std::vector<ByteRange> ranges = merged(std::move(satisfiable));
    if (ranges.size() > kMaxRangeParts) ranges = {ByteRange{ranges.front().first, ranges.back().last}};
    return {RangeAnswer::partial, std::move(ranges)};
}

std::string content_range(const ByteRange& range, std::uint64_t size) {
    return "bytes " + std::to_string(range.first) + "-" + std::to_string(range.last) + "/" + std::to_string(size);
}

std::string multipart_boundary(const std::vector<std::string>& parts) {
    // The delimiter must not occur inside a part (RFC 2046 §5.1.1); checking
    // that the boundary itself occurs nowhere also rules out a part holding
    // a longer string that starts with it. Each try is one scan of the parts,
    // and a file holds finitely many candidates, so this ends.
    for (std::uint64_t counter = 0;; ++counter) {
        const std::string boundary = "gongkai-byteranges-" + std::to_string(counter);
        const auto contains = [&](const std::string& part) { return part.find(boundary) != std::string::npos; };
        if (std::none_of(parts.begin(), parts.end(), contains)) return boundary;
    }
}

std::string multipart_body(const std::vector<ByteRange>& ranges, const std::vector<std::string>& parts,
                           std::string_view content_type, std::uint64_t size, std::string_view boundary) {
    std::string body;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        body.append("--").append(boundary).append("\r\n");
        body.append("Content-Type: ").append(content_type).append("\r\n");
        body.append("Content-Range: ").append(content_range(ranges[i], size)).append("\r\n\r\n");
        body.append(parts[i]).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return body;
}

}  // namespace gk
