// Source files and positions in them, so that a problem found in any stage
// points at the exact line of the content a person wrote.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gk {

// One file (or folder) of the content. Text is kept for files we parsed, so
// diagnostics can quote the offending line and the loader can read a value's
// literal text back.
class SourceFile {
public:
    SourceFile(std::string path, std::string text);

    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }
    // Line n (1-based) without its line break; empty past the end.
    std::string_view line(std::uint32_t n) const;
    // Byte offset in `line(n)` of 1-based column `col` counted in code points,
    // which is how toml++ counts columns.
    std::size_t column_to_byte(std::uint32_t n, std::uint32_t col) const;

private:
    std::string path_;
    std::string text_;
    // 32 bits: half the memory for the ~2 million lines of a large portal;
    // the constructor refuses a text of 4 GiB or more.
    std::vector<std::uint32_t> line_starts_;
};

// A position: line and column are 1-based; 0 means "the file as a whole".
struct SourceLoc {
    const SourceFile* file = nullptr;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    bool known() const { return file != nullptr; }
    friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

// Owns every SourceFile of a run; pointers to them stay valid for its life.
// Safe to add to from several threads.
class SourceSet {
public:
    const SourceFile& add(std::string path, std::string text = {});

private:
    std::mutex mutex_;
    std::deque<SourceFile> files_;
};

}  // namespace gk
