#include "serve/byte_range.h"

#include <algorithm>
#include <charconv>

namespace gk {

namespace {

std::optional<std::uint64_t> number(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

RangeResult resolve_range(std::string_view header, std::uint64_t size) {
    const RangeResult whole;
    if (!header.starts_with("bytes=")) return whole;
    const std::string_view spec = header.substr(6);
    const std::size_t dash = spec.find('-');
    if (dash == std::string_view::npos || spec.find(',') != std::string_view::npos) return whole;
    const std::string_view first_text = spec.substr(0, dash), last_text = spec.substr(dash + 1);
    if (first_text.empty()) {  // the last n bytes
        const std::optional<std::uint64_t> suffix = number(last_text);
        if (!suffix) return whole;
        if (*suffix == 0 || size == 0) return {RangeAnswer::unsatisfiable, {}};
        return {RangeAnswer::partial, {size - std::min(*suffix, size), size - 1}};
    }
    const std::optional<std::uint64_t> first = number(first_text);
    const std::optional<std::uint64_t> last = last_text.empty() ? std::optional<std::uint64_t>(UINT64_MAX)
                                                                 : number(last_text);
    if (!first || !last || *last < *first) return whole;
    if (*first >= size) return {RangeAnswer::unsatisfiable, {}};
    return {RangeAnswer::partial, {*first, std::min(*last, size - 1)}};
}

}  // namespace gk
