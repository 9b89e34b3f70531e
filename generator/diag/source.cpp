#include "diag/source.h"

namespace gk {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
}

std::string_view SourceFile::line(std::uint32_t n) const {
    if (n == 0 || n > line_starts_.size()) return {};
    const std::size_t begin = line_starts_[n - 1];
    std::size_t end = n < line_starts_.size() ? line_starts_[n] - 1 : text_.size();
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

}  // namespace gk
