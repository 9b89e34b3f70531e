#include "diag/source.h"

#include <cstring>
#include <limits>
#include <stdexcept>

namespace gk {

namespace {

// Line breaks in `text`, eight bytes at a time: std::count goes byte by byte
// here, and this runs over every byte of the content (~85 MB for 9,000
// department-years).
std::size_t count_line_breaks(std::string_view text) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    std::size_t count = 0;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        const std::uint64_t x = word ^ (ones * '\n');  // a zero byte where there was a '\n'
        // The high bit of each byte that is zero, exactly (no borrow between bytes).
        const std::uint64_t zero = ~(((x & low7) + low7) | x | low7);
        // One bit per matching byte, summed into the top byte by the multiply
        // (no popcount: without -mpopcnt it is a library call).
        count += static_cast<std::size_t>(((zero >> 7) * ones) >> 56);
    }
    for (; i < text.size(); ++i) count += text[i] == '\n';
    return count;
}

constexpr std::size_t kMaxText = std::numeric_limits<std::uint32_t>::max();

}  // namespace

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
    if (text_.size() >= kMaxText)
        throw std::length_error(path_ + ": a file of 4 GiB or more cannot be a content file");
}

SourceFile::SourceFile(std::string path, Reader read_later)
    : path_(std::move(path)), read_later_(std::move(read_later)) {}

bool SourceFile::read() const {
    std::call_once(read_once_, [&] {
        if (!read_later_) return;
        std::optional<std::string> bytes = read_later_();
        readable_ = bytes && bytes->size() < kMaxText;
        if (readable_) text_ = std::move(*bytes);
    });
    return readable_;
}

const std::string& SourceFile::text() const {
    if (!read()) throw std::runtime_error("cannot read '" + path_ + "' (it changed while the site was being built)");
    return text_;
}

void SourceFile::index_lines() const {
    std::call_once(lines_once_, [&] {
        if (!read()) return;
        // Counted first, so the index is allocated once at its final size.
        line_starts_.reserve(count_line_breaks(text_) + 1);
        line_starts_.push_back(0);
        const char* const begin = text_.data();
        const char* const end = begin + text_.size();
        for (const char* p = begin;
             (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));) {
            ++p;
            line_starts_.push_back(static_cast<std::uint32_t>(p - begin));
        }
    });
}

std::string_view SourceFile::line(std::uint32_t n) const {
    index_lines();
    if (n == 0 || n > line_starts_.size()) return {};
    const std::size_t begin = line_starts_[n - 1];
    std::size_t end = n < line_starts_.size() ? std::size_t{line_starts_[n]} - 1 : text_.size();
    if (end > begin && text_[end - 1] == '\r') --end;
    return std::string_view(text_).substr(begin, end - begin);
}

std::size_t SourceFile::column_to_byte(std::uint32_t n, std::uint32_t col) const {
    const std::string_view text = line(n);
    std::size_t byte = 0;
    for (std::uint32_t c = 1; c < col && byte < text.size(); ++c) {
        // Skip one UTF-8 code point: a lead byte, then its continuation bytes.
        ++byte;
        while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
    }
    return byte;
}

const SourceFile& SourceSet::add(std::string path, std::string text) {
    std::lock_guard lock(mutex_);
    return files_.emplace_back(std::move(path), std::move(text));
}

const SourceFile& SourceSet::add_deferred(std::string path, SourceFile::Reader read_later) {
    std::lock_guard lock(mutex_);
    return files_.emplace_back(std::move(path), std::move(read_later));
}

}  // namespace gk
