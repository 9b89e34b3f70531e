// Source files and positions in them, so that a problem found in any stage
// points at the exact line of the content a person wrote.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gk {

// One file (or folder) of the content. Text is kept for files we parsed, so
// diagnostics can quote the offending line and the loader can read a value's
// literal text back. A file the loader did not need to read (the previous
// build read it, and it has not changed since: its figures come from the
// load cache, its narrative is rendered only if its page is) is read when
// its text is first asked for. Lines are indexed when first asked for.
class SourceFile {
public:
    // Reads the file's bytes; nullopt when it cannot be read.
    using Reader = std::function<std::optional<std::string>()>;

    SourceFile(std::string path, std::string text);
    // A file read by `read_later` when its text is first asked for.
    SourceFile(std::string path, Reader read_later);
    SourceFile(const SourceFile&) = delete;
    SourceFile& operator=(const SourceFile&) = delete;

    const std::string& path() const { return path_; }
    // The text, read now if it was left for later. Throws std::runtime_error
    // when it can no longer be read (the file went or changed into a folder
    // while the site was being built). Thread-safe.
    const std::string& text() const;
    // Reads the text now if it was left for later; false when it cannot be
    // read (its text is then empty). Thread-safe.
    bool read() const;
    // Line n (1-based) without its line break; empty past the end, or when
    // the text cannot be read.
    std::string_view line(std::uint32_t n) const;
    // Byte offset in `line(n)` of 1-based column `col` counted in code points,
    // which is how toml++ counts columns.
    std::size_t column_to_byte(std::uint32_t n, std::uint32_t col) const;

private:
    void index_lines() const;

    std::string path_;
    Reader read_later_;  // empty for a text given
    mutable std::string text_;
    mutable bool readable_ = true;
    mutable std::once_flag read_once_, lines_once_;
    // 32 bits: half the memory for the ~2 million lines of a large portal;
    // a text of 4 GiB or more is refused.
    mutable std::vector<std::uint32_t> line_starts_;
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
    // A file whose text is read when first asked for (SourceFile above).
    const SourceFile& add_deferred(std::string path, SourceFile::Reader read_later);

private:
    std::mutex mutex_;
    std::deque<SourceFile> files_;
};

}  // namespace gk
